import { parseDecimalAmount } from '../../shared/money.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import {
  differencePayment,
  orderLoyaltyPoints,
  type NewPaymentTransaction,
  type OrderChange,
} from './order-change.ts'
import type {
  ExchangeRequest,
  GiftCardAdjustment,
  Order,
  PaymentMethodInfo,
  ReturnRequest,
} from './order.ts'
import { refundableAmount } from './net-paid.ts'

/** Why receiving returned items, or refunding a return, was refused. */
export type ReturnSettlementRefusal =
  /** The order is not at the step this needs (return or exchange requested; return received). */
  | 'invalid-transition'
  /** The order holds no return request (an exchange is settled when its items are received). */
  | 'not-a-return'
  | 'payment-method-not-found'
  /** A dearer exchange's gift card no longer holds the price difference. */
  | 'insufficient-gift-card-balance'

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string')
    ? (value as string[])
    : undefined
}

/** The order's return request: Kedai's own, or the one a τ² order was imported with. */
export function openReturnRequest(order: Order): ReturnRequest | undefined {
  if (order.details.returnRequest !== undefined) return order.details.returnRequest
  const items = stringList(order.details.return_items)
  const reference = order.details.return_payment_method_id
  return items === undefined || typeof reference !== 'string'
    ? undefined
    : { items, paymentMethodReference: reference }
}

/** The order's exchange request: Kedai's own, or the one a τ² order was imported with. */
export function openExchangeRequest(order: Order): ExchangeRequest | undefined {
  if (order.details.exchangeRequest !== undefined) return order.details.exchangeRequest
  const items = stringList(order.details.exchange_items)
  const newItems = stringList(order.details.exchange_new_items)
  const reference = order.details.exchange_payment_method_id
  const difference = order.details.exchange_price_difference
  if (items === undefined || newItems === undefined || typeof reference !== 'string')
    return undefined
  if (typeof difference !== 'number' || !Number.isFinite(difference)) return undefined
  return {
    items,
    newItems,
    paymentMethodReference: reference,
    priceDifferenceAmount: parseDecimalAmount(difference, order.currency).amount,
  }
}

/**
 * What the shopper paid for the returned units (one SKU per unit, as return requests list them):
 * their share of the order's item prices after the order's discounts, with the tax the shopper paid
 * on them. The original shipping fee is not refunded (the store's returns policy). Rounded down, so
 * the shares of all items never exceed what was paid for them.
 *
 * The order's total is (items − discount + shipping) with tax included, or with tax added on that
 * same base, so the items' part of what was paid is `total × (items − discount) / (items − discount +
 * shipping)` in both tax modes, and the returned units get their price's share of it.
 */
export function returnedItemsAmount(order: Order, skus: readonly string[]): number {
  let returned = 0
  for (const sku of skus) {
    const item = order.items.find((candidate) => candidate.sku === sku)
    if (item !== undefined) returned += item.unitPriceAmount
  }
  const subtotal = order.subtotalAmount
  const afterDiscount = Math.max(0, subtotal - order.discountAmount)
  const taxable = afterDiscount + order.shippingAmount
  if (returned <= 0 || subtotal <= 0 || taxable <= 0 || order.totalAmount <= 0) return 0
  const share =
    (BigInt(Math.min(returned, subtotal)) * BigInt(afterDiscount) * BigInt(order.totalAmount)) /
    (BigInt(subtotal) * BigInt(taxable))
  return Number(share)
}

/**
 * The loyalty points a refund of the returned units moves, in the units' share of the items' price:
 * that share of the points spent comes back (the money refunded is net of what the points paid) and
 * that share of the points earned goes. Positive: the customer gains points.
 */
export function returnedItemsLoyaltyPoints(order: Order, skus: readonly string[]): number {
  const points = orderLoyaltyPoints(order)
  if ((points.spent === 0 && points.earned === 0) || order.subtotalAmount <= 0) return 0
  let returned = 0
  for (const sku of skus) {
    const item = order.items.find((candidate) => candidate.sku === sku)
    if (item !== undefined) returned += item.unitPriceAmount
  }
  const share = Math.min(returned, order.subtotalAmount) / order.subtotalAmount
  return Math.round(points.spent * share) - Math.round(points.earned * share)
}

/** A refund of `amount` to `method`, capped by what the order may still refund to it. */
function refundTo(
  order: Order,
  method: PaymentMethodInfo,
  amount: number,
): { newPayments: NewPaymentTransaction[]; giftCardAdjustments: GiftCardAdjustment[] } {
  const capped = Math.min(amount, refundableAmount(order, method))
  if (capped <= 0) return { newPayments: [], giftCardAdjustments: [] }
  return {
    newPayments: [
      {
        kind: 'refund',
        amount: capped,
        paymentMethodReference: method.reference,
        paymentMethodId: method.id,
        ...(method.isGiftCard ? { settled: true } : {}),
      },
    ],
    // A gift card is credited at once; other methods through the payment provider.
    giftCardAdjustments: method.isGiftCard
      ? [{ paymentMethodReference: method.reference, amount: capped }]
      : [],
  }
}

