import { describe, expect, it } from 'vitest'
import { detectLocale, formatMoney, matchLocale } from './store-locale.ts'

describe('matchLocale', () => {
  it('reads Traditional Chinese when the tag names Taiwan, Hong Kong, Macau or Hant', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-HK', 'zh_TW'])
      expect(matchLocale(tag)).toBe('zh-Hant')
  })

  it('reads Simplified Chinese when the tag is any other Chinese', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-MY'])
      expect(matchLocale(tag)).toBe('zh-Hans')
  })

  it('reads Malay and English when the tag names them with any region', () => {
    expect(matchLocale('ms-MY')).toBe('ms')
    expect(matchLocale('ms')).toBe('ms')
    expect(matchLocale('en-GB')).toBe('en')
  })

  it('returns undefined when the store does not speak the language', () => {
    expect(matchLocale('fr-FR')).toBeUndefined()
    expect(matchLocale('')).toBeUndefined()
    expect(matchLocale(null)).toBeUndefined()
  })
})

describe('detectLocale', () => {
  it('prefers the shopper’s choice over the page and the browser when a choice was made', () => {
    expect(
      detectLocale({
        chosen: 'ms',
        pageLanguage: 'en',
        browserLanguages: ['zh-TW'],
        fallback: 'en',
      }),
    ).toBe('ms')
  })

  it('takes the first browser language the store speaks when the page has no language', () => {
    expect(
      detectLocale({
        pageLanguage: '',
        browserLanguages: ['fr-FR', 'zh-HK', 'en'],
        fallback: 'en',
      }),
    ).toBe('zh-Hant')
  })

  it('falls back to the store default when nothing matches', () => {
    expect(detectLocale({ browserLanguages: ['de-DE'], fallback: 'ms' })).toBe('ms')
  })
})

describe('formatMoney', () => {
  it('writes ringgit as RM with two decimals when the amount is in sen', () => {
    expect(formatMoney({ amount: 18950, currency: 'MYR' }, 'en')).toMatch(/^RM\s?189\.50$/)
    expect(formatMoney({ amount: 18950, currency: 'MYR' }, 'zh-Hant')).toMatch(/^RM\s?189\.50$/)
  })
})
