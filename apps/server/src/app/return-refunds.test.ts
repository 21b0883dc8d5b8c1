import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSandboxPaymentProvider } from '../adapters/payment-sandbox/index.ts'
import { createStripePaymentProvider } from '../adapters/payment-stripe/index.ts'
import { createCustomerService, isGiftCard } from '../domains/customers/index.ts'
import { createOrderService, type Order, type OrderItem } from '../domains/orders/index.ts'
import {
  createPaymentsService,
  type PaymentMethodInput,
  type PaymentProvider,
} from '../domains/payments/index.ts'
import { createNotificationsService } from '../domains/notifications/index.ts'
import { createReturnService } from '../domains/returns/index.ts'
import { createShippingService, loadShippingConfiguration } from '../domains/shipping/index.ts'
import { subscribeFailedChargeNotice } from '../subscribers/notify-failed-charge.ts'
import { subscribeRefundSettlement } from '../subscribers/settle-refunds-after-order-change.ts'
import {
  localStripeTestPaymentMethods,
  startLocalStripeServer,
  type LocalStripeServer,
} from '../testing/local-stripe-server.ts'
import { placeCardPaidOrder } from '../testing/paid-test-orders.ts'
import { createTestDependencies, loadTau2TestStore } from '../testing/tau2-test-store.ts'
import { describeEachEngine } from '../testing/test-database.ts'
import { createOrderOperations } from '../workflows/order-operations/index.ts'
import { createRefundSettlement } from '../workflows/settle-order-refunds/index.ts'

const staff = { kind: 'staff' } as const

