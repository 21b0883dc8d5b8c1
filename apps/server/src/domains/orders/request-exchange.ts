import { fail, succeed, type Result } from '../../shared/result.ts'
import { hasEnoughItems, sortSkus, type OrderChange } from './order-change.ts'
import type { FindProductVariant } from './modify-pending-order-items.ts'
import type { ExchangeRequest, Order, PaymentMethodInfo } from './order.ts'

/** Why an exchange was refused; `sku` names the offending item where there is one. */
export type ExchangeRefusal =
  | 'not-delivered'
  | 'item-not-in-order'
  | 'item-count-mismatch'
  | 'variant-not-found'
  | 'new-item-unavailable'
  | 'payment-method-not-found'
  | 'payment-method-not-reusable'
  | 'insufficient-gift-card-balance'

/**
 * Requests an exchange of delivered items for available variants of the same products: status
 * `exchange-requested`, the price difference to be settled through `paymentMethod` (a gift card
 * must cover it; an order's own unsaved card can only be refunded, never charged again). No new
 * order is placed.
 */
export function requestExchange(
  order: Order,
  skus: readonly string[],
  newSkus: readonly string[],
  findVariant: FindProductVariant,
  paymentMethod: PaymentMethodInfo | undefined,
): Result<OrderChange, ExchangeRefusal, { sku?: string }> {
  if (order.status !== 'delivered') return fail('not-delivered', {})
  const enough = hasEnoughItems(order, skus)
  if (!enough.ok) return fail('item-not-in-order', { sku: enough.sku })
  if (skus.length !== newSkus.length) return fail('item-count-mismatch', {})
  let difference = 0
  for (const [index, sku] of skus.entries()) {
    const newSku = newSkus[index] ?? ''
    const item = order.items.find((candidate) => candidate.sku === sku)
    if (item === undefined) return fail('item-not-in-order', { sku })
    const variant = findVariant(item.productId, newSku)
    if (variant === undefined) return fail('variant-not-found', { sku: newSku })
    if (!variant.isAvailable) return fail('new-item-unavailable', { sku: newSku })
    difference += variant.priceAmount - item.unitPriceAmount
  }
  if (paymentMethod === undefined) return fail('payment-method-not-found', {})
  if (paymentMethod.id === null && difference > 0) return fail('payment-method-not-reusable', {})
  if (paymentMethod.isGiftCard && (paymentMethod.balanceAmount ?? 0) < difference) {
    return fail('insufficient-gift-card-balance', {})
  }
  const exchangeRequest: ExchangeRequest = {
    items: sortSkus(skus),
    newItems: sortSkus(newSkus),
    paymentMethodReference: paymentMethod.reference,
    priceDifferenceAmount: difference,
  }
  return succeed({
    order: {
      ...order,
      status: 'exchange-requested',
      details: { ...order.details, exchangeRequest },
    },
    changedItems: [],
    newPayments: [],
    giftCardAdjustments: [],
    event: {
      type: 'order.exchange-requested',
      payload: { orderNumber: order.number, ...exchangeRequest },
    },
  })
}
