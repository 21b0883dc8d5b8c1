import type { HandOverReason } from '../../domains/inbox/index.ts'
import type {
  HandOffSummary,
  SummaryCart,
  SummaryCustomer,
  SummaryMessage,
  SummaryOrder,
  SummaryPolicy,
} from './hand-off-summary.ts'
import { scoreSentiment } from './score-sentiment.ts'

// Intents that say nothing about what the shopper wants (asking for a person is how, not what).
const uninformativeIntents = new Set([
  'greeting',
  'goodbye',
  'thanks',
  'affirm',
  'deny',
  'contact_human_agent',
])

/** Everything the summary is built from. */
export interface SummaryInput {
  readonly messages: readonly SummaryMessage[]
  readonly reasons: readonly HandOverReason[]
  readonly language: string
  readonly customer: SummaryCustomer | null
  readonly recentOrders: readonly SummaryOrder[]
  readonly cart: SummaryCart | null
  /** Sections of the policy for the request's topic, in the shopper's language. */
  readonly policySections: readonly { slug: string; title: string; body: string }[]
}

function wordsOf(text: string): Set<string> {
  const lower = text.toLowerCase()
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 2)
  // Chinese has no spaces: use character pairs.
  const han = [...lower.replace(/[^\p{Script=Han}]/gu, '')]
  for (let index = 0; index + 1 < han.length; index += 1)
    words.push(`${han[index]}${han[index + 1]}`)
  return new Set(words)
}

function pickPolicy(
  sections: SummaryInput['policySections'],
  shopperText: string,
): SummaryPolicy | null {
  const asked = wordsOf(shopperText)
  let best: { section: SummaryInput['policySections'][number]; score: number } | undefined
  for (const section of sections) {
    const words = wordsOf(`${section.title} ${section.body}`)
    let score = 0
    for (const word of asked) if (words.has(word)) score += 1
    if (best === undefined || score > best.score) best = { section, score }
  }
  if (best === undefined) return null
  const body = best.section.body.replace(/\s+/g, ' ').trim()
  return {
    slug: best.section.slug,
    title: best.section.title,
    excerpt: body.length > 400 ? `${body.slice(0, 397)}…` : body,
  }
}

/**
 * Builds the agent's summary extractively: the shopper's most telling message (the latest with an
 * informative intent, else their latest), the bot's last three replies, the intents and
 * confidences, the sentiment of the shopper's words, the records, and the policy section that
 * shares the most words with the shopper's messages. Pure.
 */
export function buildHandOffSummary(input: SummaryInput): HandOffSummary {
  const shopperMessages = input.messages.filter((message) => message.authorRole === 'shopper')
  const informative = [...shopperMessages]
    .reverse()
    .find((message) => message.intent !== null && !uninformativeIntents.has(message.intent))
  const wantsMessage = informative ?? shopperMessages.at(-1)
  const botTried = input.messages
    .filter((message) => message.authorRole === 'bot' && message.text.length > 0)
    .slice(-3)
    .map((message) => message.text)
  return {
    wants: wantsMessage?.text ?? '',
    wantsIntent: wantsMessage?.intent ?? null,
    reasons: input.reasons,
    botTried,
    intents: shopperMessages.map((message) => ({
      intent: message.intent,
      confidence: message.confidence,
    })),
    language: input.language,
    sentiment: scoreSentiment(shopperMessages.map((message) => message.text)),
    customer: input.customer,
    recentOrders: input.recentOrders,
    cart: input.cart,
    policy: pickPolicy(
      input.policySections,
      shopperMessages.map((message) => message.text).join(' '),
    ),
    messageCount: input.messages.length,
  }
}
