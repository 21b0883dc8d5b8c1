import { describe, expect, it } from 'vitest'
import { netPaidByPaymentMethod, refundableAmount } from './net-paid.ts'
import type { Order, OrderItem, PaymentMethodInfo, PaymentTransaction } from './order.ts'
import {
  openExchangeRequest,
  openReturnRequest,
  receiveReturnedItems,
  refundReturnedItems,
  returnedItemsAmount,
  returnedItemsLoyaltyPoints,
} from './refund-return.ts'

const card: PaymentMethodInfo = {
  id: null,
  reference: 'card',
  isGiftCard: false,
  balanceAmount: null,
}
const giftCard: PaymentMethodInfo = {
  id: 'pm_gift',
  reference: 'gift_card_1',
  isGiftCard: true,
  balanceAmount: 1_000,
}

function item(sku: string, unitPriceAmount: number, position: number): OrderItem {
  return {
    id: `oli_${sku}`,
    position,
    productId: 'prd_shirt',
    variantId: `var_${sku}`,
    sku,
    name: 'Shirt',
    options: {},
    unitPriceAmount,
    quantity: 1,
  }
}

function transaction(
  position: number,
  kind: 'payment' | 'refund',
  amount: number,
  reference = 'card',
): PaymentTransaction {
  return {
    id: `pay_${String(position)}`,
    position,
    kind,
    amount,
    currency: 'MYR',
    paymentMethodId: null,
    paymentMethodReference: reference,
    status: 'succeeded',
    failureReason: null,
    createdAt: '2026-11-24T09:00:00.000Z',
  }
}

/** A two-item order (60.00 and 40.00) with a 10.00 discount and 5.00 shipping, tax included or added. */
function order(overrides: Partial<Order> = {}): Order {
  const base: Order = {
    id: 'ord_1',
    number: '#K1',
    customerId: 'cus_1',
    status: 'return-received',
    currency: 'MYR',
    shippingAddress: { line1: '', line2: '', city: '', state: '', postcode: '', country: 'MY' },
    subtotalAmount: 10_000,
    discountAmount: 1_000,
    shippingAmount: 500,
    taxAmount: 538,
    totalAmount: 9_500,
    itemsModified: false,
    cancelReason: null,
    details: { returnRequest: { items: ['A'], paymentMethodReference: 'card' } },
    conversationId: null,
    placedAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    items: [item('A', 6_000, 0), item('B', 4_000, 1)],
    fulfillments: [],
    payments: [transaction(0, 'payment', 9_500)],
  }
  return { ...base, ...overrides }
}

describe('returnedItemsAmount', () => {
  it('gives the returned items their share of the price after discounts, without shipping, tax included', () => {
    expect(returnedItemsAmount(order(), ['A'])).toBe(5_400)
    expect(returnedItemsAmount(order(), ['B'])).toBe(3_600)
    expect(returnedItemsAmount(order(), ['A', 'B'])).toBe(9_000)
  })

  it('includes the tax the shopper paid on them when tax was added to the prices', () => {
    // 6 % added on 90.00 + 5.00: 100.70 paid, of which 95.40 for the items.
    const taxAdded = order({ taxAmount: 570, totalAmount: 10_070 })
    expect(returnedItemsAmount(taxAdded, ['A', 'B'])).toBe(9_540)
    expect(returnedItemsAmount(taxAdded, ['A'])).toBe(5_724)
    // Rounded down: the shares never add up to more than was paid.
    const odd = order({ subtotalAmount: 10_001, items: [item('A', 3_333, 0), item('B', 6_668, 1)] })
    expect(returnedItemsAmount(odd, ['A']) + returnedItemsAmount(odd, ['B'])).toBeLessThanOrEqual(
      returnedItemsAmount(odd, ['A', 'B']),
    )
  })

  it('is nothing for unknown items or an order paid nothing', () => {
    expect(returnedItemsAmount(order(), ['Z'])).toBe(0)
    expect(returnedItemsAmount(order({ discountAmount: 10_000, totalAmount: 500 }), ['A'])).toBe(0)
  })
})

describe('refundableAmount', () => {
  it('is what the order and the method paid net of earlier refunds; a gift card may take the order’s', () => {
    const refunded = order({
      payments: [transaction(0, 'payment', 9_500), transaction(1, 'refund', 2_000)],
    })
    expect(netPaidByPaymentMethod(refunded)).toEqual(new Map([['card', 7_500]]))
    expect(refundableAmount(refunded, card)).toBe(7_500)
    expect(refundableAmount(refunded, giftCard)).toBe(7_500)
    expect(refundableAmount(refunded, { ...card, reference: 'credit_card_other' })).toBe(0)
  })
})

