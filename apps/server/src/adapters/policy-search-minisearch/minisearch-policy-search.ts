import MiniSearch from 'minisearch'
import type { PolicySearch, PolicySection } from '../../domains/policies/index.ts'
import type { Locale } from '../../shared/locale.ts'

const hanPattern = /\p{Script=Han}/u
const chineseSegmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const otherSegmenter = new Intl.Segmenter('en', { granularity: 'word' })

/**
 * Splits text into search terms: words for alphabetic scripts, and for Chinese the words of
 * `Intl.Segmenter` plus character bigrams, so a query still matches when the segmenter splits a
 * phrase differently in the question and in the document.
 */
export function tokenizePolicyText(text: string): string[] {
  const terms: string[] = []
  const segmenter = hanPattern.test(text) ? chineseSegmenter : otherSegmenter
  for (const segment of segmenter.segment(text.toLowerCase())) {
    if (segment.isWordLike !== true) continue
    const word = segment.segment
    terms.push(word)
    if (hanPattern.test(word) && word.length > 2) {
      for (let index = 0; index + 1 < word.length; index += 1)
        terms.push(word.slice(index, index + 2))
    }
  }
  return terms
}

const englishStopWords = new Set(
  'a an the is are do does did can could i you we our your my me to of in on for and or what how when where which who it this that be with at by from if will would there any'.split(
    ' ',
  ),
)
// Words every policy question shares ("policy", "what is") carry no signal about which policy.
const genericPolicyWords = new Set(
  'policy policies polisi dasar 政策 規定 规定 條款 条款 什麼 什么 是 的 嗎 吗 呢 你們 你们 我 我們 我们 請問 请问 有 可以'.split(
    ' ',
  ),
)
const malayStopWords = new Set(
  'apa apakah bagaimana saya anda kamu di ke dari dan atau yang ini itu ada tak tidak boleh ke untuk dengan'.split(
    ' ',
  ),
)

interface IndexedSection {
  id: string
  locale: Locale
  title: string
  documentTitle: string
  body: string
}

/** A {@link PolicySearch} over MiniSearch (BM25), one index for all languages filtered by locale. */
export function createMinisearchPolicySearch(): PolicySearch {
  let sections = new Map<string, PolicySection>()
  const createIndex = () =>
    new MiniSearch<IndexedSection>({
      fields: ['title', 'documentTitle', 'body'],
      storeFields: ['locale'],
      tokenize: tokenizePolicyText,
      processTerm: (term) =>
        englishStopWords.has(term) || malayStopWords.has(term) || genericPolicyWords.has(term)
          ? null
          : term,
      searchOptions: {
        boost: { title: 2.5, documentTitle: 1.5 },
        prefix: (term) => term.length > 3,
        fuzzy: 0.15,
      },
    })
  let index = createIndex()
  return {
    replaceAll(next) {
      sections = new Map(next.map((section) => [section.id, section]))
      index = createIndex()
      index.addAll(
        next.map((section) => ({
          id: section.id,
          locale: section.locale,
          title: section.title,
          documentTitle: section.documentTitle,
          body: section.body,
        })),
      )
    },
    search(query, locale, limit) {
      return index
        .search(query, { filter: (result) => result['locale'] === locale })
        .flatMap((result) => {
          const section = sections.get(String(result.id))
          if (section === undefined) return []
          // Documents open with their most general answer; prefer it among near ties.
          const position = Number(section.id.split('#')[1] ?? '0')
          return [{ section, score: result.score * (1 + 0.25 / (1 + position)) }]
        })
        .sort((left, right) => right.score - left.score)
        .slice(0, limit)
    },
  }
}
