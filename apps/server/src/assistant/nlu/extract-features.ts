/** Number of hashed feature slots (a power of two). */
export const featureSpaceSize = 1 << 16

const featureMask = featureSpaceSize - 1
const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193
const wordSeed = 0x9e3779b1
const wordPairSeed = 0x85ebca6b
const maximumCharacterGram = 4
const chineseSegmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** The hashed, L2-normalised sparse features of one normalised message. */
export interface FeatureVector {
  readonly indices: Uint32Array
  /** Every listed index carries this same value (binary features, L2-normalised). */
  readonly value: number
}

function isHanCodeUnit(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)
}

function hashString(text: string, seed: number): number {
  let hash = (fnvOffset ^ seed) >>> 0
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, fnvPrime)
  }
  return hash >>> 0
}

/**
 * Hashes a normalised message (see `normalizeText`) into sparse features: character 2–4-grams of
 * the padded text (plus single characters for Chinese, where one character is often a word),
 * word unigrams (counted twice) and word bigrams, plus one feature per marker (the entity types found in the
 * message, so `#W2378156` or `SAVE10` count as "an order id" or "a coupon"). Character n-grams need no word boundaries, so the same features
 * work for English, Malay and Chinese; Chinese runs are also cut into words (`Intl.Segmenter`, ICU's
 * dictionary) for the word features. Deterministic: the same text always gives the same vector.
 */
export function extractFeatures(
  normalizedText: string,
  markers: readonly string[] = [],
): FeatureVector {
  const padded = ` ${normalizedText} `
  const collected: number[] = []
  for (let start = 0; start < padded.length; start += 1) {
    let hash = fnvOffset
    const first = padded.charCodeAt(start)
    for (
      let length = 1;
      length <= maximumCharacterGram && start + length <= padded.length;
      length += 1
    ) {
      hash ^= padded.charCodeAt(start + length - 1)
      hash = Math.imul(hash, fnvPrime)
      if (length === 1 && !isHanCodeUnit(first)) continue
      if (length === 2 && first === 32 && padded.charCodeAt(start + 1) === 32) continue
      collected.push(((hash ^ length) >>> 0) & featureMask)
    }
  }
  const rawWords = normalizedText === '' ? [] : normalizedText.split(' ')
  const words: string[] = []
  for (const word of rawWords) {
    if (isHanCodeUnit(word.charCodeAt(0)) && word.length > 1) {
      for (const piece of chineseSegmenter.segment(word)) words.push(piece.segment)
    } else words.push(word)
  }
  let previous = '<s>'
  for (const word of words) {
    const wordFeature = hashString(word, wordSeed) & featureMask
    // Listed twice: whole words deserve more weight than any one of the many character n-grams.
    collected.push(wordFeature, wordFeature)
    collected.push(hashString(`${previous} ${word}`, wordPairSeed) & featureMask)
    previous = word
  }
  if (words.length > 0) collected.push(hashString(`${previous} </s>`, wordPairSeed) & featureMask)
  for (const marker of markers) collected.push(hashString(`@${marker}`, wordSeed) & featureMask)
  const indices = Uint32Array.from(collected)
  return { indices, value: indices.length === 0 ? 0 : 1 / Math.sqrt(indices.length) }
}
