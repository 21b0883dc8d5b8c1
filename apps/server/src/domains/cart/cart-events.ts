/** Types of the events the cart domain publishes; payloads carry the cart's `updatedAt`. */
export const cartEventTypes = {
  /** Lines were added, changed or removed; payload `{ cartId, customerId, itemCount, subtotal, updatedAt }`. */
  updated: 'cart.updated',
  /** A guest cart was merged into a customer's; payload `{ fromCartId, intoCartId, customerId, updatedAt }`. */
  merged: 'cart.merged',
  /** The cart became an order; payload `{ cartId, orderId, customerId, updatedAt }`. */
  checkedOut: 'cart.checked-out',
} as const
