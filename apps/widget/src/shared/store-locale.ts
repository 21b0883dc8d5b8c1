import type { SupportedLocale } from '@kedai/contracts'

/** The languages the widget and storefront offer, in switcher order. */
export const storeLocales = [
  'en',
  'zh-Hant',
  'zh-Hans',
  'ms',
] as const satisfies readonly SupportedLocale[]

/** How each language names itself in the switcher. */
export const localeLabels: Record<SupportedLocale, string> = {
  en: 'English',
  'zh-Hant': '繁中',
  'zh-Hans': '简中',
  ms: 'BM',
}

/** Short names for tight spaces (the widget's header switcher). */
export const localeShortLabels: Record<SupportedLocale, string> = {
  en: 'EN',
  'zh-Hant': '繁中',
  'zh-Hans': '简中',
  ms: 'BM',
}

/** The BCP 47 tag of each locale, for `lang` attributes and `Intl` formatting. */
export const localeTags: Record<SupportedLocale, string> = {
  en: 'en-MY',
  'zh-Hant': 'zh-Hant-TW',
  'zh-Hans': 'zh-Hans-CN',
  ms: 'ms-MY',
}

/**
 * Maps a language tag (`zh-TW`, `zh-Hant-HK`, `zh-CN`, `ms-MY`, `en-GB`…) to a supported locale;
 * `undefined` when the language is not one the store speaks.
 */
export function matchLocale(tag: string | null | undefined): SupportedLocale | undefined {
  if (tag === null || tag === undefined) return undefined
  const lower = tag.trim().toLowerCase()
  if (lower.length === 0) return undefined
  const [language] = lower.split(/[-_]/)
  if (language === 'zh') {
    if (/hant|-tw|-hk|-mo|_tw|_hk|_mo/.test(lower)) return 'zh-Hant'
    return 'zh-Hans'
  }
  if (language === 'ms' || language === 'zsm' || language === 'zlm') return 'ms'
  if (language === 'en') return 'en'
  return undefined
}

/**
 * Picks the locale to show: an explicit choice (switcher or `data-kedai-locale`) first, then the
 * page's `lang`, then the browser's languages in order, then the store default.
 */
export function detectLocale(sources: {
  readonly chosen?: string | null | undefined
  readonly pageLanguage?: string | null | undefined
  readonly browserLanguages?: readonly string[] | undefined
  readonly fallback: SupportedLocale
}): SupportedLocale {
  const candidates = [sources.chosen, sources.pageLanguage, ...(sources.browserLanguages ?? [])]
  for (const candidate of candidates) {
    const locale = matchLocale(candidate)
    if (locale !== undefined) return locale
  }
  return sources.fallback
}

/** Formats minor units of a currency for a locale (`RM 129.00`). */
export function formatMoney(
  money: { readonly amount: number; readonly currency: string },
  locale: SupportedLocale,
): string {
  return new Intl.NumberFormat(localeTags[locale], {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: 'narrowSymbol',
  }).format(money.amount / 100)
}
