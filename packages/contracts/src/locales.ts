import { z } from 'zod'

/** The languages (and scripts) shoppers are served in. */
export const locales = ['en', 'zh-Hant', 'zh-Hans', 'ms'] as const

/** One of {@link locales}. */
export type SupportedLocale = (typeof locales)[number]

/** zod schema of a supported locale. */
export const supportedLocaleSchema = z.enum(locales)
