import { beforeAll, expect, it } from 'vitest'
import { createCustomerService } from '../../domains/customers/index.ts'
import { createOrderService, modifyPendingOrderAddress } from '../../domains/orders/index.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createTestDependencies, loadTau2TestStore } from '../../testing/tau2-test-store.ts'
import { createOrderOperations } from './order-operations.ts'

describeEachEngine('order operations', (getDatabase) => {
  let dependencies: ReturnType<typeof createTestDependencies>
  const services = () => ({
    operations: createOrderOperations(dependencies),
    orders: createOrderService(dependencies),
    customers: createCustomerService(dependencies),
  })

  beforeAll(async () => {
    await loadTau2TestStore(getDatabase())
    dependencies = createTestDependencies(getDatabase().db)
  })

  it('cancels a pending gift-card order and credits the gift card at once when the reason is allowed', async () => {
    const { operations, customers } = services()
    const result = await operations.cancelOrder({ kind: 'staff' }, '#W6779827', 'no longer needed')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.status).toBe('cancelled')
    expect(result.value.cancelReason).toBe('no longer needed')
    expect(
      result.value.payments.map((payment) => [
        payment.kind,
        payment.amount,
        payment.paymentMethodReference,
        payment.status,
      ]),
    ).toEqual([
      ['payment', 407945, 'gift_card_7219486', 'succeeded'],
      // Credited to the gift card within the cancellation: settled, not waiting for a provider.
      ['refund', 407945, 'gift_card_7219486', 'succeeded'],
    ])
    const card = await customers.getPaymentMethod(result.value.customerId, 'gift_card_7219486')
    expect(card?.balanceAmount).toBe(4900 + 407945)
    expect(
      dependencies.events.some(
        (event) => event.type === 'order.cancelled' && event.aggregateId === result.value.id,
      ),
    ).toBe(true)
  })

  it('refuses a second cancellation and an unlisted reason when the order is no longer pending', async () => {
    const { operations } = services()
    expect(
      await operations.cancelOrder({ kind: 'staff' }, '#W6779827', 'no longer needed'),
    ).toMatchObject({ ok: false, reason: 'not-pending' })
    expect(
      await operations.cancelOrder({ kind: 'staff' }, '#W9318778', 'changed my mind'),
    ).toMatchObject({ ok: false, reason: 'invalid-reason' })
    expect(
      await operations.cancelOrder({ kind: 'staff' }, '#W0000000', 'no longer needed'),
    ).toMatchObject({ ok: false, reason: 'order-not-found' })
  })

  it('swaps an item once and refunds the price difference to a gift card when the new variant is cheaper', async () => {
    const { operations, orders, customers } = services()
    const before = await orders.getOrderByNumber('#W8367380')
    const item = before?.items.find((line) => line.sku === '8733974883')
    const product = await orders.products.findProductOfSku('8733974883')
    const cheaper = product?.variants.find(
      (variant) =>
        variant.isAvailable &&
        variant.sku !== '8733974883' &&
        variant.priceAmount < (item?.unitPriceAmount ?? 0),
    )
    expect(cheaper).toBeDefined()
    if (before === undefined || item === undefined || cheaper === undefined) return
    const result = await operations.modifyOrderItems(
      { kind: 'staff' },
      '#W8367380',
      ['8733974883'],
      [cheaper.sku],
      'gift_card_1994993',
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const refund = item.unitPriceAmount - cheaper.priceAmount
    expect(result.value.itemsModified).toBe(true)
    expect(result.value.items.find((line) => line.position === item.position)).toMatchObject({
      sku: cheaper.sku,
      unitPriceAmount: cheaper.priceAmount,
    })
    expect(result.value.payments.at(-1)).toMatchObject({
      kind: 'refund',
      amount: refund,
      paymentMethodReference: 'gift_card_1994993',
      status: 'succeeded',
    })
    expect(
      (await customers.getPaymentMethod(before.customerId, 'gift_card_1994993'))?.balanceAmount,
    ).toBe(7800 + refund)
    const again = await operations.modifyOrderItems(
      { kind: 'staff' },
      '#W8367380',
      [cheaper.sku],
      ['8733974883'],
      'gift_card_1994993',
    )
    expect(again).toMatchObject({ ok: false, reason: 'not-pending' })
  })

  it('refuses to store a change decided on a stale read when the order changed meanwhile', async () => {
    const { operations, orders } = services()
    const stale = await orders.getOrderByNumber('#W9318778')
    if (stale === undefined) throw new Error('τ² order missing')
    const address = {
      line1: '2 Jalan Tun Razak',
      line2: '',
      city: 'Kuala Lumpur',
      state: 'WP',
      postcode: '50400',
      country: 'Malaysia',
    }
    expect((await operations.changeOrderAddress({ kind: 'staff' }, '#W9318778', address)).ok).toBe(
      true,
    )
    const decided = modifyPendingOrderAddress(stale, { ...address, line1: '3 Jalan Tun Razak' })
    if (!decided.ok) throw new Error('address change refused')
    await expect(orders.applyChange(stale, decided.value)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'order-changed' },
    })
    expect((await orders.getOrderByNumber('#W9318778'))?.shippingAddress.line1).toBe(
      '2 Jalan Tun Razak',
    )
  })

  it('refuses a gift card that cannot cover the order when changing the payment method', async () => {
    const { operations } = services()
    const result = await operations.changeOrderPayment(
      { kind: 'staff' },
      '#W1620235',
      'gift_card_6023546',
    )
    expect(result).toMatchObject({ ok: false, reason: 'insufficient-gift-card-balance' })
  })

  it('requests a return to the original method and refuses another customer when a shopper asks', async () => {
    const { operations, orders } = services()
    const order = await orders.getOrderByNumber('#W6304490')
    const stranger = await orders.getOrderByNumber('#W4817420')
    if (order === undefined || stranger === undefined) throw new Error('τ² orders missing')
    const denied = await operations.returnOrderItems(
      { kind: 'customer', customerId: stranger.customerId },
      '#W6304490',
      ['6956751343'],
      'credit_card_4420174',
    )
    expect(denied).toMatchObject({ ok: false, reason: 'order-not-found' })
    const wrongMethod = await operations.returnOrderItems(
      { kind: 'customer', customerId: order.customerId },
      '#W6304490',
      ['6956751343'],
      'paypal_0000000',
    )
    expect(wrongMethod).toMatchObject({ ok: false, reason: 'payment-method-not-found' })
    const result = await operations.returnOrderItems(
      { kind: 'customer', customerId: order.customerId },
      '#W6304490',
      ['6956751343', '4983901480'],
      'credit_card_4420174',
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.status).toBe('return-requested')
    expect(result.value.details.returnRequest).toEqual({
      items: ['4983901480', '6956751343'],
      paymentMethodReference: 'credit_card_4420174',
    })
  })

  it('changes a customer’s default address only for that customer when a shopper asks', async () => {
    const { operations, orders, customers } = services()
    const order = await orders.getOrderByNumber('#W4817420')
    const other = await orders.getOrderByNumber('#W2611340')
    if (order === undefined || other === undefined) throw new Error('τ² orders missing')
    const address = {
      line1: '1 Jalan Ampang',
      line2: '',
      city: 'Kuala Lumpur',
      state: 'WP',
      postcode: '50450',
      country: 'Malaysia',
    }
    expect(
      await operations.changeDefaultAddress(
        { kind: 'customer', customerId: order.customerId },
        other.customerId,
        address,
      ),
    ).toMatchObject({ ok: false })
    const changed = await operations.changeDefaultAddress(
      { kind: 'customer', customerId: order.customerId },
      order.customerId,
      address,
    )
    expect(changed.ok).toBe(true)
    expect((await customers.getProfile(order.customerId))?.defaultAddress).toEqual(address)
  })
})
