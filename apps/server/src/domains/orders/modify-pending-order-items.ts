import { fail, succeed, type Result } from '../../shared/result.ts'
import {
  differencePayment,
  hasEnoughItems,
  type NewPaymentTransaction,
  type OrderChange,
} from './order-change.ts'
import type {
  ItemsModification,
  Order,
  OrderItem,
  OrderableVariant,
  PaymentMethodInfo,
} from './order.ts'

/** Why a modification of items was refused; `sku` names the offending item where there is one. */
export type ModifyItemsRefusal =
  | 'not-pending'
  | 'item-not-in-order'
  | 'item-count-mismatch'
  | 'same-item'
  | 'variant-not-found'
  | 'new-item-unavailable'
  | 'payment-method-not-found'
  | 'insufficient-gift-card-balance'

/** Finds a variant of a product by SKU (only variants of that product). */
export type FindProductVariant = (productId: string, sku: string) => OrderableVariant | undefined

/**
 * Swaps items of a pending order for other available variants of the same product, once per order.
 * The price difference (new minus old) is charged to, or refunded through, `paymentMethod`; a gift
 * card must hold enough to pay it and its balance moves at once.
 */
export function modifyPendingOrderItems(
  order: Order,
  skus: readonly string[],
  newSkus: readonly string[],
  findVariant: FindProductVariant,
  paymentMethod: PaymentMethodInfo | undefined,
): Result<OrderChange, ModifyItemsRefusal, { sku?: string }> {
  if (order.status !== 'pending' || order.itemsModified) return fail('not-pending', {})
  const enough = hasEnoughItems(order, skus)
  if (!enough.ok) return fail('item-not-in-order', { sku: enough.sku })
  if (skus.length !== newSkus.length) return fail('item-count-mismatch', {})

  let difference = 0
  const priced: { sku: string; newVariant: OrderableVariant; fromPriceAmount: number }[] = []
  for (const [index, sku] of skus.entries()) {
    const newSku = newSkus[index] ?? ''
    if (sku === newSku) return fail('same-item', { sku })
    const item = order.items.find((candidate) => candidate.sku === sku)
    if (item === undefined) return fail('item-not-in-order', { sku })
    const variant = findVariant(item.productId, newSku)
    if (variant === undefined) return fail('variant-not-found', { sku: newSku })
    if (!variant.isAvailable) return fail('new-item-unavailable', { sku: newSku })
    difference += variant.priceAmount - item.unitPriceAmount
    priced.push({ sku, newVariant: variant, fromPriceAmount: item.unitPriceAmount })
  }
  if (paymentMethod === undefined) return fail('payment-method-not-found', {})
  if (paymentMethod.isGiftCard && (paymentMethod.balanceAmount ?? 0) < difference) {
    return fail('insufficient-gift-card-balance', {})
  }

  const items: OrderItem[] = [...order.items]
  const changedItems: OrderItem[] = []
  const changes: ItemsModification['changes'][number][] = []
  for (const change of priced) {
    const index = items.findIndex((candidate) => candidate.sku === change.sku)
    const item = items[index]
    if (item === undefined) return fail('item-not-in-order', { sku: change.sku })
    const updated: OrderItem = {
      ...item,
      sku: change.newVariant.sku,
      variantId: change.newVariant.id,
      options: change.newVariant.options,
      unitPriceAmount: change.newVariant.priceAmount,
    }
    items[index] = updated
    changedItems.push(updated)
    changes.push({
      itemPosition: item.position,
      fromSku: change.sku,
      toSku: change.newVariant.sku,
      fromPriceAmount: change.fromPriceAmount,
      toPriceAmount: change.newVariant.priceAmount,
    })
  }
  const payment: NewPaymentTransaction =
    difference > 0
      ? differencePayment(paymentMethod, difference)
      : {
          kind: 'refund',
          amount: -difference,
          paymentMethodReference: paymentMethod.reference,
          paymentMethodId: paymentMethod.id,
          ...(paymentMethod.isGiftCard ? { settled: true } : {}),
        }
  const itemsModification: ItemsModification = { paymentPosition: order.payments.length, changes }
  const subtotal = items.reduce((sum, item) => sum + item.unitPriceAmount * item.quantity, 0)
  return succeed({
    order: {
      ...order,
      itemsModified: true,
      items,
      subtotalAmount: subtotal,
      totalAmount: order.totalAmount + (subtotal - order.subtotalAmount),
      details: { ...order.details, itemsModification },
    },
    changedItems,
    newPayments: [payment],
    giftCardAdjustments: paymentMethod.isGiftCard
      ? [{ paymentMethodReference: paymentMethod.reference, amount: -difference }]
      : [],
    event: {
      type: 'order.items-modified',
      payload: {
        orderNumber: order.number,
        changes,
        priceDifferenceAmount: difference,
        paymentMethod: paymentMethod.reference,
      },
    },
  })
}
