import type { ConversationService } from '../domains/conversations/index.ts'
import type { SettledPaymentLinkCheckout } from '../workflows/payment-link-checkout/index.ts'
import { describeCheckoutFailure, describePlacedOrder } from './dialogue/flows/checkout-flow.ts'
import type { FlowServices } from './dialogue/index.ts'
import { renderReply, type Reply } from './replies/index.ts'

/**
 * Tells a conversation how its payment-link checkout ended, once the shopper paid on the hosted
 * page: the order confirmation and order card (`order.placed-in-conversation`), or why no order
 * was placed. Written in the conversation's language at that moment.
 */
export function createPaymentLinkAnnouncer(
  conversations: Pick<ConversationService, 'findConversation' | 'sendMessages'>,
  catalog?: FlowServices['catalog'],
): (settled: SettledPaymentLinkCheckout) => Promise<void> {
  return async (settled) => {
    const conversation = await conversations.findConversation(settled.conversationId)
    if (conversation === undefined) return
    const outcome = settled.outcome
    const replies: readonly Reply[] = outcome.ok
      ? describePlacedOrder(outcome.order, {
          locale: conversation.locale,
          services: catalog === undefined ? {} : { catalog },
        })
      : describeCheckoutFailure(outcome, undefined).replies
    await conversations.sendMessages(conversation.id, {
      messages: replies.map((reply) => ({
        authorRole: 'bot' as const,
        content: renderReply(reply, conversation.locale),
      })),
      events: [
        outcome.ok
          ? {
              type: 'order.placed-in-conversation',
              aggregateId: conversation.id,
              payload: {
                orderId: outcome.order.id,
                orderNumber: outcome.order.number,
                total: outcome.order.total,
                paymentId: settled.paymentId,
                paidBy: 'payment-link',
              },
            }
          : {
              type: 'checkout.payment-link-failed',
              aggregateId: conversation.id,
              payload: { paymentId: settled.paymentId, reason: outcome.reason },
            },
      ],
    })
  }
}
