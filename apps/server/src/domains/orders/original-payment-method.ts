import type { Order, PaymentMethodInfo } from './order.ts'

/**
 * The order's own first payment as a method to refund to, when `reference` names it: an order paid
 * with a card typed at checkout (never saved) is refunded through the payment it was made with.
 * Undefined when the order was not paid that way. Its `id` is null: it is no saved method.
 */
export function originalPaymentMethodOf(
  order: Order,
  reference: string,
): PaymentMethodInfo | undefined {
  const original = order.payments[0]
  if (original === undefined || original.kind !== 'payment') return undefined
  if (original.paymentMethodReference !== reference) return undefined
  return { id: null, reference, isGiftCard: false, balanceAmount: null }
}

/**
 * The method an order change moves money through: the customer's saved method when there is one,
 * else the order's own payment when `reference` names it (see {@link originalPaymentMethodOf}).
 */
export function resolveOrderPaymentMethod(
  order: Order,
  reference: string,
  saved: PaymentMethodInfo | undefined,
): PaymentMethodInfo | undefined {
  return saved ?? originalPaymentMethodOf(order, reference)
}
