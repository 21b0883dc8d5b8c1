import { describe, expect, it } from 'vitest'
import { cancelPendingOrder } from './cancel-pending-order.ts'
import type { FindProductVariant } from './modify-pending-order-items.ts'
import type { Order, PaymentMethodInfo } from './order.ts'
import { originalPaymentMethodOf, resolveOrderPaymentMethod } from './original-payment-method.ts'
import { requestExchange } from './request-exchange.ts'
import { requestReturn } from './request-return.ts'

/** An order placed in chat and paid with a card typed at checkout (reference `card`, never saved). */
function typedCardOrder(status: Order['status']): Order {
  return {
    id: 'ord_chat',
    number: '#KAB12CD34EF',
    customerId: 'cus_guest',
    status,
    currency: 'MYR',
    shippingAddress: {
      line1: '12 Jalan Ampang',
      line2: '',
      city: 'Kuala Lumpur',
      state: 'Kuala Lumpur',
      postcode: '50450',
      country: 'MY',
    },
    subtotalAmount: 25_900,
    discountAmount: 0,
    shippingAmount: 0,
    taxAmount: 0,
    totalAmount: 25_900,
    itemsModified: false,
    cancelReason: null,
    details: {},
    conversationId: 'con_1',
    placedAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:00:00.000Z',
    items: [
      {
        id: 'oli_1',
        position: 0,
        productId: 'prd_sneakers',
        variantId: 'var_9_black',
        sku: 'SNK-9-BLK',
        name: 'Urban Sneakers',
        options: { size: '9', color: 'black' },
        unitPriceAmount: 25_900,
        quantity: 1,
      },
    ],
    fulfillments: [],
    payments: [
      {
        id: 'pay_1',
        position: 0,
        kind: 'payment',
        amount: 25_900,
        currency: 'MYR',
        paymentMethodId: null,
        paymentMethodReference: 'card',
        status: 'succeeded',
        failureReason: null,
        createdAt: '2026-11-24T09:00:00.000Z',
      },
    ],
  }
}

const variants: FindProductVariant = (productId, sku) =>
  productId !== 'prd_sneakers'
    ? undefined
    : {
        'SNK-10-BLK': {
          id: 'var_10_black',
          productId,
          sku,
          options: { size: '10', color: 'black' },
          priceAmount: 25_900,
          isAvailable: true,
        },
        'SNK-10-GLD': {
          id: 'var_10_gold',
          productId,
          sku,
          options: { size: '10', color: 'gold' },
          priceAmount: 29_900,
          isAvailable: true,
        },
      }[sku]

describe('refunds to an order’s own payment when it is no saved method (a typed card)', () => {
  it('describes the order’s first payment only when the reference names it', () => {
    const order = typedCardOrder('delivered')
    expect(originalPaymentMethodOf(order, 'card')).toEqual({
      id: null,
      reference: 'card',
      isGiftCard: false,
      balanceAmount: null,
    })
    expect(originalPaymentMethodOf(order, 'credit_card_7815826')).toBeUndefined()
    const saved: PaymentMethodInfo = {
      id: 'pm_1',
      reference: 'card',
      isGiftCard: false,
      balanceAmount: null,
    }
    expect(resolveOrderPaymentMethod(order, 'card', saved)).toBe(saved)
  })

  it('accepts the return of a delivered order paid with a typed card, refunded to that card', () => {
    const order = typedCardOrder('delivered')
    const returned = requestReturn(
      order,
      ['SNK-9-BLK'],
      resolveOrderPaymentMethod(order, 'card', undefined),
    )
    expect(returned.ok).toBe(true)
    if (!returned.ok) return
    expect(returned.value.order.status).toBe('return-requested')
    expect(returned.value.order.details.returnRequest).toEqual({
      items: ['SNK-9-BLK'],
      paymentMethodReference: 'card',
    })
  })

  it('still refuses a refund to a method that is neither saved nor the order’s payment', () => {
    const order = typedCardOrder('delivered')
    const method = resolveOrderPaymentMethod(order, 'paypal_1234567', undefined)
    expect(requestReturn(order, ['SNK-9-BLK'], method)).toMatchObject({
      ok: false,
      reason: 'payment-method-not-found',
    })
  })

  it('cancels a pending order paid with a typed card and refunds the card in full', () => {
    const cancelled = cancelPendingOrder(typedCardOrder('pending'), 'ordered by mistake', new Map())
    expect(cancelled.ok).toBe(true)
    if (!cancelled.ok) return
    expect(cancelled.value.order.status).toBe('cancelled')
    expect(cancelled.value.newPayments).toEqual([
      { kind: 'refund', amount: 25_900, paymentMethodReference: 'card', paymentMethodId: null },
    ])
    expect(cancelled.value.giftCardAdjustments).toEqual([])
    expect('loyaltyPoints' in cancelled.value).toBe(false)
  })

  it('gives back the points a cancelled order spent and takes back the points it earned', () => {
    const order = { ...typedCardOrder('pending'), details: { pointsSpent: 500, pointsEarned: 207 } }
    const cancelled = cancelPendingOrder(order, 'no longer needed', new Map())
    expect(cancelled.ok && cancelled.value.loyaltyPoints).toBe(500 - 207)
    expect(cancelled.ok && cancelled.value.event.payload.loyaltyPoints).toBe(293)
  })

  it('exchanges through the typed card when nothing is owed, but never charges it again', () => {
    const order = typedCardOrder('delivered')
    const method = resolveOrderPaymentMethod(order, 'card', undefined)
    const same = requestExchange(order, ['SNK-9-BLK'], ['SNK-10-BLK'], variants, method)
    expect(same.ok).toBe(true)
    if (same.ok) expect(same.value.order.details.exchangeRequest?.priceDifferenceAmount).toBe(0)
    expect(requestExchange(order, ['SNK-9-BLK'], ['SNK-10-GLD'], variants, method)).toMatchObject({
      ok: false,
      reason: 'payment-method-not-reusable',
    })
  })
})
