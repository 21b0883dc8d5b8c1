import type { ReturnStatus } from '../../../domains/returns/index.ts'
import type { MessageKey, Reply } from '../../replies/index.ts'
import type { Flow, FlowOutcome } from '../flow.ts'
import {
  accessOrder,
  orderAccessSlots,
  paymentMethodKey,
  prefillKnownCustomer,
  talkToPersonChoice,
  unavailableOutcome,
} from './order-care.ts'

/** At most this many refunds and returns are listed (the newest). */
const maximumLines = 5

const returnStatusKeys: Readonly<Record<ReturnStatus, MessageKey>> = {
  requested: 'return-status-requested',
  'label-issued': 'return-status-requested',
  received: 'return-status-received',
  refunded: 'return-status-refunded',
  cancelled: 'return-status-cancelled',
}

function refundStatusKey(status: string): MessageKey {
  if (status === 'succeeded' || status === 'refunded') return 'refund-status-succeeded'
  if (status === 'failed') return 'refund-status-failed'
  return 'refund-status-pending'
}

/**
 * Refund status in chat: order number and verification (as tracking), then the order's refunds
 * (amount, method, status) and returns (RMA, status, where the refund goes), or that there is none.
 */
export const refundStatusFlow: Flow = {
  name: 'refund-status',
  intents: ['track_refund'],
  slots: orderAccessSlots,
  prefill: prefillKnownCustomer,
  async guard(_slots, context) {
    return context.services.returnRecords === undefined ? unavailableOutcome : undefined
  },
  async complete(slots, context): Promise<FlowOutcome> {
    const returnRecords = context.services.returnRecords
    if (returnRecords === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, true)
    if (!access.ok) return access.outcome ?? unavailableOutcome
    const { order } = access
    const refunds = order.payments.filter((payment) => payment.kind === 'refund')
    const returns = await returnRecords.listReturnsOfOrder(order.id)
    const event = {
      type: 'order.refund-status-shown-in-conversation',
      aggregateId: context.conversationId,
      payload: { orderId: order.id, refunds: refunds.length, returns: returns.length },
    }
    if (refunds.length === 0 && returns.length === 0) {
      return {
        replies: [
          {
            key: 'refund-none',
            values: { number: order.number },
            choices: [
              { label: 'choice-start-return', payload: '/intent:request_return' },
              talkToPersonChoice,
            ],
          },
        ],
        events: [event],
      }
    }
    const lines: Reply[] = [
      ...refunds.map((refund): Reply => ({
        key: 'refund-line',
        values: {
          amount: { amount: refund.amount, currency: refund.currency },
          method: { key: paymentMethodKey(refund.paymentMethodReference) },
          status: { key: refundStatusKey(refund.status) },
        },
      })),
      ...returns.map((record): Reply => ({
        key: 'refund-return-line',
        values: {
          rma: record.rmaNumber,
          status: { key: returnStatusKeys[record.status] },
          method: { key: paymentMethodKey(record.refundPaymentMethodReference) },
        },
      })),
    ]
    const shown = lines.slice(-maximumLines)
    const last = shown.at(-1)
    // A refund the provider refused needs a person: offer one instead of promising a call.
    if (last !== undefined && refunds.some((refund) => refund.status === 'failed'))
      shown[shown.length - 1] = { ...last, choices: [talkToPersonChoice] }
    return {
      replies: [{ key: 'refund-summary', values: { number: order.number } }, ...shown],
      events: [event],
    }
  },
}
