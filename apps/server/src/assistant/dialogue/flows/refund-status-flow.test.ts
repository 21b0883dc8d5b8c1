import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../../http/build-server.ts'
import { money } from '../../../shared/money.ts'
import {
  startLocalStripeServer,
  type LocalStripeServer,
} from '../../../testing/local-stripe-server.ts'
import {
  createContainerTranscriptEnvironment,
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { demoOrderAt } from '../../../testing/demo-orders.ts'

interface DemoOrder {
  readonly number: string
  readonly email: string
}

describe('refund-status flow (verification, refunds and returns of an order)', () => {
  let environment: TranscriptEnvironment
  let refunded: DemoOrder[]
  let delivered: DemoOrder[]

  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const db = environment.database.db
    const withRefund = new Set(
      (
        await db
          .selectFrom('payment_transactions')
          .select('order_id')
          .where('kind', '=', 'refund')
          .where('status', '=', 'succeeded')
          .where('payment_method_reference', 'like', 'credit_card%')
          .execute()
      ).map((row) => row.order_id),
    )
    const rows = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'orders.number', 'orders.status', 'customers.email'])
      .where('customers.email', 'is not', null)
      .orderBy('orders.number')
      .execute()
    refunded = rows
      .filter((row) => withRefund.has(row.id))
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
    delivered = rows
      .filter((row) => row.status === 'delivered' && !withRefund.has(row.id))
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      'where is my refund',
      /Refunds and returns of order #W\d+:/,
      /Refund of (RM|MYR)\s?[\d,.]+ to your card: completed\./,
    ],
    [
      'zh-Hant',
      '我的退款進度如何',
      /訂單 #W\d+ 的退款與退貨：/,
      /退款 (RM|MYR)\s?[\d,.]+ 至您的信用卡：已完成。/,
    ],
    [
      'zh-Hans',
      '退款到账了吗',
      /订单 #W\d+ 的退款和退货：/,
      /退款 (RM|MYR)\s?[\d,.]+ 至您的银行卡：已完成。/,
    ],
    [
      'ms',
      'mana duit refund saya',
      /Bayaran balik dan pemulangan pesanan #W\d+:/,
      /Bayaran balik (RM|MYR)\s?[\d,.]+ ke kad anda: selesai\./,
    ],
  ] as const)(
    'tells a verified shopper the amount, method and status of each refund in %s',
    async (locale, ask, summary, line) => {
      const order = demoOrderAt(refunded, ['en', 'zh-Hant', 'zh-Hans', 'ms'].indexOf(locale))
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'refund-status' })
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(summary)
      chat.expectReply(line)
      chat.expectReply(order.number)
      chat.expectEvent('order.refund-status-shown-in-conversation')
    },
  )

  it('shows the RMA of a return started in the same chat, without asking the e-mail again', async () => {
    const order = demoOrderAt(delivered, 0)
    const chat = await environment.startChat()
    await chat.userSays('I want to return my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userSays('yes')
    const rma = /Your return (RMA-[\d-]+) is open/.exec(chat.lastReplyText())?.[1]
    expect(rma).toBeDefined()
    await chat.userSays('has my refund gone through?')
    chat.expectReply(/What is your order number/)
    await chat.userSays(order.number)
    chat.expectReply(`Return ${rma ?? ''}: waiting for your parcel. The refund goes to your`)
    expect(chat.lastReplyText()).not.toMatch(/email address did you order with/)
  })

  it('says when an order has no refund or return, offering to start one', async () => {
    const order = demoOrderAt(delivered, 1)
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('退款進度')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/目前沒有退款或退貨/)
    chat.expectChoice('申請退貨')
    await chat.userTaps('申請退貨')
    chat.expectEvent('flow.started', { flow: 'return' })
  })

  it('says a refund the provider refused failed and offers a person instead of promising a call', async () => {
    const order = demoOrderAt(refunded, 5)
    const db = environment.database.db
    const { id } = await db
      .selectFrom('orders')
      .select('id')
      .where('number', '=', order.number)
      .executeTakeFirstOrThrow()
    await db
      .updateTable('payment_transactions')
      .set({ status: 'failed', failure_reason: 'refund-failed' })
      .where('order_id', '=', id)
      .where('kind', '=', 'refund')
      .execute()
    const chat = await environment.startChat()
    await chat.userSays('where is my refund')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/to your card: failed, our team can sort it out with you\./)
    chat.expectChoice('Talk to a person')
  })

  it('refuses with the attempts left when the e-mail does not match, showing nothing', async () => {
    const order = demoOrderAt(refunded, 4)
    const chat = await environment.startChat()
    await chat.userSays('where is my refund')
    await chat.userSays(order.number)
    await chat.userSays('someone.else@example.com')
    chat.expectReply(/don't match our records\. You have 2 more tries/)
    expect(chat.lastReplyText()).not.toMatch(/Refund of/)
  })
})

