import type { Flow, FlowOutcome, SlotDefinition } from '../flow.ts'
import { trackOrderFlow, readOrderNumber } from './track-order-flow.ts'
import { verifyOrderAccess } from './verify-order-access.ts'

const [orderNumberSlot, emailSlot] = trackOrderFlow.slots ?? []

/**
 * Returns in chat: order number, verification e-mail (unless signed in or verified earlier in the
 * conversation), explicit confirmation, then
 * the start-return workflow (policy checks, RMA, label link, e-mailed instructions); the label is sent
 * as a file message.
 */
export const returnFlow: Flow = {
  name: 'return',
  intents: ['request_return'],
  prefill: trackOrderFlow.prefill,
  slots: [orderNumberSlot, emailSlot].filter((slot): slot is SlotDefinition => slot !== undefined),
  confirmation: (slots) => ({
    key: 'return-confirm',
    values: { number: readOrderNumber(slots['order_number'] ?? '') ?? '' },
  }),
  async complete(slots, context): Promise<FlowOutcome> {
    const number = readOrderNumber(slots['order_number'] ?? '')
    if (number === undefined || context.services.returns === undefined)
      return { replies: [{ key: 'not-yet-available' }] }
    const access = await verifyOrderAccess(context, number, slots['email'])
    if (!access.ok) return access.outcome
    const { order, customerId } = access
    const payment =
      order.payments.find((transaction) => transaction.kind === 'payment') ?? order.payments[0]
    if (order.status !== 'delivered' || payment === undefined) {
      return {
        replies: [
          {
            key: 'return-not-allowed',
            values: { number, status: { key: `order-status-${order.status}` as const } },
            choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
          },
        ],
      }
    }
    const started = await context.services.returns.start({
      customerId,
      orderNumber: number,
      items: order.items.map((item) => item.sku),
      paymentMethodReference: payment.paymentMethodReference,
      locale: context.locale,
    })
    if (!started.ok) {
      return {
        events: [
          {
            type: 'return.refused-in-conversation',
            aggregateId: context.conversationId,
            payload: { orderId: order.id, reason: started.reason },
          },
        ],
        replies: [
          {
            key: 'return-not-allowed',
            values: { number, status: { key: `order-status-${order.status}` as const } },
            choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
          },
        ],
      }
    }
    // The returns policy's charge for the prepaid label, said before the parcel goes.
    const labelFee = context.services.returns.labelFee(order)
    return {
      replies: [
        { key: 'return-started', values: { rma: started.rmaNumber } },
        ...(labelFee.amount > 0
          ? [{ key: 'return-label-fee' as const, values: { fee: labelFee } }]
          : []),
        {
          key: 'return-label',
          values: { rma: started.rmaNumber },
          file: { url: started.labelUrl, mediaType: 'application/pdf' },
        },
      ],
      events: [
        {
          type: 'return.started-in-conversation',
          aggregateId: context.conversationId,
          payload: { orderId: order.id, rmaNumber: started.rmaNumber },
        },
      ],
    }
  },
}