describeEachEngine('refunds of returns and exchanges', (getDatabase) => {
  let dependencies: ReturnType<typeof createTestDependencies>
  let stripe: LocalStripeServer
  let template: Order
  /** An item of the template whose product has another available variant (for exchanges). */
  let exchangeable: { item: OrderItem; otherSku: string; otherPriceAmount: number }
  let orderCount = 0
  const stops: (() => void)[] = []

  beforeAll(async () => {
    await loadTau2TestStore(getDatabase())
    dependencies = createTestDependencies(getDatabase().db)
    stripe = await startLocalStripeServer()
    const orders = createOrderService(dependencies)
    const pending = await orders.getOrderByNumber('#W6779827')
    if (pending === undefined) throw new Error('τ² order missing')
    template = pending
    for (const item of template.items) {
      const product = await orders.products.findProductOfSku(item.sku)
      const other = product?.variants.find(
        (variant) => variant.isAvailable && variant.sku !== item.sku,
      )
      if (other !== undefined) {
        exchangeable = { item, otherSku: other.sku, otherPriceAmount: other.priceAmount }
        break
      }
    }
    if (exchangeable === undefined) throw new Error('no exchangeable item in the τ² order')
  })
  afterAll(async () => {
    for (const stop of stops) stop()
    await stripe.close()
  })

  function build(
    provider: PaymentProvider,
    options: { returnLabelFee?: (order: Order) => number } = {},
  ) {
    const payments = createPaymentsService({
      ...dependencies,
      providers: [provider],
      publicUrl: 'http://127.0.0.1:3000',
    })
    const orders = createOrderService(dependencies)
    const refunds = createRefundSettlement({
      orders,
      payments,
      customers: createCustomerService(dependencies),
      clock: dependencies.clock,
    })
    // As the container wires it: an order change's refunds are sent right after it is committed
    // (by this test's payment provider only).
    for (const stop of stops.splice(0)) stop()
    stops.push(subscribeRefundSettlement(dependencies.eventBus, refunds))
    // No sender configured: the outbox records what the customer would be sent.
    const notifications = createNotificationsService({ ...dependencies, senders: [] })
    stops.push(
      subscribeFailedChargeNotice(dependencies.eventBus, { db: dependencies.db, notifications }),
    )
    return {
      notifications,
      payments,
      orders,
      refunds,
      operations: createOrderOperations({ ...dependencies, ...options }),
      customers: createCustomerService(dependencies),
      returns: createReturnService({ ...dependencies, secret: 'return-refunds-test-secret' }),
    }
  }
  type Services = ReturnType<typeof build>

  const stripeProvider = () =>
    createStripePaymentProvider({
      secretKey: 'sk_test_local',
      webhookSecret: 'whsec_local',
      apiBase: stripe.url,
    })

  /**
   * A delivered order of the τ² customer with `lines` (SKU and unit price), `discountAmount` and
   * `shippingAmount`, paid in full by card through the provider, as checkout stores it.
   */
  async function placeDeliveredOrder(
    services: Services,
    paymentMethod: PaymentMethodInput,
    order: {
      lines: readonly { item: OrderItem; unitPriceAmount: number }[]
      discountAmount: number
      shippingAmount: number
    },
  ): Promise<{ order: Order; paymentId: string }> {
    orderCount += 1
    const total =
      order.lines.reduce((sum, line) => sum + line.unitPriceAmount, 0) -
      order.discountAmount +
      order.shippingAmount
    const placed = await placeCardPaidOrder(services, template, {
      number: `#K91000${String(orderCount)}`,
      paymentMethod,
      ...order,
    })
    expect(placed.order.totalAmount).toBe(total)
    for (const step of ['processed', 'shipped', 'delivered'] as const)
      expect((await services.orders.advanceOrder(placed.order.number, step)).ok).toBe(true)
    return placed
  }

  const refundsOf = async (services: Services, number: string) =>
    (await services.orders.getOrderByNumber(number))?.payments.filter(
      (payment) => payment.kind === 'refund',
    ) ?? []
  const chargesOf = async (services: Services, number: string) =>
    (await services.orders.getOrderByNumber(number))?.payments.filter(
      (payment) => payment.kind === 'payment' && payment.position > 0,
    ) ?? []
  const eventsOf = (type: string, orderId: string) =>
    dependencies.events.filter((event) => event.type === type && event.aggregateId === orderId)
  const refundCallsOf = (paymentId: string) =>
    stripe.requests.filter(
      (request) =>
        request.path === '/v1/refunds' &&
        request.idempotencyKey?.startsWith(`${paymentId}:refund:`) === true,
    )
  const twoItems = () => {
    const [first, second] = template.items
    if (first === undefined || second === undefined) throw new Error('τ² order has < 2 items')
    return { first, second }
  }

  it('refunds a returned item once — its price after the order discount, no shipping — and sends it to Stripe once', async () => {
    const services = build(stripeProvider())
    const { first, second } = twoItems()
    // 100.00 + 50.00 − 15.00 discount + 10.00 shipping = 145.00 paid.
    const { order, paymentId } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: 'pm_card_visa' },
      {
        lines: [
          { item: first, unitPriceAmount: 10_000 },
          { item: second, unitPriceAmount: 5_000 },
        ],
        discountAmount: 1_500,
        shippingAmount: 1_000,
      },
    )
    const requested = await services.operations.returnOrderItems(
      staff,
      order.number,
      [first.sku],
      'card',
    )
    expect(requested.ok).toBe(true)
    const rma = await services.returns.createReturn({
      orderId: order.id,
      orderNumber: order.number,
      customerId: order.customerId,
      items: [first.sku],
      refundPaymentMethodReference: 'card',
      locale: 'en',
    })

    const received = await services.operations.advanceOrder(staff, order.number, 'return-received')
    expect(received).toMatchObject({ ok: true, value: { status: 'return-received' } })
    expect(await refundsOf(services, order.number)).toEqual([])
    expect((await services.returns.getReturn(rma.id))?.status).toBe('received')
    // The order service alone never takes a step that owes a refund.
    expect(await services.orders.advanceOrder(order.number, 'refunded')).toEqual({
      ok: false,
      reason: 'settled-by-order-operations',
    })

    const refunded = await services.operations.advanceOrder(staff, order.number, 'refunded')
    expect(refunded).toMatchObject({ ok: true, value: { status: 'refunded' } })
    // 100.00 of 150.00 in items, after the 15.00 discount: 90.00; the shipping fee stays.
    const [refund, ...others] = await refundsOf(services, order.number)
    expect(others).toEqual([])
    expect(refund).toMatchObject({
      amount: 9_000,
      paymentMethodReference: 'card',
      status: 'succeeded',
      failureReason: null,
    })
    expect((await services.returns.getReturn(rma.id))?.status).toBe('refunded')

    // Asked again, and twice at once: nothing more is recorded or sent.
    expect(await services.operations.advanceOrder(staff, order.number, 'refunded')).toMatchObject({
      ok: true,
      value: { status: 'refunded' },
    })
    await Promise.allSettled([
      services.operations.advanceOrder(staff, order.number, 'refunded'),
      services.operations.advanceOrder(staff, order.number, 'refunded'),
    ])
    expect(await services.operations.advanceOrder(staff, order.number, 'return-received')).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })
    expect(await services.refunds.settleOrder(order.id)).toMatchObject({ succeeded: 0 })
    expect(await refundsOf(services, order.number)).toHaveLength(1)

    const calls = refundCallsOf(paymentId)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.idempotencyKey).toBe(`${paymentId}:refund:${refund?.id ?? ''}`)
    expect(calls[0]?.form.get('amount')).toBe('9000')
    expect(await services.payments.getPayment(paymentId)).toMatchObject({
      status: 'partially-refunded',
      refundedAmount: { amount: 9_000 },
    })
    expect(eventsOf('order.refunded', order.id)).toHaveLength(1)
    expect(eventsOf('refund.succeeded', order.id)).toHaveLength(1)
  })

  it('takes the returns policy’s label charge from the refund of an order sent to Singapore', async () => {
    // The demo store's shipping zones, in the currency of this test's orders.
    const configuration = loadShippingConfiguration(
      fileURLToPath(new URL('../../../../data/demo/shipping.json', import.meta.url)),
    )
    const shipping = createShippingService({
      configuration: { ...configuration, currency: template.currency },
      clock: dependencies.clock,
      createTrackingNumber: () => 'KD0001',
    })
    const services = build(stripeProvider(), {
      returnLabelFee: (order) => shipping.returnLabelFee(order.shippingAddress, order.currency),
    })
    const { first, second } = twoItems()
    orderCount += 1
    const { order, paymentId } = await placeCardPaidOrder(
      services,
      {
        ...template,
        shippingAddress: { ...template.shippingAddress, country: 'SG', postcode: '238859' },
      },
      {
        number: `#K91000${String(orderCount)}`,
        paymentMethod: { kind: 'token', token: 'pm_card_visa' },
        lines: [
          { item: first, unitPriceAmount: 10_000 },
          { item: second, unitPriceAmount: 5_000 },
        ],
      },
    )
    for (const step of ['processed', 'shipped', 'delivered'] as const)
      expect((await services.orders.advanceOrder(order.number, step)).ok).toBe(true)
    expect(
      (await services.operations.returnOrderItems(staff, order.number, [first.sku], 'card')).ok,
    ).toBe(true)
    expect(
      (await services.operations.advanceOrder(staff, order.number, 'return-received')).ok,
    ).toBe(true)
    expect((await services.operations.advanceOrder(staff, order.number, 'refunded')).ok).toBe(true)
    // 100.00 returned, less the RM20 label: 80.00, sent to Stripe once.
    expect((await refundsOf(services, order.number)).map((refund) => refund.amount)).toEqual([
      8_000,
    ])
    expect(refundCallsOf(paymentId).map((call) => call.form.get('amount'))).toEqual(['8000'])
    expect(eventsOf('order.refunded', order.id)[0]?.payload).toMatchObject({
      labelFeeAmount: 2_000,
    })
  })

  it('keeps a return’s refund pending while Stripe is down and sends it exactly once when the job retries', async () => {
    const services = build(stripeProvider())
    const { first, second } = twoItems()
    const { order, paymentId } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: 'pm_card_visa' },
      {
        lines: [
          { item: first, unitPriceAmount: 10_000 },
          { item: second, unitPriceAmount: 5_000 },
        ],
        discountAmount: 1_500,
        shippingAmount: 1_000,
      },
    )
    expect(
      (
        await services.operations.returnOrderItems(
          staff,
          order.number,
          [second.sku, first.sku],
          'card',
        )
      ).ok,
    ).toBe(true)
    expect(
      (await services.operations.advanceOrder(staff, order.number, 'return-received')).ok,
    ).toBe(true)

    stripe.failNextRequests(1)
    expect((await services.operations.advanceOrder(staff, order.number, 'refunded')).ok).toBe(true)
    // Everything returned: 145.00 paid minus the 10.00 shipping fee.
    const [refund] = await refundsOf(services, order.number)
    expect(refund).toMatchObject({
      amount: 13_500,
      status: 'pending',
      failureReason: 'provider-unavailable',
    })
    expect(eventsOf('refund.failed', order.id)).toHaveLength(0)
    // A second request of the step records nothing more; not due before the back-off has passed.
    expect((await services.operations.advanceOrder(staff, order.number, 'refunded')).ok).toBe(true)
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })

    dependencies.clock.advance(61_000)
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 1 })
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0 })
    expect(await refundsOf(services, order.number)).toMatchObject([
      { id: refund?.id, amount: 13_500, status: 'succeeded' },
    ])

    const calls = refundCallsOf(paymentId)
    // The unanswered try and the retry, with the same key: Stripe refunded once.
    expect(calls).toHaveLength(2)
    expect(new Set(calls.map((call) => call.idempotencyKey))).toEqual(
      new Set([`${paymentId}:refund:${refund?.id ?? ''}`]),
    )
    expect(await services.payments.getPayment(paymentId)).toMatchObject({
      status: 'partially-refunded',
      refundedAmount: { amount: 13_500 },
    })
    expect(eventsOf('refund.succeeded', order.id)).toHaveLength(1)
  })

  it('refunds the difference of an exchange for a cheaper variant once, when the items are received', async () => {
    const sandbox = createSandboxPaymentProvider({
      publicUrl: 'http://127.0.0.1:3000',
      webhookSecret: 'sandbox-webhook-secret',
    })
    const services = build(sandbox)
    const token = sandbox.tokenizeCard?.({ number: '4242 4242 4242 4242' })
    if (token?.ok !== true) throw new Error('sandbox card not tokenized')
    const { item, otherSku, otherPriceAmount } = exchangeable
    // Bought for 12.34 more than the variant it is exchanged for.
    const { order, paymentId } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: token.token, card: token.card },
      {
        lines: [{ item, unitPriceAmount: otherPriceAmount + 1_234 }],
        discountAmount: 0,
        shippingAmount: 500,
      },
    )
    const exchanged = await services.operations.exchangeOrderItems(
      staff,
      order.number,
      [item.sku],
      [otherSku],
      'card',
    )
    expect(exchanged).toMatchObject({
      ok: true,
      value: { details: { exchangeRequest: { priceDifferenceAmount: -1_234 } } },
    })
    expect(await refundsOf(services, order.number)).toEqual([])

    expect(await services.operations.advanceOrder(staff, order.number, 'return-received')).toEqual(
      expect.objectContaining({ ok: true }),
    )
    expect(await refundsOf(services, order.number)).toMatchObject([
      { amount: 1_234, paymentMethodReference: 'card', status: 'succeeded' },
    ])
    // Received again: no second refund. An exchange is never refunded as a return.
    expect(
      (await services.operations.advanceOrder(staff, order.number, 'return-received')).ok,
    ).toBe(true)
    expect(await services.operations.advanceOrder(staff, order.number, 'refunded')).toEqual({
      ok: false,
      reason: 'not-a-return',
    })
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })
    expect(await refundsOf(services, order.number)).toHaveLength(1)
    expect(await services.payments.getPayment(paymentId)).toMatchObject({
      status: 'partially-refunded',
      refundedAmount: { amount: 1_234 },
    })
    expect(eventsOf('refund.succeeded', order.id)).toHaveLength(1)
  })

  it("takes a dearer exchange's difference from its gift card when the items arrive, and refunds nothing", async () => {
    const services = build(stripeProvider())
    const { item, otherSku, otherPriceAmount } = exchangeable
    const profile = await services.customers.getProfile(template.customerId)
    const giftCard = profile?.paymentMethods.find((method) => isGiftCard(method))
    if (giftCard === undefined) throw new Error('the τ² customer has no gift card')
    const balanceBefore = giftCard.balanceAmount ?? 0
    const { order, paymentId } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: 'pm_card_visa' },
      {
        lines: [{ item, unitPriceAmount: otherPriceAmount - 500 }],
        discountAmount: 0,
        shippingAmount: 0,
      },
    )
    expect(
      await services.operations.exchangeOrderItems(
        staff,
        order.number,
        [item.sku],
        [otherSku],
        giftCard.reference,
      ),
    ).toMatchObject({
      ok: true,
      value: { details: { exchangeRequest: { priceDifferenceAmount: 500 } } },
    })
    // Nothing moves until the returned item arrives.
    expect(
      (await services.customers.getPaymentMethod(template.customerId, giftCard.reference))
        ?.balanceAmount,
    ).toBe(balanceBefore)
    expect(
      await services.operations.advanceOrder(staff, order.number, 'return-received'),
    ).toMatchObject({ ok: true, value: { status: 'return-received' } })
    expect(await refundsOf(services, order.number)).toEqual([])
    expect(await chargesOf(services, order.number)).toMatchObject([
      { amount: 500, paymentMethodReference: giftCard.reference, status: 'succeeded' },
    ])
    expect(
      (await services.customers.getPaymentMethod(template.customerId, giftCard.reference))
        ?.balanceAmount,
    ).toBe(balanceBefore - 500)
    expect(await services.orders.listProviderCharges({ orderId: order.id })).toEqual([])
    expect(refundCallsOf(paymentId)).toHaveLength(0)
  })

  /**
   * A delivered order paid by card, exchanged for the other variant costing `difference` more, to
   * be paid with a card saved with the Stripe test `token`; the returned item has arrived.
   */
  async function receiveDearerExchange(
    services: Services,
    token: string,
    difference: number,
  ): Promise<{ order: Order; savedReference: string }> {
    const { item, otherSku, otherPriceAmount } = exchangeable
    const saved = await services.customers.saveCard(template.customerId, {
      provider: 'stripe',
      token,
      brand: 'visa',
      lastFour: token === localStripeTestPaymentMethods.approve ? '4242' : '0002',
      currency: template.currency,
    })
    if (!saved.ok) throw new Error('the card was not saved')
    const { order } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: localStripeTestPaymentMethods.approve },
      {
        lines: [{ item, unitPriceAmount: otherPriceAmount - difference }],
        discountAmount: 0,
        shippingAmount: 0,
      },
    )
    const exchanged = await services.operations.exchangeOrderItems(
      staff,
      order.number,
      [item.sku],
      [otherSku],
      saved.value.reference,
    )
    expect(exchanged.ok).toBe(true)
    // Nothing is charged before the returned item arrives.
    expect(await chargesOf(services, order.number)).toEqual([])
    expect(
      await services.operations.advanceOrder(staff, order.number, 'return-received'),
    ).toMatchObject({ ok: true })
    return { order, savedReference: saved.value.reference }
  }

  it("charges a dearer exchange's difference to the saved card through the provider once the items arrive", async () => {
    const services = build(stripeProvider())
    const { order, savedReference } = await receiveDearerExchange(
      services,
      localStripeTestPaymentMethods.approve,
      700,
    )
    // Sent right after the change was committed (the subscriber), captured at once.
    const [charge, ...others] = await chargesOf(services, order.number)
    expect(others).toEqual([])
    expect(charge).toMatchObject({
      amount: 700,
      paymentMethodReference: savedReference,
      status: 'succeeded',
    })
    const differencePayments = (await services.payments.listPaymentsOfOrder(order.id)).filter(
      (payment) => payment.amount.amount === 700,
    )
    expect(differencePayments).toMatchObject([{ status: 'captured' }])
    expect(eventsOf('charge.succeeded', order.id)).toMatchObject([
      { payload: { amount: 700, transactionId: charge?.id } },
    ])
    // Settling again charges nothing more.
    expect(await services.refunds.settleOrder(order.id)).toEqual({
      succeeded: 0,
      failed: 0,
      accepted: 0,
      deferred: 0,
    })
    expect(
      stripe.requests.filter(
        (request) =>
          request.path === '/v1/payment_intents' &&
          request.idempotencyKey?.includes(`order-charge:${charge?.id ?? ''}`) === true,
      ),
    ).toHaveLength(1)
  })

  it('records a declined difference charge as failed and tells the store', async () => {
    const services = build(stripeProvider())
    const { order } = await receiveDearerExchange(
      services,
      localStripeTestPaymentMethods.decline,
      300,
    )
    expect(await chargesOf(services, order.number)).toMatchObject([
      { amount: 300, status: 'failed' },
    ])
    expect(eventsOf('charge.failed', order.id)).toMatchObject([
      { payload: { amount: 300, reason: expect.stringMatching(/^declined/) as unknown } },
    ])
    expect(await services.orders.listProviderCharges({ orderId: order.id })).toEqual([])
    // The customer is told, in their language, with the card they saved.
    const customer = await services.customers.getCustomer(template.customerId)
    const notices = (
      await services.notifications.listNotifications({ recipient: customer?.email ?? '' })
    ).filter((notice) => notice.template === 'charge-failed')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.subject).toContain(order.number)
    expect(notices[0]?.body).toMatch(/3\.00/)
    expect(notices[0]?.body).toContain('0002')
  })

  it('credits a return refunded to a gift card at once and sends nothing to the provider', async () => {
    const services = build(stripeProvider())
    const { first, second } = twoItems()
    const profile = await services.customers.getProfile(template.customerId)
    const giftCard = profile?.paymentMethods.find((method) => isGiftCard(method))
    if (giftCard === undefined) throw new Error('the τ² customer has no gift card')
    const before =
      (await services.customers.getPaymentMethod(template.customerId, giftCard.reference))
        ?.balanceAmount ?? 0
    const { order, paymentId } = await placeDeliveredOrder(
      services,
      { kind: 'token', token: 'pm_card_visa' },
      {
        lines: [
          { item: first, unitPriceAmount: 3_000 },
          { item: second, unitPriceAmount: 7_001 },
        ],
        discountAmount: 1_000,
        shippingAmount: 800,
      },
    )
    expect(
      (
        await services.operations.returnOrderItems(
          staff,
          order.number,
          [second.sku],
          giftCard.reference,
        )
      ).ok,
    ).toBe(true)
    expect(
      (await services.operations.advanceOrder(staff, order.number, 'return-received')).ok,
    ).toBe(true)
    expect((await services.operations.advanceOrder(staff, order.number, 'refunded')).ok).toBe(true)
    expect((await services.operations.advanceOrder(staff, order.number, 'refunded')).ok).toBe(true)
    // 70.01 of 100.01 in items after the 10.00 discount: 70.01 × 90.01 / 100.01 = 63.00 (rounded down).
    // Credited at once, so settled at once: the shopper is never told it is still being processed.
    expect(await refundsOf(services, order.number)).toMatchObject([
      { amount: 6_300, paymentMethodReference: giftCard.reference, status: 'succeeded' },
    ])
    expect(
      (await services.customers.getPaymentMethod(template.customerId, giftCard.reference))
        ?.balanceAmount,
    ).toBe(before + 6_300)
    expect(refundCallsOf(paymentId)).toHaveLength(0)
  })
})
