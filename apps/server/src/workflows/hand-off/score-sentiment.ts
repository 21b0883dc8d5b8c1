/** Sentiment labels of a shopper's words. */
export const sentimentLabels = ['negative', 'neutral', 'positive'] as const

/** One of {@link sentimentLabels}. */
export type SentimentLabel = (typeof sentimentLabels)[number]

// Small lexicons in the four languages; Chinese words match as substrings (no spaces), the others
// as whole words. Enough to tell an angry shopper from a calm one, not a sentiment model.
const negativeWords = [
  // en
  'angry',
  'annoyed',
  'awful',
  'bad',
  'broken',
  'cheated',
  'complain',
  'damaged',
  'disappointed',
  'disgusted',
  'frustrated',
  'furious',
  'hate',
  'horrible',
  'late',
  'lied',
  'never',
  'ridiculous',
  'scam',
  'stolen',
  'terrible',
  'unacceptable',
  'upset',
  'useless',
  'worst',
  'wrong',
  'fraud',
  // ms
  'marah',
  'teruk',
  'rosak',
  'kecewa',
  'tipu',
  'lambat',
  'geram',
  'bodoh',
  'menyampah',
  'hampa',
  'penipuan',
  'salah',
  'hilang',
] as const
const positiveWords = [
  // en
  'thanks',
  'thank',
  'great',
  'good',
  'love',
  'perfect',
  'happy',
  'excellent',
  'helpful',
  'awesome',
  'nice',
  'appreciate',
  // ms
  'terima',
  'kasih',
  'bagus',
  'baik',
  'suka',
  'gembira',
  'hebat',
  'mantap',
  'puas',
] as const
const negativeChinese = [
  '生氣',
  '生气',
  '失望',
  '糟糕',
  '壞了',
  '坏了',
  '騙',
  '骗',
  '投訴',
  '投诉',
  '太慢',
  '爛',
  '烂',
  '欺詐',
  '欺诈',
  '憤怒',
  '愤怒',
  '離譜',
  '离谱',
  '破損',
  '破损',
] as const
const positiveChinese = [
  '謝謝',
  '谢谢',
  '很好',
  '滿意',
  '满意',
  '喜歡',
  '喜欢',
  '太棒',
  '感謝',
  '感谢',
] as const

/**
 * Scores the sentiment of shopper texts: (positive hits − negative hits) / hits, in −1…1, with
 * exclamation marks and all-caps words adding weight to the negative side. `neutral` without hits.
 */
export function scoreSentiment(texts: readonly string[]): {
  readonly label: SentimentLabel
  readonly score: number
} {
  let positive = 0
  let negative = 0
  for (const text of texts) {
    const lower = text.toLowerCase()
    for (const word of lower.split(/[^\p{L}\p{N}']+/u)) {
      if ((negativeWords as readonly string[]).includes(word)) negative += 1
      else if ((positiveWords as readonly string[]).includes(word)) positive += 1
    }
    for (const word of negativeChinese) if (text.includes(word)) negative += 1
    for (const word of positiveChinese) if (text.includes(word)) positive += 1
    if (negative > 0 && /!{2,}|！{2,}/.test(text)) negative += 1
    if (/\b[A-Z]{4,}\b/.test(text)) negative += 1
  }
  const hits = positive + negative
  if (hits === 0) return { label: 'neutral', score: 0 }
  const score = Math.round(((positive - negative) / hits) * 100) / 100
  return { label: score <= -0.25 ? 'negative' : score >= 0.25 ? 'positive' : 'neutral', score }
}
