import { Converter } from 'opencc-js'
import { ConverterFactory } from 'opencc-js/core'
import simplifiedToTraditionalCharacters from 'opencc-js/dict/STCharacters'

const convertTraditionalToSimplified = Converter({ from: 't', to: 'cn' })
// Character by character is all script detection needs; OpenCC's Simplified→Traditional phrase
// dictionary would add about 20 MB to the server's memory for no better answer.
const convertSimplifiedToTraditional = ConverterFactory([simplifiedToTraditionalCharacters])

const hanPattern = /\p{Script=Han}/u

/** True when the text holds at least one Chinese (Han) character. */
export function hasHanCharacters(text: string): boolean {
  return hanPattern.test(text)
}

/** Converts Traditional Chinese characters to Simplified (other text unchanged). */
export function convertToSimplified(text: string): string {
  return hasHanCharacters(text) ? convertTraditionalToSimplified(text) : text
}

function countChangedCharacters(original: string, converted: string): number {
  // OpenCC may rewrite phrases, so compare code points pairwise only when the lengths agree.
  const left = [...original]
  const right = [...converted]
  if (left.length !== right.length) return original === converted ? 0 : 1
  let changed = 0
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] !== right[index]) changed += 1
  }
  return changed
}

/**
 * Which Chinese script the text is written in, decided from its characters: `zh-Hant` when it
 * holds characters that only Traditional writing uses, `zh-Hans` for Simplified-only characters,
 * `undefined` when every character is shared by both scripts (like 你好).
 */
export function detectChineseScript(text: string): 'zh-Hant' | 'zh-Hans' | undefined {
  const traditionalMarks = countChangedCharacters(text, convertTraditionalToSimplified(text))
  const simplifiedMarks = countChangedCharacters(text, convertSimplifiedToTraditional(text))
  if (traditionalMarks === 0 && simplifiedMarks === 0) return undefined
  return traditionalMarks >= simplifiedMarks ? 'zh-Hant' : 'zh-Hans'
}