describe('refundReturnedItems', () => {
  it('refunds the returned items to the return’s method and marks the order refunded', () => {
    const decided = refundReturnedItems(order(), card)
    expect(decided).toMatchObject({
      ok: true,
      value: {
        order: { status: 'refunded' },
        newPayments: [
          { kind: 'refund', amount: 5_400, paymentMethodReference: 'card', paymentMethodId: null },
        ],
        giftCardAdjustments: [],
        event: { type: 'order.refunded' },
      },
    })
  })

  it('credits a gift card at once', () => {
    const toGiftCard = order({
      details: { returnRequest: { items: ['B'], paymentMethodReference: 'gift_card_1' } },
    })
    expect(refundReturnedItems(toGiftCard, giftCard)).toMatchObject({
      ok: true,
      value: {
        newPayments: [{ amount: 3_600, paymentMethodReference: 'gift_card_1' }],
        giftCardAdjustments: [{ paymentMethodReference: 'gift_card_1', amount: 3_600 }],
      },
    })
  })

  it('never refunds more than the method still holds, and nothing once all was refunded', () => {
    const partly = order({
      payments: [transaction(0, 'payment', 9_500), transaction(1, 'refund', 5_000)],
    })
    expect(refundReturnedItems(partly, card)).toMatchObject({
      ok: true,
      value: { newPayments: [{ amount: 4_500 }] },
    })
    const all = order({
      payments: [transaction(0, 'payment', 9_500), transaction(1, 'refund', 9_500)],
    })
    expect(refundReturnedItems(all, card)).toMatchObject({
      ok: true,
      value: { order: { status: 'refunded' }, newPayments: [], giftCardAdjustments: [] },
    })
  })

  it('refuses an order whose items were not received, an exchange and a missing method', () => {
    expect(refundReturnedItems(order({ status: 'return-requested' }), card)).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
    expect(refundReturnedItems(order({ status: 'refunded' }), card)).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
    const exchange = order({
      details: {
        exchangeRequest: {
          items: ['A'],
          newItems: ['C'],
          paymentMethodReference: 'card',
          priceDifferenceAmount: -100,
        },
      },
    })
    expect(refundReturnedItems(exchange, card)).toEqual({ ok: false, reason: 'not-a-return' })
    expect(refundReturnedItems(order(), undefined)).toEqual({
      ok: false,
      reason: 'payment-method-not-found',
    })
  })

  it('reads the return request a τ² order was imported with', () => {
    const imported = order({
      details: { return_items: ['B'], return_payment_method_id: 'card' },
    })
    expect(openReturnRequest(imported)).toEqual({ items: ['B'], paymentMethodReference: 'card' })
    expect(refundReturnedItems(imported, card)).toMatchObject({
      ok: true,
      value: { newPayments: [{ amount: 3_600 }] },
    })
  })
})

describe('refundReturnedItems with a return label charge', () => {
  it('takes the label charge from the refund and names it in the event', () => {
    const refunded = refundReturnedItems(order(), card, 2_000)
    expect(refunded.ok && refunded.value.newPayments.map((payment) => payment.amount)).toEqual([
      5_400 - 2_000,
    ])
    expect(refunded.ok && refunded.value.event.payload.labelFeeAmount).toBe(2_000)
  })

  it('never charges more than the returned items are worth: nothing is refunded then', () => {
    const refunded = refundReturnedItems(order(), card, 9_999)
    expect(refunded.ok && refunded.value.newPayments).toEqual([])
    expect(refunded.ok && refunded.value.event.payload.labelFeeAmount).toBe(5_400)
  })
})

describe('returnedItemsLoyaltyPoints', () => {
  const withPoints = (spent: number, earned: number) =>
    order({
      details: {
        returnRequest: { items: ['A'], paymentMethodReference: 'card' },
        pointsSpent: spent,
        pointsEarned: earned,
      },
    })

  it('gives back the returned items’ share of the points spent and takes back their share of the points earned', () => {
    // Item A is 60 % of the items' price.
    expect(returnedItemsLoyaltyPoints(withPoints(500, 90), ['A'])).toBe(300 - 54)
    expect(returnedItemsLoyaltyPoints(withPoints(0, 90), ['B'])).toBe(-36)
    expect(returnedItemsLoyaltyPoints(withPoints(500, 90), ['A', 'B'])).toBe(500 - 90)
  })

  it('moves nothing for an order without points or for unknown items', () => {
    expect(returnedItemsLoyaltyPoints(order(), ['A'])).toBe(0)
    expect(returnedItemsLoyaltyPoints(withPoints(500, 90), ['Z'])).toBe(0)
  })

  it('travels with the refund of a return', () => {
    const refunded = refundReturnedItems(withPoints(500, 90), card)
    expect(refunded.ok && refunded.value.loyaltyPoints).toBe(246)
    expect(refunded.ok && refunded.value.event.payload.loyaltyPoints).toBe(246)
    const plain = refundReturnedItems(order(), card)
    expect(plain.ok && 'loyaltyPoints' in plain.value).toBe(false)
  })
})

