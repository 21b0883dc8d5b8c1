import type { Flow } from '../flow.ts'

/** Shows the cart's lines and total. */
export const viewCartFlow: Flow = {
  name: 'view-cart',
  intents: ['view_cart'],
  async complete(_slots, context) {
    const carts = context.services.carts
    if (carts === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const cart =
      context.memory.cartToken === undefined
        ? undefined
        : await carts.getCart(context.memory.cartToken, context.locale)
    if (cart === undefined || cart.lines.length === 0) return { replies: [{ key: 'cart-empty' }] }
    const lines = cart.lines
      .map(
        (line) =>
          `${line.quantity} × ${line.name}${Object.keys(line.options).length > 0 ? ` (${Object.values(line.options).join(', ')})` : ''}`,
      )
      .join('; ')
    return {
      replies: [
        {
          key: 'cart-summary',
          values: { lines, total: cart.totals.total },
          choices: [{ label: 'choice-checkout', payload: '/intent:checkout' }],
        },
      ],
    }
  },
}
