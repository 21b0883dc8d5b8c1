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
  input: { conversationId: string; messageId: string; intent: string; confidence: number },
): Promise<HandOverDecision> {
  const conversation = await dependencies.conversations.getConversation(input.conversationId)
  if (conversation.status !== 'bot-active') return { handOver: false }
  const messages = await readSummaryMessages(
    dependencies,
    conversation.id,
    conversation.lastSequence,
  )
  const shopperMessages = messages.filter((message) => message.authorRole === 'shopper')
  const turns = shopperMessages.map((message) =>
    message.id === input.messageId
      ? { intent: input.intent, confidence: input.confidence }
      : { intent: message.intent, confidence: message.confidence },
  )
  const current = shopperMessages.find((message) => message.id === input.messageId)
  const customerId = conversation.customerId
  const since = new Date(dependencies.clock.now().getTime() - reviewWindowMs).toISOString()
  const [customer, underReview] = await Promise.all([
    customerId === null ? undefined : dependencies.records.findCustomer(customerId),
    customerId === null ? false : dependencies.records.hasCheckoutUnderReview(customerId, since),
  ])
  const decision = evaluateHandOverTriggers(dependencies.settings.rules, {
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