describe('receiveReturnedItems', () => {
  const exchange = (priceDifferenceAmount: number) =>
    order({
      status: 'exchange-requested',
      details: {
        exchangeRequest: {
          items: ['A'],
          newItems: ['C'],
          paymentMethodReference: 'card',
          priceDifferenceAmount,
        },
      },
    })

  it('receives a return without moving money', () => {
    expect(receiveReturnedItems(order({ status: 'return-requested' }), undefined)).toMatchObject({
      ok: true,
      value: {
        order: { status: 'return-received' },
        newPayments: [],
        event: { type: 'order.return-received' },
      },
    })
  })

  it('refunds the difference of a cheaper exchange, nothing for an equal one', () => {
    expect(receiveReturnedItems(exchange(-1_250), card)).toMatchObject({
      ok: true,
      value: {
        order: { status: 'return-received' },
        newPayments: [{ kind: 'refund', amount: 1_250, paymentMethodReference: 'card' }],
      },
    })
    expect(receiveReturnedItems(exchange(0), card)).toMatchObject({
      ok: true,
      value: { order: { status: 'return-received' }, newPayments: [] },
    })
    expect(receiveReturnedItems(exchange(0), undefined)).toMatchObject({ ok: true })
    expect(receiveReturnedItems(exchange(-1_250), undefined)).toEqual({
      ok: false,
      reason: 'payment-method-not-found',
    })
  })

  it('charges the difference of a dearer exchange: a saved card through the provider, a gift card at once', () => {
    const savedCard: PaymentMethodInfo = {
      id: 'pm_saved',
      reference: 'credit_card_1',
      isGiftCard: false,
      balanceAmount: null,
      isChargeable: true,
    }
    const charged = receiveReturnedItems(exchange(700), savedCard)
    expect(charged).toMatchObject({
      ok: true,
      value: {
        order: { status: 'return-received' },
        newPayments: [
          {
            kind: 'payment',
            amount: 700,
            paymentMethodReference: 'credit_card_1',
            throughProvider: true,
          },
        ],
        giftCardAdjustments: [],
        event: { payload: { refunds: [], charges: [{ amount: 700 }] } },
      },
    })
    const gift = receiveReturnedItems(exchange(700), giftCard)
    expect(gift).toMatchObject({
      ok: true,
      value: {
        newPayments: [{ kind: 'payment', amount: 700, paymentMethodReference: 'gift_card_1' }],
        giftCardAdjustments: [{ paymentMethodReference: 'gift_card_1', amount: -700 }],
      },
    })
    expect(gift.ok && gift.value.newPayments[0]?.throughProvider).toBeFalsy()
    // A method without a provider token (imported with a τ² store) is recorded as paid.
    const recorded = receiveReturnedItems(exchange(700), { ...savedCard, isChargeable: false })
    expect(recorded).toMatchObject({ ok: true, value: { newPayments: [{ amount: 700 }] } })
    expect(recorded.ok && recorded.value.newPayments[0]?.throughProvider).toBeFalsy()
    expect(receiveReturnedItems(exchange(1_500), giftCard)).toEqual({
      ok: false,
      reason: 'insufficient-gift-card-balance',
    })
    expect(receiveReturnedItems(exchange(700), undefined)).toEqual({
      ok: false,
      reason: 'payment-method-not-found',
    })
  })

  it('reads an imported τ² exchange and refuses orders not awaiting returned items', () => {
    const imported = order({
      status: 'exchange-requested',
      details: {
        exchange_items: ['A'],
        exchange_new_items: ['C'],
        exchange_payment_method_id: 'card',
        exchange_price_difference: -12.5,
      },
    })
    expect(openExchangeRequest(imported)).toMatchObject({ priceDifferenceAmount: -1_250 })
    expect(receiveReturnedItems(imported, card)).toMatchObject({
      ok: true,
      value: { newPayments: [{ amount: 1_250 }] },
    })
    expect(receiveReturnedItems(order({ status: 'delivered' }), card)).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
    expect(receiveReturnedItems(order({ status: 'return-received' }), card)).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
  })
})
