import type { Order } from './order.ts'

/**
 * What each payment method of an order paid, net of the refunds already recorded to it (pending,
 * succeeded or failed alike), by payment method reference in the order of the payment history.
 * A method refunded more than it paid (a gift card credited for another method) is negative.
 */
export function netPaidByPaymentMethod(order: Order): Map<string, number> {
  const netByReference = new Map<string, number>()
  for (const payment of order.payments) {
    const signed = payment.kind === 'payment' ? payment.amount : -payment.amount
    netByReference.set(
      payment.paymentMethodReference,
      (netByReference.get(payment.paymentMethodReference) ?? 0) + signed,
    )
  }
  return netByReference
}

/**
 * The most a new refund of the order may be: what the order was paid net of every refund recorded,
 * and for a method other than a gift card also what that method itself paid net of its refunds (money
 * never goes back to a card beyond what the card paid). Never negative.
 */
export function refundableAmount(
  order: Order,
  method: { readonly reference: string; readonly isGiftCard: boolean },
): number {
  const net = netPaidByPaymentMethod(order)
  let orderNet = 0
  for (const amount of net.values()) orderNet += amount
  const cap = method.isGiftCard ? orderNet : Math.min(orderNet, net.get(method.reference) ?? 0)
  return Math.max(0, cap)
}
