import type { Flow } from '../flow.ts'
import { cartSummaryReply, loadConversationCart } from './cart-lines.ts'

/**
 * Shows the cart's lines and total, with quick replies to remove a line or change its quantity
 * (the first few lines) and to check out.
 */
export const viewCartFlow: Flow = {
  name: 'view-cart',
  intents: ['view_cart'],
  async complete(_slots, context) {
    if (context.services.carts === undefined) return { replies: [{ key: 'not-yet-available' }] }
    return { replies: [cartSummaryReply(await loadConversationCart(context), context)] }
  },
}
