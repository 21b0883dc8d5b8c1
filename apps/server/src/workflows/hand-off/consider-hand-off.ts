import type { Conversation } from '../../domains/conversations/index.ts'
import { evaluateHandOverTriggers, type HandOverDecision } from '../../domains/inbox/index.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { readSummaryMessages, requestHandOff } from './request-hand-off.ts'
import { scoreSentiment } from './score-sentiment.ts'

/** How far back a fraud review of the customer's checkouts counts. */
const reviewWindowMs = 30 * 24 * 60 * 60 * 1000

/** Complaint severity from the shopper's words: 3 very negative, 2 negative, 1 otherwise. */
export function rateComplaintSeverity(text: string): number {
  const { label, score } = scoreSentiment([text])
  if (label !== 'negative') return 1
  return score <= -0.6 ? 3 : 2
}

/**
 * After the bot understood a shopper's turn, applies the store's hand-over rules (low confidence
 * in a row, intents that always need a person, severe complaints, VIP tiers, checkouts under fraud
 * review) and hands the conversation over when one applies. Only while the bot has the
 * conversation; returns the decision.
 */
export async function considerHandOff(
  dependencies: HandOffDependencies,
  input: {
    conversationId: string
    messageId: string
    intent: string
    confidence: number
    /**
     * The message answered the bot's own question (a slot, a confirmation): a flow is in charge and
     * the recognizer's reading of the bare answer ("save my card" read as a fraud report) must not
     * call in a person.
     */
    answeredQuestion?: boolean
  },
): Promise<HandOverDecision> {
  if (input.answeredQuestion === true) return { handOver: false }
  const conversation = await dependencies.conversations.getConversation(input.conversationId)
  if (conversation.status !== 'bot-active') return { handOver: false }
  const rules = dependencies.settings.rules
  // Only the low-confidence rule looks at earlier turns, and only when this turn is unsure too;
  // only a complaint needs the text. Every other turn is decided without reading the history.
  const lowConfidence = rules.lowConfidence
  const earlier =
    lowConfidence !== undefined &&
    lowConfidence.consecutiveTurns > 1 &&
    input.confidence < lowConfidence.threshold
      ? await readEarlierTurns(dependencies, conversation, input.messageId, lowConfidence)
      : []
  const turns = [...earlier, { intent: input.intent, confidence: input.confidence }]
  const current =
    input.intent === 'complaint'
      ? (await readSummaryMessages(dependencies, conversation.id, conversation.lastSequence)).find(
          (message) => message.id === input.messageId,
        )
      : undefined
  const customerId = conversation.customerId
  const since = new Date(dependencies.clock.now().getTime() - reviewWindowMs).toISOString()
  const [customer, underReview] = await Promise.all([
    customerId === null ? undefined : dependencies.records.findCustomer(customerId),
    customerId === null ? false : dependencies.records.hasCheckoutUnderReview(customerId, since),
  ])
  const decision = evaluateHandOverTriggers(rules, {
    turns,
    complaintSeverity: current === undefined ? undefined : rateComplaintSeverity(current.text),
    customerTier: customer?.loyaltyTier,
    hasOrderUnderReview: underReview,
  })
  if (decision.handOver) {
    await requestHandOff(dependencies, {
      conversationId: conversation.id,
      reasons: decision.reasons,
    })
  }
  return decision
}

/** The shopper turns before `messageId` the low-confidence rule needs (oldest first). */
async function readEarlierTurns(
  dependencies: HandOffDependencies,
  conversation: Conversation,
  messageId: string,
  rule: { readonly consecutiveTurns: number },
): Promise<{ intent: string | null; confidence: number | null }[]> {
  const turns = await dependencies.conversations.listShopperTurns(conversation.id, {
    beforeSequence: conversation.lastSequence + 1,
    limit: rule.consecutiveTurns,
  })
  return turns
    .filter((turn) => turn.messageId !== messageId)
    .slice(-(rule.consecutiveTurns - 1))
    .map((turn) => ({ intent: turn.intent, confidence: turn.confidence }))
}
