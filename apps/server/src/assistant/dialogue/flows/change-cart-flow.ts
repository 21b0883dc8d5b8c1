import type { CartLineView, CartView } from '../../../domains/cart/index.ts'
import type { Reply } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'
import {
  cartLineChoices,
  cartSummaryReply,
  describeCartLine,
  loadConversationCart,
  matchCartLines,
} from './cart-lines.ts'
import { readEntity, readVariantArgument, resolveProductId } from './resolve-product.ts'

/** What the shopper asks of the line: take it out, set its quantity, or take some units out. */
const changeModes = ['remove', 'set', 'decrease'] as const
type ChangeMode = (typeof changeModes)[number]

/** The `line` slot of a conversation without a cart (nothing to ask; complete says it is empty). */
const noCart = '-'
/** Words that ask for a new quantity rather than a removal ("change the quantity", "make it"). */
const quantityWords =
  /\b(quantity|qty|make it|change it to|set it to|kuantiti|jadikan|tukar jadi|tukar kepada)\b|數量|数量|改成|改為|改为/i

function isChangeMode(value: string | undefined): value is ChangeMode {
  return changeModes.some((mode) => mode === value)
}

/** The variant id a tapped line reply carries (`…?variant=var_…`). */
function readTappedVariant(text: string): string | undefined {
  const match = /[?&]variant=([^&\s]+)/.exec(text)
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
}

/** The line the opening turn names: tapped, named, the product in focus, or the only line. */
async function findLineInTurn(
  context: FlowContext,
  cart: CartView,
): Promise<CartLineView | undefined> {
  const lines = cart.lines
  const tapped = readVariantArgument(context)
  if (tapped !== undefined) return lines.find((line) => line.variantId === tapped)
  if (context.text.trim().startsWith('/')) return undefined
  const named = context.recognition.entities.some(
    (entity) => entity.type === 'product' || entity.type === 'category',
  )
  const productId = named ? await resolveProductId(context) : undefined
  const optionValues = context.recognition.entities
    .filter((entity) => entity.type === 'size' || entity.type === 'color')
    .map((entity) => entity.value)
  const matches = matchCartLines(
    cart,
    context.text,
    productId === undefined ? [] : [productId],
    optionValues,
  )
  if (matches.length === 1) return matches[0]
  if (matches.length > 1 || named) return undefined
  const focus = context.memory.focus?.productId
  const focused = lines.filter((line) => focus !== undefined && line.productId === focus)
  if (focused.length === 1) return focused[0]
  return lines.length === 1 ? lines[0] : undefined
}

function quantityChoices(): Reply['choices'] {
  return [
    ...['1', '2', '3'].map((quantity) => ({
      label: 'choice-quantity' as const,
      payload: quantity,
      values: { quantity },
    })),
    { label: 'choice-remove-it', payload: '0' },
  ]
}

/**
 * Changes the cart in chat: which line (the one tapped or named, the product in focus, the only
 * line, else quick replies of the cart's lines), then removes it, sets its quantity ("Change
 * quantity" asks how many; 0 removes) or takes some units out ("remove 2 socks"), through the cart
 * service. Replies with what changed and the new cart summary.
 */
