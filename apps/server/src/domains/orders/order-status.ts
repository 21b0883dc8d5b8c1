/**
 * The lifecycle of an order: `pending` → `processed` → `shipped` → `delivered`; `cancelled` from
 * `pending`; after delivery `return-requested` → `return-received` → `refunded`, or
 * `exchange-requested` → `return-received`.
 */
export const orderStatuses = [
  'pending',
  'processed',
  'shipped',
  'delivered',
  'cancelled',
  'return-requested',
  'return-received',
  'refunded',
  'exchange-requested',
] as const

/** One of {@link orderStatuses}. */
export type OrderStatus = (typeof orderStatuses)[number]

/** Which status may follow which: the whole lifecycle as one table. */
export const orderStatusTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['processed', 'cancelled'],
  processed: ['shipped'],
  shipped: ['delivered'],
  delivered: ['return-requested', 'exchange-requested'],
  cancelled: [],
  'return-requested': ['return-received'],
  'return-received': ['refunded'],
  refunded: [],
  'exchange-requested': ['return-received'],
}

/** True when an order in status `from` may move to status `to`. */
export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderStatusTransitions[from].includes(to)
}

/** True when `value` is one of {@link orderStatuses}. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value)
}
