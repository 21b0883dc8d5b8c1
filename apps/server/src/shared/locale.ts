/** The languages Kedai understands and answers in (language and script). */
export const locales = ['en', 'zh-Hant', 'zh-Hans', 'ms'] as const

/** One of {@link locales}. */
export type Locale = (typeof locales)[number]

/** Text in several locales; English is always present and is the fallback. */
export type LocalizedText = Partial<Record<Locale, string>> & { en: string }

/** True when `value` names a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** The text in `locale`, falling back to English when that translation is missing. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en
}