export const changeCartFlow: Flow = {
  name: 'change-cart',
  intents: ['remove_from_cart'],
  async prefill(context) {
    const cart = await loadConversationCart(context)
    if (cart === undefined || cart.lines.length === 0) return { line: noCart, mode: 'remove' }
    const asksQuantity =
      context.recognition.entities.some(
        (entity) => entity.type === 'option' && entity.value === 'change-quantity',
      ) || quantityWords.test(context.text)
    const mode: ChangeMode = asksQuantity
      ? 'set'
      : readEntity(context, 'quantity') === undefined
        ? 'remove'
        : 'decrease'
    const line = await findLineInTurn(context, cart)
    return { mode, ...(line === undefined ? {} : { line: line.variantId }) }
  },
  slots: [
    {
      name: 'line',
      prompt: 'cart-ask-line',
      invalid: 'cart-ask-line',
      async parse(text, _slots, context) {
        const tapped = readTappedVariant(text)
        if (tapped !== undefined) return tapped
        const cart = await loadConversationCart(context)
        if (cart === undefined) return undefined
        const position = /^\s*(\d{1,2})\s*$/.exec(text)?.[1]
        if (position !== undefined) return cart.lines[Number(position) - 1]?.variantId
        const optionValues = context.recognition.entities
          .filter((entity) => entity.type === 'size' || entity.type === 'color')
          .map((entity) => entity.value)
        const matches = matchCartLines(cart, text, [], optionValues)
        return matches.length === 1 ? matches[0]?.variantId : undefined
      },
      async ask(slots, context) {
        const cart = await loadConversationCart(context)
        return {
          key: slots['mode'] === 'set' ? 'cart-ask-line-quantity' : 'cart-ask-line',
          choices: (cart?.lines ?? []).slice(0, 10).map((line) => ({
            label: 'choice-cart-line' as const,
            payload: `/intent:remove_from_cart?variant=${encodeURIComponent(line.variantId)}`,
            values: { product: describeCartLine(line, context) },
          })),
        }
      },
    },
    {
      name: 'quantity',
      entity: 'quantity',
      parse: (text) => /^\D{0,20}?(\d{1,3})\D{0,20}$/.exec(text.trim())?.[1],
      validate: (value) =>
        /^\d{1,2}$/.test(value) && Number(value) <= 99 ? undefined : 'cart-invalid-quantity',
      prompt: 'cart-ask-quantity',
      invalid: 'cart-invalid-quantity',
      skipWhen: (_context, slots) => slots['mode'] !== 'set' || slots['line'] === noCart,
      async ask(slots, context) {
        const cart = await loadConversationCart(context)
        const line = cart?.lines.find((candidate) => candidate.variantId === slots['line'])
        return {
          key: 'cart-ask-quantity',
          values: { product: line === undefined ? '' : describeCartLine(line, context) },
          choices: quantityChoices(),
        }
      },
    },
  ],
  async complete(slots, context): Promise<FlowOutcome> {
    const carts = context.services.carts
    if (carts === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const cart = await loadConversationCart(context)
    if (cart === undefined || cart.lines.length === 0) return { replies: [{ key: 'cart-empty' }] }
    const line = cart.lines.find((candidate) => candidate.variantId === slots['line'])
    if (line === undefined)
      return { replies: [{ key: 'cart-line-not-found', choices: cartLineChoices(cart, context) }] }
    const mode = isChangeMode(slots['mode']) ? slots['mode'] : 'remove'
    const asked = Math.min(99, Number(slots['quantity'] ?? '0') || 0)
    const quantity =
      mode === 'remove' ? 0 : mode === 'set' ? asked : Math.max(0, line.quantity - asked)
    return changeLine(context, cart, line, quantity)
  },
}

/**
 * "Make it 2" / "can you make it 3 pairs instead", read as adding to the cart: when the shopper
 * asks for a new quantity of a line already in the cart (the one named, the product in focus or the
 * only line), sets that quantity. `undefined` when the turn is not such a request.
 */
export async function changeQuantityInCart(context: FlowContext): Promise<FlowOutcome | undefined> {
  if (context.text.trim().startsWith('/') || !quantityWords.test(context.text)) return undefined
  const typed = readEntity(context, 'quantity') ?? /\b(\d{1,2})\b/.exec(context.text)?.[1]
  const cart = await loadConversationCart(context)
  if (typed === undefined || cart === undefined || cart.lines.length === 0) return undefined
  const line = await findLineInTurn(context, cart)
  if (line === undefined) return undefined
  return changeLine(context, cart, line, Math.min(99, Number(typed)))
}

async function changeLine(
  context: FlowContext,
  cart: CartView,
  line: CartLineView,
  quantity: number,
): Promise<FlowOutcome> {
  const carts = context.services.carts
  if (carts === undefined) return { replies: [{ key: 'not-yet-available' }] }
  const token = cart.token
  const result =
    quantity === 0
      ? await carts.removeLine(token, line.id)
      : await carts.setLineQuantity(token, line.id, quantity)
  const product = describeCartLine(line, context)
  if (!result.ok) {
    return {
      replies: [
        result.reason === 'insufficient-stock'
          ? {
              key: 'cart-quantity-unavailable',
              values: { product, available: result.available ?? 0 },
              choices: cartLineChoices(cart, context),
            }
          : { key: 'cart-change-failed', choices: cartLineChoices(cart, context) },
      ],
    }
  }
  return {
    replies: [
      quantity === 0
        ? { key: 'cart-line-removed', values: { product } }
        : { key: 'cart-quantity-changed', values: { product, quantity } },
      cartSummaryReply(result.value, context),
    ],
    events: [
      {
        type: 'cart.updated-in-conversation',
        aggregateId: context.conversationId,
        payload: {
          cartId: result.value.id,
          variantId: line.variantId,
          quantity,
          itemCount: result.value.totals.itemCount,
        },
      },
    ],
  }
}
