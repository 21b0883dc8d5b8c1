import { fail, succeed, type Result } from '../../shared/result.ts'
import { hasEnoughItems, sortSkus, type OrderChange } from './order-change.ts'
import type { Order, PaymentMethodInfo, ReturnRequest } from './order.ts'

/** Why a return was refused. */
export type ReturnRefusal =
  'not-delivered' | 'payment-method-not-found' | 'refund-method-not-allowed' | 'item-not-in-order'

/**
 * Requests the return of delivered items: status `return-requested`. The refund goes to the original
 * payment method or to one of the customer's gift cards, nowhere else.
 */
export function requestReturn(
  order: Order,
  skus: readonly string[],
  refundMethod: PaymentMethodInfo | undefined,
): Result<OrderChange, ReturnRefusal, { sku?: string }> {
  if (order.status !== 'delivered') return fail('not-delivered', {})
  if (refundMethod === undefined) return fail('payment-method-not-found', {})
  const original = order.payments[0]?.paymentMethodReference
  if (!refundMethod.isGiftCard && refundMethod.reference !== original)
    return fail('refund-method-not-allowed', {})
  const enough = hasEnoughItems(order, skus)
  if (!enough.ok) return fail('item-not-in-order', { sku: enough.sku })
  const returnRequest: ReturnRequest = {
    items: sortSkus(skus),
    paymentMethodReference: refundMethod.reference,
  }
  return succeed({
    order: { ...order, status: 'return-requested', details: { ...order.details, returnRequest } },
    changedItems: [],
    newPayments: [],
    giftCardAdjustments: [],
    event: {
      type: 'order.return-requested',
      payload: { orderNumber: order.number, ...returnRequest },
    },
  })
}
