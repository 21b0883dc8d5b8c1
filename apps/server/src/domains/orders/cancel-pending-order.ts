import { fail, succeed, type Result } from '../../shared/result.ts'
import { orderLoyaltyPoints, type OrderChange } from './order-change.ts'
import type { GiftCardAdjustment, Order, PaymentMethodInfo } from './order.ts'
import { netPaidByPaymentMethod } from './net-paid.ts'
import { resolveOrderPaymentMethod } from './original-payment-method.ts'

/** The reasons a shopper may give for cancelling a pending order (the store's policy). */
export const cancellationReasons = ['no longer needed', 'ordered by mistake'] as const

/** One of {@link cancellationReasons}. */
export type CancellationReason = (typeof cancellationReasons)[number]

/** Why a cancellation was refused. */
export type CancelRefusal = 'not-pending' | 'invalid-reason' | 'payment-method-not-found'

/**
 * Cancels a pending order whose items were not modified: status `cancelled`, the reason kept, and
 * each payment method refunded what it paid net of earlier refunds (gift cards at once, so their
 * balances grow; other methods through the provider in 5–7 business days). The loyalty points the
 * order spent are given back and those it earned taken back.
 * `paymentMethods` are the customer's saved methods by reference; a card typed at checkout and never
 * saved is refunded through the order's own payment.
 */
export function cancelPendingOrder(
  order: Order,
  reason: string,
  paymentMethods: ReadonlyMap<string, PaymentMethodInfo>,
): Result<OrderChange, CancelRefusal> {
  if (order.status !== 'pending' || order.itemsModified) return fail('not-pending')
  if (!(cancellationReasons as readonly string[]).includes(reason)) return fail('invalid-reason')
  const netByReference = netPaidByPaymentMethod(order)
  const refunds = []
  const giftCardAdjustments: GiftCardAdjustment[] = []
  for (const [reference, amount] of netByReference) {
    if (amount <= 0) continue
    const method = resolveOrderPaymentMethod(order, reference, paymentMethods.get(reference))
    if (method === undefined) return fail('payment-method-not-found')
    refunds.push({
      kind: 'refund' as const,
      amount,
      paymentMethodReference: reference,
      paymentMethodId: method.id,
      ...(method.isGiftCard ? { settled: true } : {}),
    })
    if (method.isGiftCard) giftCardAdjustments.push({ paymentMethodReference: reference, amount })
  }
  // The points spent on the order come back; the points it earned go.
  const points = orderLoyaltyPoints(order)
  const loyaltyPoints = points.spent - points.earned
  return succeed({
    order: { ...order, status: 'cancelled', cancelReason: reason },
    changedItems: [],
    newPayments: refunds,
    giftCardAdjustments,
    ...(loyaltyPoints === 0 ? {} : { loyaltyPoints }),
    event: {
      type: 'order.cancelled',
      payload: {
        orderNumber: order.number,
        reason,
        refunds,
        ...(loyaltyPoints === 0 ? {} : { loyaltyPoints }),
      },
    },
  })
}
