import type { VariantView } from '../../../domains/catalog/index.ts'
import { describeOptionValues, type ItemReader } from './describe-item.ts'
import type { Order, OrderItem } from '../../../domains/orders/index.ts'
import type { Reply } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome, SlotDefinition } from '../flow.ts'
import {
  accessOrder,
  describeOrderItem,
  normalizeAnswer,
  orderAccessSlots,
  prefillKnownCustomer,
  readChoicePayload,
  statusValue,
  talkToPersonChoice,
  unavailableOutcome,
} from './order-care.ts'
import { readOrderNumber } from './track-order-flow.ts'

/** At most this many quick replies of items or variants (the Cancel choice comes after them). */
const maximumChoices = 10

type Slots = Readonly<Record<string, string>>

/** The order's lines, one per SKU, in order. */
function distinctItems(order: Order): OrderItem[] {
  const bySku = new Map<string, OrderItem>()
  for (const item of order.items) if (!bySku.has(item.sku)) bySku.set(item.sku, item)
  return [...bySku.values()]
}

async function orderOf(slots: Slots, context: FlowContext): Promise<Order | undefined> {
  const number = readOrderNumber(slots['order_number'] ?? '')
  return number === undefined ? undefined : context.services.orders?.getOrderByNumber(number)
}

/** Other variants of the item's product that are on sale and in stock online now. */
async function replacementsOf(item: OrderItem, context: FlowContext): Promise<VariantView[]> {
  const product = await context.services.catalog?.getProduct(item.productId, context.locale)
  return (product?.variants ?? [])
    .filter(
      (variant) => variant.sku !== item.sku && variant.isAvailable && variant.availableOnline > 0,
    )
    .slice(0, maximumChoices)
}

/** A variant as the shopper reads it: its option values (`10, Black`), in their language. */
function describeVariant(
  variant: Pick<VariantView, 'options' | 'sku'>,
  reader: ItemReader | undefined,
): string {
  return Object.keys(variant.options).length === 0
    ? variant.sku
    : describeOptionValues(variant.options, reader)
}

/** The item the shopper chose: a tapped item, its position (1, 2…) or words of its name/options. */
function readItem(text: string, items: readonly OrderItem[]): string | undefined {
  const tapped = readChoicePayload(text, 'item')
  if (tapped !== undefined) return items.find((item) => item.sku === tapped)?.sku
  const answer = normalizeAnswer(text)
  if (/^\d{1,2}$/.test(answer)) return items[Number(answer) - 1]?.sku
  const named = items.filter((item) => {
    const name = normalizeAnswer(item.name)
    return answer.length >= 2 && (answer.includes(name) || name.includes(answer))
  })
  return named.length === 1 ? named[0]?.sku : undefined
}

/**
 * The variant the shopper chose: tapped, its position (1, 2…), or the one whose option values the
 * typed words (or recognized sizes and colours) fit best.
 */
function readVariant(
  text: string,
  candidates: readonly VariantView[],
  context: FlowContext,
): string | undefined {
  const tapped = readChoicePayload(text, 'variant')
  if (tapped !== undefined) return candidates.find((variant) => variant.sku === tapped)?.sku
  const answer = ` ${normalizeAnswer(text)} `
  const recognized = context.recognition.entities
    .filter((entity) => entity.type === 'size' || entity.type === 'color')
    .map((entity) => entity.value.toLowerCase())
  const scored = candidates.map((variant) => ({
    sku: variant.sku,
    // An option counts when the answer names it as stored (black) or as the shopper was shown it (黑色).
    score: Object.entries(variant.options).filter(([name, value]) => {
      const option = value.toLowerCase()
      const shown = (
        context.services.catalog?.describeOptionValue(name, value, context.locale) ?? value
      ).toLowerCase()
      return (
        answer.includes(` ${normalizeAnswer(option)} `) ||
        answer.includes(` ${normalizeAnswer(shown)} `) ||
        recognized.includes(option)
      )
    }).length,
  }))
  const best = Math.max(0, ...scored.map((candidate) => candidate.score))
  const winners = scored.filter((candidate) => candidate.score === best)
  if (best > 0) return winners.length === 1 ? winners[0]?.sku : undefined
  // A bare number that is no option value (a size 10 is) is the choice's position.
  return /^\s*\d{1,2}\s*$/.test(text) ? candidates[Number(text.trim()) - 1]?.sku : undefined
}

const itemSlot: SlotDefinition = {
  name: 'item',
  async parse(text, slots, context) {
    const order = await orderOf(slots, context)
    return order === undefined ? undefined : readItem(text, distinctItems(order))
  },
  prompt: 'ask-exchange-item',
  invalid: 'invalid-exchange-item',
  async ask(slots, context): Promise<Reply> {
    const order = await orderOf(slots, context)
    return {
      key: 'ask-exchange-item',
      values: { number: order?.number ?? '' },
      choices: (order === undefined ? [] : distinctItems(order))
        .slice(0, maximumChoices)
        .map((item) => ({
          label: 'choice-order-item',
          values: { item: describeOrderItem(item, context) },
          payload: `/item:${item.sku}`,
        })),
    }
  },
}

