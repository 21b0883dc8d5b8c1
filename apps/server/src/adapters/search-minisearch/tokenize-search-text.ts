import { Converter } from 'opencc-js'
import { findAllMatches } from '../../shared/find-all-matches.ts'

/**
 * Text → search terms, the same way at index and at query time: NFKD-folded and lower-cased Latin
 * words (diacritics dropped), Chinese folded from Traditional to Simplified with OpenCC (so 運動鞋 and
 * 运动鞋 become the same terms), segmented into words with `Intl.Segmenter`, plus character bigrams
 * and single characters so any part of a Chinese name is found.
 */

const convertTraditionalToSimplified = Converter({ from: 't', to: 'cn' })
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const hanPattern = /\p{Script=Han}/u
const hanRunPattern = /\p{Script=Han}+/gu
const wordPattern = /[\p{L}\p{N}]+/gu
const markPattern = /\p{M}/gu

/** Words a query can drop without changing what the shopper wants (English and Malay). */
const queryStopWords = new Set([
  'a',
  'an',
  'and',
  'the',
  'for',
  'with',
  'of',
  'in',
  'to',
  'me',
  'i',
  'want',
  'show',
  'dan',
  'untuk',
  'yang',
  'dengan',
  'saya',
  'nak',
  'mahu',
])

/** True when the text holds a Chinese (Han) character. */
export function hasHan(text: string): boolean {
  return hanPattern.test(text)
}

/** Lower-cases, drops diacritics and folds Traditional Chinese to Simplified. */
export function normalizeSearchText(text: string): string {
  const folded = text.normalize('NFKD').replace(markPattern, '').toLowerCase()
  return hasHan(folded) ? convertTraditionalToSimplified(folded) : folded
}

function addBigrams(run: string, terms: string[]): void {
  const characters = [...run]
  for (let index = 0; index + 1 < characters.length; index += 1) {
    terms.push(`${characters[index] ?? ''}${characters[index + 1] ?? ''}`)
  }
}

/** Terms to index for a field's text: words, Chinese words, bigrams and single characters. */
export function tokenizeForIndex(text: string): string[] {
  const normalized = normalizeSearchText(text)
  const terms: string[] = []
  if (!hasHan(normalized)) {
    for (const match of findAllMatches(wordPattern, normalized)) terms.push(match[0])
    return terms
  }
  for (const segment of segmenter.segment(normalized)) {
    if (segment.isWordLike === true) terms.push(segment.segment)
  }
  for (const match of findAllMatches(hanRunPattern, normalized)) {
    addBigrams(match[0], terms)
    for (const character of match[0]) terms.push(character)
  }
  return terms
}

/** A query's terms, each marked as Chinese or not (typo tolerance applies to Latin words only). */
export interface QueryTerms {
  readonly terms: readonly string[]
  readonly chinese: ReadonlySet<string>
}

/**
 * The query's words, with a one-character Chinese word joined to the Chinese word before it (or
 * after it, at the start): 运动|鞋 becomes 运动鞋, whose bigram 动鞋 is far more selective than 鞋.
 */
function mergeSingleCharacterWords(text: string): string[] {
  const words: string[] = []
  // Whether the last word is Chinese and directly touches the next segment (no space between).
  let joinable = false
  let pendingPrefix = ''
  for (const segment of segmenter.segment(text)) {
    const word = segment.segment
    if (segment.isWordLike !== true) {
      if (pendingPrefix !== '') words.push(pendingPrefix)
      pendingPrefix = ''
      joinable = false
      continue
    }
    const isHan = hasHan(word)
    const isSingleHan = isHan && [...word].length === 1
    if (isSingleHan && joinable) {
      words[words.length - 1] = `${words[words.length - 1] ?? ''}${word}`
    } else if (isSingleHan) {
      pendingPrefix += word
      continue
    } else if (isHan) {
      if ([...pendingPrefix].length > 1) words.push(pendingPrefix, word)
      else words.push(pendingPrefix + word)
      pendingPrefix = ''
    } else {
      if (pendingPrefix !== '') words.push(pendingPrefix)
      pendingPrefix = ''
      words.push(word)
    }
    joinable = isHan
  }
  if (pendingPrefix !== '') words.push(pendingPrefix)
  return words
}

/**
 * Terms of a shopper's query. Chinese is segmented into words first and each word is searched by
 * its bigrams (a single-character word by itself), so 黑色运动鞋 needs 黑色 and 运动/动鞋 but not the
 * cross-word bigram 色运. Stop words are dropped unless nothing else is left.
 */
export function tokenizeQuery(text: string): QueryTerms {
  const normalized = normalizeSearchText(text)
  const terms: string[] = []
  const chinese = new Set<string>()
  for (const word of mergeSingleCharacterWords(normalized)) {
    if (!hasHan(word)) {
      for (const match of findAllMatches(wordPattern, word)) terms.push(match[0])
      continue
    }
    for (const match of findAllMatches(wordPattern, word)) {
      const piece = match[0]
      const hanRuns = findAllMatches(hanRunPattern, piece).map((run) => run[0])
      for (const latin of piece.split(hanRunPattern)) if (latin.length > 0) terms.push(latin)
      for (const run of hanRuns) {
        const before = terms.length
        if ([...run].length === 1) terms.push(run)
        else addBigrams(run, terms)
        for (const term of terms.slice(before)) chinese.add(term)
      }
    }
  }
  const meaningful = terms.filter((term) => !queryStopWords.has(term))
  const unique = [...new Set(meaningful.length > 0 ? meaningful : terms)]
  return { terms: unique, chinese }
}
