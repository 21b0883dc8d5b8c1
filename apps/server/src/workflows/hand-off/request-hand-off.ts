import { describeMessageContent } from '@kedai/contracts'
import { inferInboxTopic, type HandOver, type HandOverReason } from '../../domains/inbox/index.ts'
import { buildHandOffSummary } from './build-hand-off-summary.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import type { SummaryMessage } from './hand-off-summary.ts'
import { routeHandOver, type RoutingOutcome } from './route-hand-over.ts'

/** How many of the latest messages the summary and the training candidates read. */
const summaryWindow = 60

/** Reads the latest messages of a conversation as the summary sees them. */
export async function readSummaryMessages(
  dependencies: HandOffDependencies,
  conversationId: string,
  lastSequence: number,
): Promise<SummaryMessage[]> {
  const messages = await dependencies.conversations.listMessages(conversationId, {
    before: lastSequence + 1,
    limit: summaryWindow,
  })
  return messages.map((message) => ({
    id: message.id,
    authorRole: message.authorRole,
    text: describeMessageContent(message.content),
    intent: message.intent,
    confidence: message.confidence,
    createdAt: message.createdAt,
  }))
}

/**
 * Hands a conversation over to a person: builds the agent's summary from the conversation and the
 * records, opens the hand-over, keeps the messages the bot misunderstood as training candidates,
 * moves the conversation to `waiting-for-agent` (when the bot did not already) and routes it.
 * Idempotent: while the conversation has an open hand-over, that one is returned unchanged.
 */
export async function requestHandOff(
  dependencies: HandOffDependencies,
  input: { conversationId: string; reasons: readonly HandOverReason[] },
): Promise<{ handOver: HandOver; created: boolean; outcome: RoutingOutcome }> {
  const { conversations, inbox, records, settings } = dependencies
  const existing = await inbox.findOpenHandOver(input.conversationId)
  if (existing !== undefined) return { handOver: existing, created: false, outcome: 'unchanged' }
  const conversation = await conversations.getConversation(input.conversationId)
  const messages = await readSummaryMessages(
    dependencies,
    conversation.id,
    conversation.lastSequence,
  )
  const shopperTurns = messages.filter((message) => message.authorRole === 'shopper')
  const topic = inferInboxTopic([...shopperTurns].reverse().map((message) => message.intent))
  const customerId = conversation.customerId
  const [customer, recentOrders, cart, policySections] = await Promise.all([
    customerId === null ? undefined : records.findCustomer(customerId),
    customerId === null ? [] : records.listRecentOrders(customerId, 5),
    customerId === null ? undefined : records.findOpenCart(customerId),
    records.listPolicySections(topic, conversation.locale),
  ])
  const reasons: readonly HandOverReason[] =
    input.reasons.length > 0 ? input.reasons : ['explicit-request']
  const summary = buildHandOffSummary({
    messages,
    reasons,
    language: conversation.locale,
    customer: customer ?? null,
    recentOrders,
    cart: cart ?? null,
    policySections,
  })
  const { handOver, created } = await inbox.openHandOver({
    conversationId: conversation.id,
    customerId,
    reasons,
    topic,
    language: conversation.locale,
    summary,
  })
  if (!created) return { handOver, created, outcome: 'unchanged' }
  await inbox.addTrainingCandidates(
    shopperTurns
      .filter(
        (message) =>
          message.text.trim().length > 0 &&
          message.intent !== 'contact_human_agent' &&
          (message.intent === 'out_of_scope' ||
            (message.confidence !== null && message.confidence < settings.trainingConfidenceBelow)),
      )
      .map((message) => ({
        conversationId: conversation.id,
        messageId: message.id,
        text: message.text,
        locale: conversation.locale,
        predictedIntent: message.intent,
        confidence: message.confidence,
      })),
  )
  if (conversation.status === 'bot-active' || conversation.status === 'resolved') {
    // The event this publishes comes back to the subscriber, which finds the open hand-over.
    await conversations.changeStatus(conversation.id, 'hand-over-requested', {
      reasons,
      handOverId: handOver.id,
    })
  }
  const routed = await routeHandOver(dependencies, handOver.id, { announce: true })
  return { handOver: routed.handOver, created, outcome: routed.outcome }
}
