import type {
  GiftCardAdjustment,
  Order,
  OrderItem,
  PaymentMethodInfo,
  PaymentTransactionKind,
} from './order.ts'
import type { OrderEventType } from './order-events.ts'

/** A payment or refund an order change appends to the payment history. */
export interface NewPaymentTransaction {
  readonly kind: PaymentTransactionKind
  readonly amount: number
  readonly paymentMethodReference: string
  readonly paymentMethodId: string | null
  /**
   * True for a refund whose money moved within the change itself (a gift card credited at once):
   * it is stored as succeeded. Other refunds are pending until the payment provider confirms them.
   */
  readonly settled?: boolean
  /**
   * True for a payment (a price difference) to charge to a saved card through the payment provider:
   * it is stored as pending until the provider took it. Other payments are stored as paid (a gift
   * card is debited within the change; a method without a provider token is only recorded).
   */
  readonly throughProvider?: boolean
}

/** The payment of `amount` owed on `method`, charged through the provider when the method allows. */
export function differencePayment(
  method: PaymentMethodInfo,
  amount: number,
): NewPaymentTransaction {
  return {
    kind: 'payment',
    amount,
    paymentMethodReference: method.reference,
    paymentMethodId: method.id,
    ...(!method.isGiftCard && method.isChargeable === true ? { throughProvider: true } : {}),
  }
}

/**
 * What an order operation decided, before it is stored: the order after the change, the lines it
 * rewrote, the payments it appends, the gift-card balances it moves and the event it publishes.
 */
export interface OrderChange {
  readonly order: Order
  readonly changedItems: readonly OrderItem[]
  readonly newPayments: readonly NewPaymentTransaction[]
  readonly giftCardAdjustments: readonly GiftCardAdjustment[]
  /**
   * Loyalty points the change gives back to the customer (positive: points spent on a cancelled
   * order) or takes back (negative: points earned on what was cancelled or refunded); absent when
   * the change does not move points.
   */
  readonly loyaltyPoints?: number
  readonly event: { readonly type: OrderEventType; readonly payload: Record<string, unknown> }
}

/** True when `wanted` asks for no more units of any SKU than the order holds. */
export function hasEnoughItems(
  order: Order,
  wanted: readonly string[],
): { ok: true } | { ok: false; sku: string } {
  const held = new Map<string, number>()
  for (const item of order.items) held.set(item.sku, (held.get(item.sku) ?? 0) + item.quantity)
  const asked = new Map<string, number>()
  for (const sku of wanted) asked.set(sku, (asked.get(sku) ?? 0) + 1)
  for (const sku of wanted) {
    if ((asked.get(sku) ?? 0) > (held.get(sku) ?? 0)) return { ok: false, sku }
  }
  return { ok: true }
}

/** Sorts SKUs by code point, the order τ² and Kedai store request lists in. */
export function sortSkus(skus: readonly string[]): string[] {
  return [...skus].sort((first, second) => (first < second ? -1 : first > second ? 1 : 0))
}

/** Points a placed order spent and earned, as its details record them (0 when absent). */
export function orderLoyaltyPoints(order: Order): { spent: number; earned: number } {
  const count = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0
  return { spent: count(order.details.pointsSpent), earned: count(order.details.pointsEarned) }
}
