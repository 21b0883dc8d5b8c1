import type { ConversationMessage, Conversation } from '../../domains/conversations/index.ts'
import type { HandOver, InboxNote } from '../../domains/inbox/index.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import type { SummaryCart, SummaryCustomer, SummaryOrder } from './hand-off-summary.ts'
import { findQueuePlace, type QueuePlace } from './route-hand-over.ts'

/** Everything the console shows beside a conversation. */
export interface ConversationView {
  readonly conversation: Conversation
  readonly messages: readonly ConversationMessage[]
  readonly handOver: HandOver | undefined
  readonly queuePlace: QueuePlace | undefined
  readonly notes: readonly InboxNote[]
  readonly customer: SummaryCustomer | undefined
  readonly recentOrders: readonly SummaryOrder[]
  readonly cart: SummaryCart | undefined
}

/** Loads the console's view of a conversation: transcript, hand-over, notes and records, live. */
export async function loadConversationView(
  dependencies: HandOffDependencies,
  conversationId: string,
): Promise<ConversationView> {
  const conversation = await dependencies.conversations.getConversation(conversationId)
  const customerId = conversation.customerId
  const [messages, handOver, notes, customer, recentOrders, cart] = await Promise.all([
    dependencies.conversations.listMessages(conversationId, {
      before: conversation.lastSequence + 1,
      limit: 200,
    }),
    dependencies.inbox.findLatestHandOver(conversationId),
    dependencies.inbox.listNotes(conversationId),
    customerId === null ? undefined : dependencies.records.findCustomer(customerId),
    customerId === null ? [] : dependencies.records.listRecentOrders(customerId, 5),
    customerId === null ? undefined : dependencies.records.findOpenCart(customerId),
  ])
  const queuePlace =
    handOver === undefined || (handOver.status !== 'queued' && handOver.status !== 'offered')
      ? undefined
      : await findQueuePlace(dependencies, handOver.id)
  return { conversation, messages, handOver, queuePlace, notes, customer, recentOrders, cart }
}