describe('refund-status flow with refunds sent to Stripe (pending while down, completed after the webhook)', () => {
  const webhookSecret = 'whsec_local_refund_status'
  let stripe: LocalStripeServer
  let environment: TranscriptEnvironment
  let app: FastifyInstance

  beforeAll(async () => {
    stripe = await startLocalStripeServer()
    environment = await createContainerTranscriptEnvironment({
      environment: {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_local',
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        STRIPE_API_BASE: stripe.url,
      },
    })
    const container = environment.container
    if (container === undefined) throw new Error('the environment has no container')
    app = await buildServer(container)
  }, 120_000)
  afterAll(async () => {
    await app.close()
    await environment.dispose()
    await stripe.close()
  })

  it('says the refund is being processed while Stripe is down, then completed once its refund.updated arrived three times', async () => {
    const container = environment.container
    const payments = container?.payments
    const orders = container?.orders
    const operations = container?.orderOperations
    if (payments === undefined || orders === undefined || operations === undefined)
      throw new Error('the container lacks payments or orders')
    const customer = await environment.database.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const template = (await orders.listCustomerOrders(customer.id))[0]
    const item = template?.items[0]
    if (template === undefined || item === undefined) throw new Error('the customer has no order')
    const started = await payments.startPayment({
      checkoutReference: 'chk_refund_status_stripe',
      amount: money(item.unitPriceAmount, template.currency),
      description: 'Refund status test order',
      paymentMethod: { kind: 'token', token: 'pm_card_visa' },
      captureMode: 'automatic',
    })
    if (!started.ok) throw new Error('the Stripe payment was declined')
    let number = 8_000_001
    while ((await orders.getOrderByNumber(`#W${String(number)}`)) !== undefined) number += 1
    const order = await orders.createOrder({
      number: `#W${String(number)}`,
      customerId: customer.id,
      currency: template.currency,
      shippingAddress: template.shippingAddress,
      items: [{ ...item, quantity: 1 }],
      shippingAmount: 0,
      discountAmount: 0,
      taxAmount: 0,
      payments: [
        {
          kind: 'payment',
          amount: item.unitPriceAmount,
          paymentMethodId: null,
          paymentMethodReference: 'card',
          providerReference: started.value.providerReference,
        },
      ],
    })
    await payments.linkOrder(started.value.id, order.id)

    // Stripe is down when the cancellation is stored: the refund stays pending.
    stripe.failNextRequests(1)
    const cancelled = await operations.cancelOrder(
      { kind: 'customer', customerId: order.customerId },
      order.number,
      'ordered by mistake',
    )
    expect(cancelled.ok).toBe(true)
    const refundOf = async () =>
      (await orders.getOrder(order.id))?.payments.find((payment) => payment.kind === 'refund')
    expect(await refundOf()).toMatchObject({
      status: 'pending',
      failureReason: 'provider-unavailable',
    })
    const chat = await environment.startChat()
    await chat.userSays('where is my refund')
    await chat.userSays(order.number)
    await chat.userSays(customer.email ?? '')
    chat.expectReply(/to your card: being processed/)

    // The job's retry reaches Stripe, which takes the refund as pending.
    stripe.setRefundStatus('pending')
    environment.clock.advance(61_000)
    expect(await container?.refunds.settleDue()).toMatchObject({ accepted: 1 })
    const accepted = await refundOf()
    expect(accepted?.status).toBe('pending')

    const stripeRefund = await payments.getRefund(started.value.id, accepted?.id ?? '')
    const event = JSON.parse(
      readFileSync(
        new URL(
          '../../../adapters/payment-stripe/__fixtures__/refund-updated.event.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { data: { object: Record<string, unknown> } }
    event.data.object.id = stripeRefund?.providerReference
    event.data.object.payment_intent = started.value.providerReference
    const payload = JSON.stringify(event)
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret })
    const answers = []
    for (let delivery = 0; delivery < 3; delivery += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        payload,
      })
      answers.push(response.json())
    }
    expect(answers).toEqual([
      { received: true, applied: true, duplicate: false },
      { received: true, applied: false, duplicate: true },
      { received: true, applied: false, duplicate: true },
    ])
    expect(await refundOf()).toMatchObject({ status: 'succeeded', failureReason: null })
    expect(
      environment.events.filter(
        (recordedEvent) =>
          recordedEvent.type === 'refund.succeeded' && recordedEvent.aggregateId === order.id,
      ),
    ).toHaveLength(1)
    expect(stripe.requests.filter((request) => request.path === '/v1/refunds')).toHaveLength(2)

    await chat.userSays('has my refund gone through?')
    chat.expectReply(/What is your order number/)
    await chat.userSays(order.number)
    chat.expectReply(/Refund of (RM|MYR)\s?[\d,.]+ to your card: completed\./)
  })
})
