import type { MessageKey } from '../../replies/index.ts'
import { startIntentSlot, type Flow, type FlowOutcome, type SlotDefinition } from '../flow.ts'
import { parseAddress } from './checkout-flow.ts'
import {
  accessOrder,
  mentions,
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

/** What a shopper may want to change on an order. */
export const orderChanges = ['address', 'items', 'payment'] as const

/** One of {@link orderChanges}. */
export type OrderChangeKind = (typeof orderChanges)[number]

const changeLabels: Readonly<Record<OrderChangeKind, MessageKey>> = {
  address: 'choice-change-address',
  items: 'choice-change-items',
  payment: 'choice-change-payment',
}

/** Words naming each kind of change when typed, in the four languages. */
const changeWords: Readonly<Record<OrderChangeKind, readonly string[]>> = {
  address: ['address', 'deliver to', 'ship to', '地址', '收件', '收货', 'alamat'],
  items: [
    'item',
    'items',
    'size',
    'sizes',
    'colour',
    'color',
    'quantity',
    'product',
    'products',
    '尺寸',
    '尺碼',
    '尺码',
    '顏色',
    '颜色',
    '數量',
    '数量',
    '商品',
    'saiz',
    'warna',
    'kuantiti',
    'barang',
  ],
  payment: [
    'payment',
    'pay with',
    'card',
    '付款',
    '支付',
    '信用卡',
    'bayaran',
    'pembayaran',
    'kad',
  ],
}

/** The change a shopper named, from a tapped choice or typed words; undefined when unclear. */
export function readOrderChange(text: string): OrderChangeKind | undefined {
  const tapped = readChoicePayload(text, 'change')
  if (tapped !== undefined) return orderChanges.find((kind) => kind === tapped)
  const answer = normalizeAnswer(text)
  const matches = orderChanges.filter((kind) =>
    changeWords[kind].some((word) => mentions(answer, word)),
  )
  return matches.length === 1 ? matches[0] : undefined
}

const numberOf = (slots: Readonly<Record<string, string>>) =>
  readOrderNumber(slots['order_number'] ?? '') ?? ''

const changeSlot: SlotDefinition = {
  name: 'change',
  parse: (text) => readOrderChange(text),
  validate: (value) =>
    (orderChanges as readonly string[]).includes(value) ? undefined : 'invalid-order-change',
  prompt: 'ask-order-change',
  invalid: 'invalid-order-change',
  ask: (slots) => ({
    key: 'ask-order-change',
    values: { number: numberOf(slots) },
    choices: orderChanges.map((kind) => ({
      label: changeLabels[kind],
      payload: `/change:${kind}`,
    })),
  }),
  skipWhen: (_context, slots) => slots[startIntentSlot] === 'change_shipping_address',
}

const addressSlot: SlotDefinition = {
  name: 'address',
  parse: (text) => (text.trim().startsWith('/') ? undefined : text.trim()),
  validate: (value) => (parseAddress(value) === undefined ? 'invalid-address' : undefined),
  prompt: 'ask-new-address',
  invalid: 'invalid-address',
  ask: (slots) => ({ key: 'ask-new-address', values: { number: numberOf(slots) } }),
  skipWhen: (_context, slots) => slots['change'] !== undefined && slots['change'] !== 'address',
}

/**
 * Changing an order in chat: order number and verification (as tracking); only a pending order can
 * change (otherwise the shopper hears why, with its status). The delivery address is collected (one
 * line, read like checkout's), confirmed and changed through the modify-address operation; swapping
 * items or the payment method is not collected in chat, so the shopper hears what is possible and
 * is offered a person.
 */
export const changeOrderFlow: Flow = {
  name: 'change-order',
  intents: ['change_order', 'change_shipping_address'],
  slots: [...orderAccessSlots, changeSlot, addressSlot],
  async prefill(context) {
    const known = await prefillKnownCustomer(context)
    const change =
      context.recognition.intent === 'change_order' ? readOrderChange(context.text) : undefined
    return change === undefined ? known : { ...known, change }
  },
  async guard(slots, context) {
    if (context.services.orderOperations === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, false)
    if (!access.ok) return access.outcome
    const { order } = access
    if (order.status !== 'pending') {
      return {
        replies: [
          {
            key: 'change-not-pending',
            values: { number: order.number, status: statusValue(order) },
            choices: [talkToPersonChoice],
          },
        ],
      }
    }
    if (slots['change'] === 'items' || slots['change'] === 'payment') {
      return {
        replies: [
          {
            key: 'change-needs-person',
            values: { number: order.number },
            choices: [
              talkToPersonChoice,
              {
                label: 'choice-change-address',
                payload: `/intent:change_shipping_address?order_id=${encodeURIComponent(order.number)}`,
              },
            ],
          },
        ],
        events: [
          {
            type: 'order.change-referred-in-conversation',
            aggregateId: context.conversationId,
            payload: { orderId: order.id, change: slots['change'] },
          },
        ],
      }
    }
    return undefined
  },
  confirmation: (slots) => ({
    key: 'change-address-confirm',
    values: { number: numberOf(slots), address: (slots['address'] ?? '').trim() },
  }),
  async complete(slots, context): Promise<FlowOutcome> {
    const operations = context.services.orderOperations
    const address = parseAddress(slots['address'] ?? '')
    if (operations === undefined || address === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, true)
    if (!access.ok) return access.outcome ?? unavailableOutcome
    const changed = await operations.changeOrderAddress(
      { kind: 'customer', customerId: access.customerId },
      access.order.number,
      address,
    )
    if (!changed.ok)
      return describeOperationRefusal(access.order, changed.reason, 'change-not-pending')
    return {
      replies: [
        {
          key: 'address-changed',
          values: { number: access.order.number, address: (slots['address'] ?? '').trim() },
        },
      ],
      events: [
        {
          type: 'order.address-changed-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            orderId: access.order.id,
            orderNumber: access.order.number,
            city: address.city,
            postcode: address.postcode,
            country: address.country,
          },
        },
      ],
    }
  },
}
