/** The facts the orders domain publishes, one per status change or change of an order. */
export const orderEventTypes = [
  'order.placed',
  'order.cancelled',
  'order.address-changed',
  'order.items-modified',
  'order.payment-changed',
  'order.return-requested',
  'order.exchange-requested',
  'order.processed',
  'order.shipped',
  'order.delivered',
  'order.return-received',
  'order.refunded',
] as const

/** One of {@link orderEventTypes}. */
export type OrderEventType = (typeof orderEventTypes)[number]

/** The facts of a refund of an order sent to its payment provider (aggregate: the order). */
export const refundEventTypes = ['refund.succeeded', 'refund.failed'] as const

/** One of {@link refundEventTypes}. */
export type RefundEventType = (typeof refundEventTypes)[number]

/**
 * The facts of a price difference charged to a saved card through the payment provider (aggregate:
 * the order); `charge.failed` is for the store to follow up.
 */
export const chargeEventTypes = ['charge.succeeded', 'charge.failed'] as const

/** One of {@link chargeEventTypes}. */
export type ChargeEventType = (typeof chargeEventTypes)[number]
