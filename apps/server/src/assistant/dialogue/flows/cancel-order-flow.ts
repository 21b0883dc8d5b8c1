import {
  cancellationReasons,
  orderLoyaltyPoints,
  type CancellationReason,
  type Order,
} from '../../../domains/orders/index.ts'
import type { MessageKey, Reply } from '../../replies/index.ts'
import type { Flow, FlowOutcome, SlotDefinition } from '../flow.ts'
import {
  accessOrder,
  mentions,
  netPaid,
  normalizeAnswer,
  orderAccessSlots,
  prefillKnownCustomer,
  readChoicePayload,
  describeOperationRefusal,
  statusValue,
  talkToPersonChoice,
  unavailableOutcome,
} from './order-care.ts'
import { readOrderNumber } from './track-order-flow.ts'

/** The quick-reply label of each cancellation reason the store accepts. */
const reasonLabels: Readonly<Record<CancellationReason, MessageKey>> = {
  'no longer needed': 'choice-reason-no-longer-needed',
  'ordered by mistake': 'choice-reason-ordered-by-mistake',
}

/** Words that give a reason when typed instead of tapped, in the four languages. */
const reasonWords: Readonly<Record<CancellationReason, readonly string[]>> = {
  'no longer needed': [
    'no longer need',
    'not needed',
    'dont need',
    'don t need',
    'do not need',
    'changed my mind',
    'change of mind',
    '不需要',
    '不再需要',
    '不想要',
    '改變主意',
    '改变主意',
    'tak perlu',
    'tidak perlu',
    'tak diperlukan',
    'tidak diperlukan',
    'tukar fikiran',
    'ubah fikiran',
  ],
  'ordered by mistake': [
    'mistake',
    'by accident',
    'accidentally',
    'wrong order',
    'ordered wrong',
    '下錯',
    '下错',
    '買錯',
    '买错',
    '不小心',
    '誤下',
    '误下',
    'tersilap',
    'silap',
    'salah pesan',
    'salah order',
    'tak sengaja',
    'tidak sengaja',
  ],
}

/** The reason a shopper gave, from a tapped reason or typed words; undefined when it is none. */
export function readCancellationReason(text: string): CancellationReason | undefined {
  const tapped = readChoicePayload(text, 'reason')
  if (tapped !== undefined) {
    const reason = tapped.replace(/-/g, ' ')
    return cancellationReasons.find((candidate) => candidate === reason)
  }
  const answer = normalizeAnswer(text)
  const matches = cancellationReasons.filter((reason) =>
    reasonWords[reason].some((word) => mentions(answer, word)),
  )
  return matches.length === 1 ? matches[0] : undefined
}

const reasonSlot: SlotDefinition = {
  name: 'reason',
  parse: (text) => readCancellationReason(text),
  validate: (value) =>
    (cancellationReasons as readonly string[]).includes(value)
      ? undefined
      : 'invalid-cancel-reason',
  prompt: 'ask-cancel-reason',
  invalid: 'invalid-cancel-reason',
  ask: (slots) => ({
    key: 'ask-cancel-reason',
    values: { number: readOrderNumber(slots['order_number'] ?? '') ?? '' },
    choices: cancellationReasons.map((reason) => ({
      label: reasonLabels[reason],
      payload: `/reason:${reason.replace(/ /g, '-')}`,
    })),
  }),
}

/** Why a pending order cannot be cancelled here, or undefined when it can. */
function refusal(order: Order): FlowOutcome | undefined {
  if (order.status === 'pending' && !order.itemsModified) return undefined
  return {
    replies: [
      order.status === 'pending'
        ? {
            key: 'cancel-items-modified',
            values: { number: order.number },
            choices: [talkToPersonChoice],
          }
        : {
            key: 'cancel-not-pending',
            values: { number: order.number, status: statusValue(order) },
            choices: [talkToPersonChoice],
          },
    ],
  }
}

/**
 * Cancelling an order in chat: order number and verification (as tracking), then only a pending
 * order that was not modified goes on — otherwise the shopper hears why, with its status, and is
 * offered a person; the reason (quick replies of the reasons the store accepts); an explicit
 * confirmation naming the order and the refund; then the cancel-order operation, which refunds
 * every payment to its method.
 */
/** What the cancellation did to the shopper's loyalty points, when it moved any. */
function loyaltyPointsReply(order: Order): Reply[] {
  const { spent, earned } = orderLoyaltyPoints(order)
  if (spent > 0 && earned > 0)
    return [{ key: 'order-cancelled-points-both', values: { spent, earned } }]
  if (spent > 0) return [{ key: 'order-cancelled-points-back', values: { spent } }]
  if (earned > 0) return [{ key: 'order-cancelled-points-removed', values: { earned } }]
  return []
}

export const cancelOrderFlow: Flow = {
  name: 'cancel-order',
  intents: ['cancel_order'],
  slots: [...orderAccessSlots, reasonSlot],
  prefill: prefillKnownCustomer,
  async guard(slots, context) {
    if (context.services.orderOperations === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, false)
    if (!access.ok) return access.outcome
    return refusal(access.order)
  },
  async confirmation(slots, context) {
    const number = readOrderNumber(slots['order_number'] ?? '') ?? ''
    const order = await context.services.orders?.getOrderByNumber(number)
    return {
      key: 'cancel-confirm',
      values: {
        number,
        refund: order === undefined ? { amount: 0, currency: 'MYR' } : netPaid(order),
      },
    }
  },
  async complete(slots, context): Promise<FlowOutcome> {
    const operations = context.services.orderOperations
    const reason = cancellationReasons.find((candidate) => candidate === slots['reason'])
    if (operations === undefined || reason === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, true)
    if (!access.ok) return access.outcome ?? unavailableOutcome
    const refused = refusal(access.order)
    if (refused !== undefined) return refused
    const refund = netPaid(access.order)
    const cancelled = await operations.cancelOrder(
      { kind: 'customer', customerId: access.customerId },
      access.order.number,
      reason,
    )
    if (!cancelled.ok)
      return describeOperationRefusal(access.order, cancelled.reason, 'cancel-not-pending')
    return {
      replies: [
        { key: 'order-cancelled', values: { number: access.order.number, refund } },
        ...loyaltyPointsReply(cancelled.value),
      ],
      events: [
        {
          type: 'order.cancelled-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            orderId: access.order.id,
            orderNumber: access.order.number,
            reason,
            refund,
          },
        },
      ],
    }
  },
}
