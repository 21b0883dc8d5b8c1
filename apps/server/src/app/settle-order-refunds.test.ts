import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSandboxPaymentProvider } from '../adapters/payment-sandbox/index.ts'
import { createStripePaymentProvider } from '../adapters/payment-stripe/index.ts'
import { createCustomerService } from '../domains/customers/index.ts'
import { createOrderService, type Order, type OrderItem } from '../domains/orders/index.ts'
import {
  createPaymentsService,
  type PaymentMethodInput,
  type PaymentProvider,
} from '../domains/payments/index.ts'
import { startLocalStripeServer, type LocalStripeServer } from '../testing/local-stripe-server.ts'
import { placeCardPaidOrder } from '../testing/paid-test-orders.ts'
import { createTestDependencies, loadTau2TestStore } from '../testing/tau2-test-store.ts'
import { describeEachEngine } from '../testing/test-database.ts'
import { createOrderOperations } from '../workflows/order-operations/index.ts'
import { createRefundSettlement } from '../workflows/settle-order-refunds/index.ts'

describeEachEngine('settle order refunds', (getDatabase) => {
  let dependencies: ReturnType<typeof createTestDependencies>
  let stripe: LocalStripeServer
  let template: Order
  let orderCount = 0

  beforeAll(async () => {
    await loadTau2TestStore(getDatabase())
    dependencies = createTestDependencies(getDatabase().db)
    stripe = await startLocalStripeServer()
    const pending = await createOrderService(dependencies).getOrderByNumber('#W6779827')
    if (pending === undefined) throw new Error('τ² order missing')
    template = pending
  })
  afterAll(async () => {
    await stripe.close()
  })

  function build(provider: PaymentProvider) {
    const payments = createPaymentsService({
      ...dependencies,
      providers: [provider],
      publicUrl: 'http://127.0.0.1:3000',
    })
    const orders = createOrderService(dependencies)
    return {
      payments,
      orders,
      operations: createOrderOperations(dependencies),
      refunds: createRefundSettlement({
        orders,
        payments,
        customers: createCustomerService(dependencies),
        clock: dependencies.clock,
      }),
    }
  }

  /** A pending order of a τ² customer paid by card through `provider`, as checkout stores it. */
  async function placePaidOrder(
    services: ReturnType<typeof build>,
    paymentMethod: PaymentMethodInput,
  ): Promise<{ order: Order; paymentId: string }> {
    orderCount += 1
    const item = template.items[0]
    if (item === undefined) throw new Error('τ² order has no items')
    return placeCardPaidOrder(services, template, {
      number: `#K90000${String(orderCount)}`,
      paymentMethod,
      lines: [{ item, unitPriceAmount: item.unitPriceAmount }],
    })
  }

  const refundOf = async (services: ReturnType<typeof build>, number: string) => {
    const order = await services.orders.getOrderByNumber(number)
    const refunds = order?.payments.filter((payment) => payment.kind === 'refund') ?? []
    expect(refunds).toHaveLength(1)
    return refunds[0]
  }
  const eventsOf = (type: string, orderId: string) =>
    dependencies.events.filter((event) => event.type === type && event.aggregateId === orderId)

  it('refunds a cancelled order paid with the sandbox card at the sandbox and records it succeeded', async () => {
    const sandbox = createSandboxPaymentProvider({
      publicUrl: 'http://127.0.0.1:3000',
      webhookSecret: 'sandbox-webhook-secret',
    })
    const services = build(sandbox)
    const token = sandbox.tokenizeCard?.({ number: '4242 4242 4242 4242' })
    if (token?.ok !== true) throw new Error('sandbox card not tokenized')
    const { order, paymentId } = await placePaidOrder(services, {
      kind: 'token',
      token: token.token,
      card: token.card,
    })
    const cancelled = await services.operations.cancelOrder(
      { kind: 'staff' },
      order.number,
      'ordered by mistake',
    )
    expect(cancelled.ok).toBe(true)
    expect((await refundOf(services, order.number))?.status).toBe('pending')

    expect(await services.refunds.settleOrder(order.id)).toEqual({
      succeeded: 1,
      failed: 0,
      accepted: 0,
      deferred: 0,
    })
    const refund = await refundOf(services, order.number)
    expect(refund).toMatchObject({ status: 'succeeded', failureReason: null })
    expect(await services.payments.getPayment(paymentId)).toMatchObject({
      status: 'refunded',
      refundedAmount: { amount: order.totalAmount },
    })
    expect(await services.payments.getRefund(paymentId, refund?.id ?? '')).toMatchObject({
      status: 'refunded',
      amount: { amount: order.totalAmount },
      providerReference: expect.stringMatching(/^sbx_re_/) as unknown,
    })
    expect(eventsOf('refund.succeeded', order.id)).toHaveLength(1)
    // Settled once: a second pass finds nothing to send.
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })
  })

  it('keeps the refund pending while Stripe is down and refunds it exactly once on a later retry', async () => {
    const services = build(
      createStripePaymentProvider({
        secretKey: 'sk_test_local',
        webhookSecret: 'whsec_local',
        apiBase: stripe.url,
      }),
    )
    const { order, paymentId } = await placePaidOrder(services, {
      kind: 'token',
      token: 'pm_card_visa',
    })
    expect(
      (await services.operations.cancelOrder({ kind: 'staff' }, order.number, 'no longer needed'))
        .ok,
    ).toBe(true)
    const refundId = (await refundOf(services, order.number))?.id ?? ''

    stripe.failNextRequests(1)
    expect(await services.refunds.settleOrder(order.id)).toMatchObject({ deferred: 1 })
    expect(await refundOf(services, order.number)).toMatchObject({
      status: 'pending',
      failureReason: 'provider-unavailable',
    })
    expect(eventsOf('refund.failed', order.id)).toHaveLength(0)
    // Not due before the back-off has passed.
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })

    dependencies.clock.advance(61_000)
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 1 })
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0 })
    expect(await services.refunds.settleOrder(order.id)).toMatchObject({ succeeded: 0 })
    const again = await services.payments.refundPayment(paymentId, { refundReference: refundId })
    expect(again.ok).toBe(true)

    const refundCalls = stripe.requests.filter((request) => request.path === '/v1/refunds')
    expect(refundCalls).toHaveLength(2)
    expect(new Set(refundCalls.map((request) => request.idempotencyKey))).toEqual(
      new Set([`${paymentId}:refund:${refundId}`]),
    )
    expect(refundCalls.filter((request) => !request.replayed)).toHaveLength(2)
    expect(await refundOf(services, order.number)).toMatchObject({ status: 'succeeded' })
    expect(await services.payments.getPayment(paymentId)).toMatchObject({
      status: 'refunded',
      refundedAmount: { amount: order.totalAmount },
    })
    expect(eventsOf('refund.succeeded', order.id)).toHaveLength(1)
  })

  it("charges a pending order's dearer items to the saved card once, retrying while Stripe is down", async () => {
    const services = build(
      createStripePaymentProvider({
        secretKey: 'sk_test_local',
        webhookSecret: 'whsec_local',
        apiBase: stripe.url,
      }),
    )
    const customers = createCustomerService(dependencies)
    const saved = await customers.saveCard(template.customerId, {
      provider: 'stripe',
      token: 'pm_card_visa',
      brand: 'visa',
      lastFour: '4242',
      currency: template.currency,
    })
    if (!saved.ok) throw new Error('the card was not saved')
    let swap: { item: OrderItem; otherSku: string; otherPriceAmount: number } | undefined
    for (const item of template.items) {
      const product = await services.orders.products.findProductOfSku(item.sku)
      const other = product?.variants.find(
        (variant) => variant.isAvailable && variant.sku !== item.sku,
      )
      if (other !== undefined)
        swap = { item, otherSku: other.sku, otherPriceAmount: other.priceAmount }
      if (swap !== undefined) break
    }
    if (swap === undefined) throw new Error('no item of the τ² order has another variant')
    orderCount += 1
    // Paid at a price 900 below the other variant's: the change costs 900 more.
    const { order } = await placeCardPaidOrder(services, template, {
      number: `#K90000${String(orderCount)}`,
      paymentMethod: { kind: 'token', token: 'pm_card_visa' },
      lines: [{ item: swap.item, unitPriceAmount: swap.otherPriceAmount - 900 }],
    })
    const modified = await services.operations.modifyOrderItems(
      { kind: 'staff' },
      order.number,
      [swap.item.sku],
      [swap.otherSku],
      saved.value.reference,
    )
    expect(modified.ok).toBe(true)
    const chargeOf = async () =>
      (await services.orders.getOrderByNumber(order.number))?.payments.filter(
        (payment) => payment.kind === 'payment' && payment.position > 0,
      ) ?? []
    expect(await chargeOf()).toMatchObject([{ amount: 900, status: 'pending' }])

    stripe.failNextRequests(1)
    expect(await services.refunds.settleOrder(order.id)).toMatchObject({ deferred: 1 })
    expect(await chargeOf()).toMatchObject([
      { status: 'pending', failureReason: 'provider-unavailable' },
    ])
    dependencies.clock.advance(61_000)
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 1 })
    expect(await services.refunds.settleDue()).toMatchObject({ succeeded: 0, deferred: 0 })
    expect(await chargeOf()).toMatchObject([{ amount: 900, status: 'succeeded' }])
    const chargeId = (await chargeOf())[0]?.id ?? ''
    const intents = stripe.requests.filter(
      (request) =>
        request.path === '/v1/payment_intents' &&
        request.idempotencyKey?.includes(`order-charge:${chargeId}`) === true,
    )
    // The failed try and the retry carry one key: Stripe could never charge twice.
    expect(intents).toHaveLength(2)
    expect(new Set(intents.map((request) => request.idempotencyKey)).size).toBe(1)
    const captured = (await services.payments.listPaymentsOfOrder(order.id)).filter(
      (payment) => payment.amount.amount === 900,
    )
    expect(captured).toMatchObject([{ status: 'captured' }])
    expect(eventsOf('charge.succeeded', order.id)).toHaveLength(1)
  })

  it('leaves τ²’s historical refunds to gift cards and saved methods as they are', async () => {
    const services = build(
      createSandboxPaymentProvider({
        publicUrl: 'http://127.0.0.1:3000',
        webhookSecret: 'sandbox-webhook-secret',
      }),
    )
    const cancelled = await services.operations.cancelOrder(
      { kind: 'staff' },
      '#W9318778',
      'no longer needed',
    )
    expect(cancelled.ok).toBe(true)
    if (!cancelled.ok) return
    expect(await services.refunds.settleOrder(cancelled.value.id)).toEqual({
      succeeded: 0,
      failed: 0,
      accepted: 0,
      deferred: 0,
    })
    const refund = cancelled.value.payments.find((payment) => payment.kind === 'refund')
    expect((await refundOf(services, '#W9318778'))?.status).toBe(refund?.status)
    expect(await services.orders.listProviderRefunds()).toEqual([])
  })
})
