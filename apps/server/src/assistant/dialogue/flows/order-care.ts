import type { Order, OrderItem } from '../../../domains/orders/index.ts'
import { describeItem, type ItemReader } from './describe-item.ts'
import type { Money } from '../../../shared/money.ts'
import type { MessageKey, ReplyChoice } from '../../replies/index.ts'
import type { FlowContext, FlowOutcome, SlotDefinition } from '../flow.ts'
import { readOrderNumber, trackOrderFlow } from './track-order-flow.ts'
import { customerSlot, findKnownCustomer } from './verify-customer.ts'
import { verifyOrderAccess } from './verify-order-access.ts'

/** The quick reply that asks for a person. */
export const talkToPersonChoice: ReplyChoice = {
  label: 'choice-talk-to-person',
  payload: '/intent:contact_human_agent',
}

/** "I can't do that in chat" with a person offered: the flow's services are not wired. */
export const unavailableOutcome: FlowOutcome = {
  replies: [{ key: 'not-yet-available', choices: [talkToPersonChoice] }],
}

const [orderNumberSlot, emailSlot] = trackOrderFlow.slots ?? []
if (orderNumberSlot === undefined || emailSlot === undefined)
  throw new Error('the track-order flow lost its order-number and e-mail slots')

/**
 * The order number and verification e-mail, exactly as order tracking asks them; the e-mail is not
 * asked when the shopper is signed in or was verified earlier in the conversation.
 */
export const orderAccessSlots: readonly SlotDefinition[] = [
  orderNumberSlot,
  {
    ...emailSlot,
    skipWhen: (context, slots) =>
      emailSlot.skipWhen?.(context, slots) === true || slots[customerSlot] !== undefined,
  },
]

/** Remembers when the flow starts who the shopper already is (signed in or verified before). */
export async function prefillKnownCustomer(
  context: FlowContext,
): Promise<Readonly<Record<string, string>>> {
  const known = await findKnownCustomer(context)
  return known === undefined ? {} : { [customerSlot]: known }
}

/** The order of a flow, or why not: `outcome` stops the flow; without one, something is still to ask. */
export type OrderAccessResult =
  | { readonly ok: true; readonly order: Order; readonly customerId: string }
  | { readonly ok: false; readonly outcome?: FlowOutcome }

/**
 * The flow's order once its number is known and the shopper proved who they are (verifying the
 * e-mail now when needed, as order tracking does). Before then, nothing (`required: false`, in a
 * guard) or the "not available" answer (`required: true`, when completing).
 */
export async function accessOrder(
  slots: Readonly<Record<string, string>>,
  context: FlowContext,
  required: boolean,
): Promise<OrderAccessResult> {
  if (context.services.orders === undefined || context.services.verification === undefined)
    return { ok: false, outcome: unavailableOutcome }
  const number = readOrderNumber(slots['order_number'] ?? '')
  const known = context.customerId !== null || slots[customerSlot] !== undefined
  if (number === undefined || (!known && slots['email'] === undefined))
    return required ? { ok: false, outcome: unavailableOutcome } : { ok: false }
  return verifyOrderAccess(context, number, slots['email'])
}

/** What the order's payments came to, net of refunds: what a cancellation gives back. */
export function netPaid(order: Order): Money {
  const amount = order.payments.reduce(
    (sum, payment) => sum + (payment.kind === 'payment' ? payment.amount : -payment.amount),
    0,
  )
  return { amount: Math.max(0, amount), currency: order.currency }
}

/** The catalog key naming a payment method by its reference (`gift_card_…` → "your gift card"). */
export function paymentMethodKey(reference: string): MessageKey {
  if (reference.startsWith('gift_card')) return 'payment-method-gift-card'
  if (reference.startsWith('paypal')) return 'payment-method-paypal'
  if (reference === 'card' || /^(credit|debit)_card/.test(reference)) return 'payment-method-card'
  return 'payment-method-original'
}

/** An order line as the shopper knows it: `Urban Sneakers (9, Black)`, in their language. */
export function describeOrderItem(
  item: Pick<OrderItem, 'name' | 'options'>,
  reader: ItemReader | undefined,
): string {
  return describeItem(item, reader)
}

/**
 * What the shopper is told when an order operation refused: the order is no longer pending (with its
 * status), or the operation's reason; a person is offered either way.
 */
export function describeOperationRefusal(
  order: Order,
  reason: string,
  notPendingKey: 'cancel-not-pending' | 'change-not-pending',
): FlowOutcome {
  return {
    replies: [
      reason === 'not-pending'
        ? {
            key: notPendingKey,
            values: { number: order.number, status: statusValue(order) },
            choices: [talkToPersonChoice],
          }
        : {
            key: 'order-care-failed',
            values: { number: order.number, reason },
            choices: [talkToPersonChoice],
          },
    ],
  }
}

/** The status of an order as a catalog value (`order-status-shipped`). */
export function statusValue(order: Order): { readonly key: MessageKey } {
  return { key: `order-status-${order.status}` }
}

/** Lower-cased, without punctuation and extra spaces: for matching typed answers. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The value of a tapped quick reply `/<name>:<value>`, or undefined when `text` is not one. */
export function readChoicePayload(text: string, name: string): string | undefined {
  const prefix = `/${name}:`
  const trimmed = text.trim()
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : undefined
}

/**
 * True when a normalized answer mentions `word`: Latin words as whole words ("kad", not "kadar"),
 * Chinese anywhere.
 */
export function mentions(answer: string, word: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(word)) return answer.includes(word)
  return ` ${answer} `.includes(` ${word} `)
}