/** The price difference of a dearer exchange, taken from `method`. */
function chargeTo(
  method: PaymentMethodInfo,
  amount: number,
): { newPayments: NewPaymentTransaction[]; giftCardAdjustments: GiftCardAdjustment[] } {
  return {
    newPayments: [differencePayment(method, amount)],
    // A gift card is debited at once; a saved card through the payment provider.
    giftCardAdjustments: method.isGiftCard
      ? [{ paymentMethodReference: method.reference, amount: -amount }]
      : [],
  }
}

/**
 * The returned items of a return or exchange arrived: status `return-received`. The price
 * difference of an exchange moves here, through the exchange's payment method: a cheaper exchange's
 * is refunded (capped at what the order may still refund), a dearer one's is charged (a gift card at
 * once, a saved card through the payment provider right after; a method without a provider token is
 * only recorded). `exchangeMethod` is the exchange's payment method, resolved by the caller (only
 * needed when the prices differ).
 */
export function receiveReturnedItems(
  order: Order,
  exchangeMethod: PaymentMethodInfo | undefined,
): Result<OrderChange, ReturnSettlementRefusal> {
  if (order.status !== 'return-requested' && order.status !== 'exchange-requested')
    return fail('invalid-transition')
  const exchange = order.status === 'exchange-requested' ? openExchangeRequest(order) : undefined
  const difference = exchange?.priceDifferenceAmount ?? 0
  if (difference !== 0 && exchangeMethod === undefined) return fail('payment-method-not-found')
  if (
    difference > 0 &&
    exchangeMethod?.isGiftCard === true &&
    (exchangeMethod.balanceAmount ?? 0) < difference
  ) {
    return fail('insufficient-gift-card-balance')
  }
  const money =
    exchangeMethod === undefined || difference === 0
      ? { newPayments: [], giftCardAdjustments: [] }
      : difference < 0
        ? refundTo(order, exchangeMethod, -difference)
        : chargeTo(exchangeMethod, difference)
  const refunds = money.newPayments.filter((payment) => payment.kind === 'refund')
  const charges = money.newPayments.filter((payment) => payment.kind === 'payment')
  return succeed({
    order: { ...order, status: 'return-received' },
    changedItems: [],
    ...money,
    event: {
      type: 'order.return-received',
      payload: {
        orderNumber: order.number,
        from: order.status,
        to: 'return-received',
        refunds,
        ...(charges.length === 0 ? {} : { charges }),
      },
    },
  })
}

/**
 * Refunds a received return: status `refunded` and one refund of the returned items (see
 * {@link returnedItemsAmount}) less `labelFeeAmount` (the store's charge for its prepaid return label
 * from the order's country, at most the items' amount) to the return's refund method, capped at what
 * the order may still refund to it (never beyond what was paid). `refundMethod` is the return request's method, resolved
 * by the caller. An exchange is not refunded this way (`not-a-return`).
 */
export function refundReturnedItems(
  order: Order,
  refundMethod: PaymentMethodInfo | undefined,
  labelFeeAmount = 0,
): Result<OrderChange, ReturnSettlementRefusal> {
  if (order.status !== 'return-received') return fail('invalid-transition')
  const request = openReturnRequest(order)
  if (request === undefined) return fail('not-a-return')
  if (refundMethod === undefined) return fail('payment-method-not-found')
  const itemsAmount = returnedItemsAmount(order, request.items)
  // The label charge never takes more than the items' refund.
  const labelFee = Math.min(Math.max(0, Math.trunc(labelFeeAmount)), itemsAmount)
  const money = refundTo(order, refundMethod, itemsAmount - labelFee)
  const loyaltyPoints = returnedItemsLoyaltyPoints(order, request.items)
  return succeed({
    order: { ...order, status: 'refunded' },
    changedItems: [],
    ...money,
    ...(loyaltyPoints === 0 ? {} : { loyaltyPoints }),
    event: {
      type: 'order.refunded',
      payload: {
        orderNumber: order.number,
        from: order.status,
        to: 'refunded',
        refunds: money.newPayments,
        ...(labelFee === 0 ? {} : { labelFeeAmount: labelFee }),
        ...(loyaltyPoints === 0 ? {} : { loyaltyPoints }),
      },
    },
  })
}
