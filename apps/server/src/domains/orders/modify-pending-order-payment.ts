import { fail, succeed, type Result } from '../../shared/result.ts'
import type { OrderChange } from './order-change.ts'
import type { GiftCardAdjustment, Order, PaymentMethodInfo } from './order.ts'

/** Why a change of payment method was refused. */
export type ModifyPaymentRefusal =
  | 'not-pending'
  | 'payment-method-not-found'
  | 'not-single-payment'
  | 'same-payment-method'
  | 'insufficient-gift-card-balance'

/**
 * Pays a pending order with another saved method: the new method pays the amount and the original
 * one is refunded (at once for gift cards). A gift card must cover the whole amount.
 */
export function modifyPendingOrderPayment(
  order: Order,
  newMethod: PaymentMethodInfo | undefined,
  originalMethod: PaymentMethodInfo | undefined,
): Result<OrderChange, ModifyPaymentRefusal> {
  if (order.status !== 'pending') return fail('not-pending')
  if (newMethod === undefined) return fail('payment-method-not-found')
  const only = order.payments[0]
  if (order.payments.length !== 1 || only === undefined || only.kind !== 'payment')
    return fail('not-single-payment')
  if (only.paymentMethodReference === newMethod.reference) return fail('same-payment-method')
  const amount = only.amount
  if (newMethod.isGiftCard && (newMethod.balanceAmount ?? 0) < amount)
    return fail('insufficient-gift-card-balance')
  if (originalMethod === undefined) return fail('payment-method-not-found')
  const giftCardAdjustments: GiftCardAdjustment[] = []
  if (newMethod.isGiftCard)
    giftCardAdjustments.push({ paymentMethodReference: newMethod.reference, amount: -amount })
  if (originalMethod.isGiftCard)
    giftCardAdjustments.push({ paymentMethodReference: originalMethod.reference, amount })
  return succeed({
    order,
    changedItems: [],
    newPayments: [
      {
        kind: 'payment',
        amount,
        paymentMethodReference: newMethod.reference,
        paymentMethodId: newMethod.id,
      },
      {
        kind: 'refund',
        amount,
        paymentMethodReference: originalMethod.reference,
        paymentMethodId: originalMethod.id,
        ...(originalMethod.isGiftCard ? { settled: true } : {}),
      },
    ],
    giftCardAdjustments,
    event: {
      type: 'order.payment-changed',
      payload: {
        orderNumber: order.number,
        from: originalMethod.reference,
        to: newMethod.reference,
        amount,
      },
    },
  })
}
