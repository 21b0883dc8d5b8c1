import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from '../../app/config.ts'
import { splitPolicySections, type PolicySection } from '../../domains/policies/index.ts'
import { isLocale } from '../../shared/locale.ts'
import { createMinisearchPolicySearch, tokenizePolicyText } from './minisearch-policy-search.ts'

const policyDirectory = join(repositoryRoot, 'data', 'demo', 'policies')

function readDemoSections(): PolicySection[] {
  return readdirSync(policyDirectory)
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => {
      const [slug = '', locale = ''] = file.replace(/\.md$/, '').split('.')
      if (!isLocale(locale)) return []
      const body = readFileSync(join(policyDirectory, file), 'utf8')
      const title = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? slug
      return splitPolicySections({ slug, locale, title, body })
    })
}

describe('createMinisearchPolicySearch', () => {
  const search = createMinisearchPolicySearch()
  search.replaceAll(readDemoSections())

  it.each([
    ['en', 'How long do I have to return an item?', 'returns-and-refunds'],
    ['en', 'Do you deliver to Singapore?', 'shipping'],
    ['zh-Hant', '退貨期限是多久？', 'returns-and-refunds'],
    ['zh-Hans', '运费多少？', 'shipping'],
    ['ms', 'Berapa lama tempoh pemulangan?', 'returns-and-refunds'],
    ['ms', 'Berapakah kos penghantaran?', 'shipping'],
  ] as const)('finds the %s section about %s in that language', (locale, question, slug) => {
    const [best] = search.search(question, locale, 3)
    expect(best?.section.slug).toBe(slug)
    expect(best?.section.locale).toBe(locale)
  })

  it('returns nothing when no section shares a word with the question', () => {
    expect(search.search('xylophone quasar', 'en', 3)).toEqual([])
  })
})

describe('tokenizePolicyText', () => {
  it('adds character bigrams to Chinese words when the segmenter keeps a long word', () => {
    const terms = tokenizePolicyText('退貨政策')
    expect(terms).toEqual(expect.arrayContaining(['退貨']))
  })
})