const variantSlot: SlotDefinition = {
  name: 'variant',
  async parse(text, slots, context) {
    const item = (await orderOf(slots, context))?.items.find(
      (candidate) => candidate.sku === slots['item'],
    )
    return item === undefined
      ? undefined
      : readVariant(text, await replacementsOf(item, context), context)
  },
  prompt: 'ask-exchange-variant',
  invalid: 'invalid-exchange-variant',
  async ask(slots, context): Promise<Reply> {
    const item = (await orderOf(slots, context))?.items.find(
      (candidate) => candidate.sku === slots['item'],
    )
    const candidates = item === undefined ? [] : await replacementsOf(item, context)
    return {
      key: 'ask-exchange-variant',
      values: { item: item === undefined ? '' : describeOrderItem(item, context) },
      choices: candidates.map((variant) => ({
        label: 'choice-order-item',
        values: { item: describeVariant(variant, context) },
        payload: `/variant:${variant.sku}`,
      })),
    }
  },
}

/** The chosen item and replacement of an order, with the price difference (new minus old). */
async function chosen(
  order: Order,
  slots: Slots,
  context: FlowContext,
): Promise<
  | { item: OrderItem; replacement: VariantView; difference: number; replacements: VariantView[] }
  | { item: OrderItem | undefined; replacement: undefined; replacements: VariantView[] }
> {
  const item = order.items.find((candidate) => candidate.sku === slots['item'])
  const replacements = item === undefined ? [] : await replacementsOf(item, context)
  const replacement = replacements.find((variant) => variant.sku === slots['variant'])
  if (item === undefined || replacement === undefined)
    return { item, replacement: undefined, replacements }
  return {
    item,
    replacement,
    difference: replacement.price.amount - item.unitPriceAmount,
    replacements,
  }
}

/**
 * Exchanging a delivered item in chat: order number and verification (as tracking); only a
 * delivered order goes on; which item (quick replies of the order's items), which new variant of
 * the same product (quick replies of the ones in stock); an explicit confirmation with the price
 * difference; then the start-exchange workflow (policy checks, RMA, label link, e-mail) and the
 * label as a file message.
 */
export const exchangeFlow: Flow = {
  name: 'exchange',
  intents: ['exchange_item'],
  slots: [...orderAccessSlots, itemSlot, variantSlot],
  prefill: prefillKnownCustomer,
  async guard(slots, context) {
    if (context.services.exchanges === undefined || context.services.catalog === undefined)
      return unavailableOutcome
    const access = await accessOrder(slots, context, false)
    if (!access.ok) return access.outcome
    const { order } = access
    if (order.status !== 'delivered') {
      return {
        replies: [
          {
            key: 'exchange-not-allowed',
            values: { number: order.number, status: statusValue(order) },
            choices: [talkToPersonChoice],
          },
        ],
      }
    }
    if (slots['item'] === undefined) return undefined
    const { item, replacements } = await chosen(order, slots, context)
    if (item !== undefined && replacements.length > 0) return undefined
    return {
      replies: [
        {
          key: 'exchange-no-variants',
          values: { item: item === undefined ? '' : describeOrderItem(item, context) },
          choices: [talkToPersonChoice],
        },
      ],
    }
  },
  async confirmation(slots, context): Promise<Reply> {
    const order = await orderOf(slots, context)
    const choice = order === undefined ? undefined : await chosen(order, slots, context)
    if (order === undefined || choice?.replacement === undefined)
      return { key: 'exchange-confirm-same', values: { item: '', variant: '' } }
    const values = {
      item: describeOrderItem(choice.item, context),
      variant: describeOrderItem(
        { name: choice.item.name, options: choice.replacement.options },
        context,
      ),
      difference: { amount: Math.abs(choice.difference), currency: order.currency },
    }
    return {
      key:
        choice.difference > 0
          ? 'exchange-confirm-pay'
          : choice.difference < 0
            ? 'exchange-confirm-refund'
            : 'exchange-confirm-same',
      values,
    }
  },
  async complete(slots, context): Promise<FlowOutcome> {
    const exchanges = context.services.exchanges
    if (exchanges === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, true)
    if (!access.ok) return access.outcome ?? unavailableOutcome
    const { order } = access
    const choice = await chosen(order, slots, context)
    const payment = order.payments[0]
    if (choice.replacement === undefined || payment === undefined) {
      return {
        replies: [
          {
            key: 'exchange-no-variants',
            values: {
              item: choice.item === undefined ? '' : describeOrderItem(choice.item, context),
            },
            choices: [talkToPersonChoice],
          },
        ],
      }
    }
    const started = await exchanges.start({
      customerId: access.customerId,
      orderNumber: order.number,
      items: [choice.item.sku],
      newItems: [choice.replacement.sku],
      paymentMethodReference: payment.paymentMethodReference,
      locale: context.locale,
    })
    if (!started.ok) {
      return {
        replies: [
          {
            key: 'order-care-failed',
            values: { number: order.number, reason: started.reason },
            choices: [talkToPersonChoice],
          },
        ],
      }
    }
    const variant = describeOrderItem(
      { name: choice.item.name, options: choice.replacement.options },
      context,
    )
    return {
      replies: [
        {
          key: 'exchange-started',
          values: {
            rma: started.rmaNumber,
            item: describeOrderItem(choice.item, context),
            variant,
          },
        },
        {
          key: 'return-label',
          values: { rma: started.rmaNumber },
          file: { url: started.labelUrl, mediaType: 'application/pdf' },
        },
      ],
      events: [
        {
          type: 'order.exchange-requested-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            orderId: order.id,
            orderNumber: order.number,
            rmaNumber: started.rmaNumber,
            sku: choice.item.sku,
            newSku: choice.replacement.sku,
            priceDifference: { amount: choice.difference, currency: order.currency },
          },
        },
      ],
    }
  },
}
