import type { CartLineView, CartView } from '../../../domains/cart/index.ts'
import type { Reply, ReplyChoice } from '../../replies/index.ts'
import type { FlowContext } from '../flow.ts'
import { describeItem, type ItemReader } from './describe-item.ts'

/** At most this many cart lines get their own Remove / Change quantity quick replies. */
const linesWithChoices = 5

/** A cart line as the shopper reads it: `Urban Sneakers (9, Black)`, in their language. */
export function describeCartLine(
  line: Pick<CartLineView, 'name' | 'options'>,
  reader: ItemReader | undefined,
): string {
  return describeItem(line, reader)
}

/**
 * The conversation's open cart, or `undefined` when it has none (a cart already checked out or
 * merged is history, not something to change), or carts are not wired.
 */
export async function loadConversationCart(context: FlowContext): Promise<CartView | undefined> {
  const token = context.memory.cartToken
  if (token === undefined || context.services.carts === undefined) return undefined
  const cart = await context.services.carts.getCart(token, context.locale)
  return cart?.status === 'open' ? cart : undefined
}

/** The payload that removes a line (tapped) or, with `changeQuantity`, asks its new quantity. */
export function cartLinePayload(line: CartLineView, changeQuantity = false): string {
  const base = `/intent:remove_from_cart?variant=${encodeURIComponent(line.variantId)}`
  return changeQuantity ? `${base}&option=change-quantity` : base
}

/** "Remove …" and "Change quantity: …" for each line (the first few), then Check out. */
export function cartLineChoices(cart: CartView, reader?: ItemReader): ReplyChoice[] {
  return [
    ...cart.lines.slice(0, linesWithChoices).flatMap((line) => {
      const values = { product: describeCartLine(line, reader) }
      return [
        { label: 'choice-remove-line' as const, payload: cartLinePayload(line), values },
        {
          label: 'choice-change-quantity' as const,
          payload: cartLinePayload(line, true),
          values,
        },
      ]
    }),
    { label: 'choice-checkout', payload: '/intent:checkout' },
  ]
}

/** The cart's lines and total, with per-line quick replies; "empty" when it has no lines. */
export function cartSummaryReply(cart: CartView | undefined, reader?: ItemReader): Reply {
  if (cart === undefined || cart.lines.length === 0) return { key: 'cart-empty' }
  const lines = cart.lines
    .map((line) => `${String(line.quantity)} × ${describeCartLine(line, reader)}`)
    .join('; ')
  return {
    key: 'cart-summary',
    values: { lines, total: cart.totals.total },
    choices: cartLineChoices(cart, reader),
  }
}

const spaces = /\s+/g

/**
 * The cart lines a shopper's words point at: a line named in the text ("remove the socks" matches
 * "Everyday Socks" by a word of its name or an option value such as a colour), else the lines of
 * the given product ids. Empty when nothing matches.
 */
export function matchCartLines(
  cart: CartView,
  text: string,
  productIds: readonly string[] = [],
  optionValues: readonly string[] = [],
): CartLineView[] {
  const wanted = text.toLowerCase().replace(spaces, ' ')
  const byName = cart.lines.filter((line) => {
    const name = line.name.toLowerCase()
    if (wanted.includes(name)) return true
    // A distinctive word of the name (4+ letters, or any Han character run of 2+).
    const words = name
      .split(/[\s,()/-]+/)
      .filter((word) => /^\p{Script=Han}{2,}$|^.{4,}$/u.test(word))
    return words.some((word) => wanted.includes(word))
  })
  const byProduct = cart.lines.filter(
    (line) => line.productId !== null && productIds.includes(line.productId),
  )
  let candidates = byName.length > 0 ? byName : byProduct
  if (optionValues.length > 0 && candidates.length !== 1) {
    const pool = candidates.length > 0 ? candidates : cart.lines
    const byOption = pool.filter((line) =>
      optionValues.every((value) =>
        Object.values(line.options).some((option) => option.toLowerCase() === value.toLowerCase()),
      ),
    )
    if (byOption.length > 0) candidates = byOption
  }
  return candidates
}
