import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PaymentsService, RefundStatusChange } from '../../../domains/payments/index.ts'
import { money } from '../../../shared/money.ts'
import {
  localPaypalCredentials,
  readPaypalFixture,
  startLocalPaypalServer,
  type LocalPaypalServer,
} from '../../../testing/local-paypal-server.ts'
import {
  startLocalStripeServer,
  type LocalStripeServer,
} from '../../../testing/local-stripe-server.ts'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'

function paymentsOf(server: TestServer): PaymentsService {
  const payments = server.container.payments
  if (payments === undefined) throw new Error('the container has no payments service')
  return payments
}

async function countRows(
  server: TestServer,
  table: 'domain_events' | 'payment_webhook_events',
  where: { column: string; value: string },
) {
  const rows = await server.container.database.db
    .selectFrom(table)
    .selectAll()
    .where(where.column as never, '=', where.value as never)
    .execute()
  return rows.length
}

async function eventCount(server: TestServer, paymentId: string, type: string): Promise<number> {
  const rows = await server.container.database.db
    .selectFrom('domain_events')
    .select('id')
    .where('aggregate_id', '=', paymentId)
    .where('type', '=', type)
    .execute()
  return rows.length
}

describe('POST /webhooks/stripe', () => {
  const webhookSecret = 'whsec_local_test_secret'
  let stripeServer: LocalStripeServer
  let server: TestServer

  beforeAll(async () => {
    stripeServer = await startLocalStripeServer()
    server = await startTestServer({
      seedDemo: false,
      environment: {
        PAYMENT_PROVIDER: 'stripe',
        PAYMENT_CAPTURE: 'manual',
        STRIPE_SECRET_KEY: 'sk_test_local',
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        STRIPE_API_BASE: stripeServer.url,
      },
    })
  })

  afterAll(async () => {
    await server.close()
    await stripeServer.close()
  })

  function deliver(payload: string, signature: string) {
    return server.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      payload,
    })
  }

  it('applies the recorded payment_intent.succeeded once when it is delivered three times', async () => {
    const payments = paymentsOf(server)
    // The recorded event is for a 1,000.00 USD PaymentIntent; authorize that payment first.
    const started = await payments.startPayment({
      checkoutReference: 'crt_stripe_webhook',
      amount: money(100000, 'USD'),
      description: 'Recorded Stripe payment',
      paymentMethod: { kind: 'token', token: 'pm_card_visa' },
    })
    if (!started.ok) throw new Error('expected an authorized payment')
    expect(started.value).toMatchObject({
      status: 'authorized',
      providerReference: 'pi_NORMALIZED00000000000001',
    })

    const payload = JSON.stringify(stripeServer.recordedSucceededEvent, null, 2)
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret })
    const answers = []
    for (let delivery = 0; delivery < 3; delivery += 1)
      answers.push((await deliver(payload, signature)).json())
    expect(answers).toEqual([
      { received: true, applied: true, duplicate: false },
      { received: true, applied: false, duplicate: true },
      { received: true, applied: false, duplicate: true },
    ])
    expect(await payments.getPayment(started.value.id)).toMatchObject({
      status: 'captured',
      capturedAmount: { amount: 100000, currency: 'USD' },
      card: { brand: 'visa', lastFour: '4242' },
    })
    expect(await eventCount(server, started.value.id, 'payment.captured')).toBe(1)
    expect(
      await countRows(server, 'payment_webhook_events', {
        column: 'event_id',
        value: 'evt_3OhusNDEQaroqDjs0khN83aR',
      }),
    ).toBe(1)
  })

  it('answers 400 and changes nothing when the signature was made with another secret', async () => {
    const payments = paymentsOf(server)
    const started = await payments.startPayment({
      checkoutReference: 'crt_stripe_forged',
      amount: money(5000, 'MYR'),
      description: 'Forged event target',
      paymentMethod: { kind: 'token', token: 'pm_card_visa' },
    })
    if (!started.ok) throw new Error('expected an authorized payment')
    const event = structuredClone(stripeServer.recordedSucceededEvent) as {
      id: string
      data: { object: { id: string } }
    }
    event.id = 'evt_forged_000001'
    event.data.object.id = started.value.providerReference ?? ''
    const payload = JSON.stringify(event)
    const response = await deliver(
      payload,
      Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_attacker' }),
    )
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: { code: 'validation', details: { reason: 'invalid-signature' } },
    })
    expect((await payments.getPayment(started.value.id))?.status).toBe('authorized')
  })

  it('answers 400 naming the header when the signature header is missing', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/webhooks/stripe',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'validation' } })
  })
})

describe('POST /webhooks/paypal', () => {
  let paypalServer: LocalPaypalServer
  let server: TestServer

  beforeAll(async () => {
    paypalServer = await startLocalPaypalServer()
    server = await startTestServer({
      seedDemo: false,
      environment: {
        PAYMENT_PROVIDER: 'paypal',
        PAYPAL_CLIENT_ID: localPaypalCredentials.clientId,
        PAYPAL_CLIENT_SECRET: localPaypalCredentials.clientSecret,
        PAYPAL_WEBHOOK_ID: localPaypalCredentials.webhookId,
        PAYPAL_API_BASE: paypalServer.url,
      },
    })
  })

  afterAll(async () => {
    await server.close()
    await paypalServer.close()
  })

  function deliver(
    event: Record<string, unknown>,
    signature: string = localPaypalCredentials.validSignature,
  ) {
    return server.app.inject({
      method: 'POST',
      url: '/webhooks/paypal',
      headers: {
        'content-type': 'application/json',
        'paypal-auth-algo': 'SHA256withRSA',
        'paypal-cert-url':
          'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
        'paypal-transmission-id': `${String(event.id)}-transmission`,
        'paypal-transmission-sig': signature,
        'paypal-transmission-time': '2021-10-17T05:05:04Z',
      },
      payload: JSON.stringify(event),
    })
  }

  it('captures once when the recorded approval and capture webhooks each arrive three times', async () => {
    const payments = paymentsOf(server)
    const started = await payments.startPayment({
      checkoutReference: 'crt_paypal_webhook',
      amount: money(1000, 'USD'),
      description: '1 year of pure Bliss',
      paymentMethod: { kind: 'hosted-page' },
    })
    if (!started.ok) throw new Error('expected a payment waiting for approval')
    expect(started.value).toMatchObject({
      status: 'requires-action',
      providerReference: '4K5112848U951142F',
    })
    expect(started.value.nextActionUrl).toBe(
      'https://www.paypal.com/checkoutnow?token=4K5112848U951142F',
    )
    paypalServer.approve('4K5112848U951142F')

    const approved = readPaypalFixture('webhook-checkout-order-approved.json')
    const completed = readPaypalFixture('webhook-payment-capture-completed.json')
    const answers = []
    for (const event of [approved, approved, approved, completed, completed, completed]) {
      answers.push((await deliver(event)).json())
    }
    expect(answers.map((answer) => [answer.applied, answer.duplicate])).toEqual([
      [true, false],
      [false, true],
      [false, true],
      [false, false],
      [false, true],
      [false, true],
    ])
    expect(await payments.getPayment(started.value.id)).toMatchObject({
      status: 'captured',
      capturedAmount: { amount: 1000 },
    })
    expect(await eventCount(server, started.value.id, 'payment.authorized')).toBe(1)
    expect(await eventCount(server, started.value.id, 'payment.captured')).toBe(1)
    const captures = paypalServer.requests.filter(
      (request) => request.path.endsWith('/capture') && !request.replayed,
    )
    expect(captures).toHaveLength(1)
    expect(captures[0]?.requestId).toBe(`${started.value.id}:capture`)
  })

  it('marks a refund PayPal accepted as pending refunded once when PAYMENT.CAPTURE.REFUNDED arrives three times', async () => {
    const payments = paymentsOf(server)
    const [payment] = await payments.listPayments('crt_paypal_webhook')
    if (payment === undefined) throw new Error('the captured PayPal payment is missing')
    paypalServer.setRefundStatus('PENDING')
    expect((await payments.refundPayment(payment.id, { refundReference: 'ret_paypal_1' })).ok).toBe(
      true,
    )
    paypalServer.setRefundStatus('COMPLETED')
    const pending = await payments.getRefund(payment.id, 'ret_paypal_1')
    expect(pending).toMatchObject({ status: 'pending', refundReference: 'ret_paypal_1' })
    const told: RefundStatusChange[] = []
    const stop = payments.onRefundStatusChanged((change) => void told.push(change))
    const event = readPaypalFixture('webhook-payment-capture-refunded.json') as {
      resource: Record<string, unknown>
    }
    event.resource.id = pending?.providerReference
    const answers = []
    for (let delivery = 0; delivery < 3; delivery += 1) answers.push((await deliver(event)).json())
    stop()
    expect(answers.map((answer) => [answer.applied, answer.duplicate])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ])
    expect(await payments.getRefund(payment.id, 'ret_paypal_1')).toMatchObject({
      status: 'refunded',
    })
    expect(told).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        refundReference: 'ret_paypal_1',
        previousStatus: 'pending',
        status: 'refunded',
        source: { kind: 'webhook', eventId: 'WH-1GE84257G0350133W-6RW800890C634293G' },
      }),
    ])
    expect(await payments.getPayment(payment.id)).toMatchObject({
      status: 'refunded',
      refundedAmount: { amount: 1000 },
    })
    const refunds = paypalServer.requests.filter((request) => request.path.endsWith('/refund'))
    expect(refunds).toHaveLength(1)
  })

  it('answers 400 when PayPal does not verify the signature', async () => {
    const forged = {
      ...readPaypalFixture('webhook-payment-capture-completed.json'),
      id: 'WH-FORGED-1',
    }
    const response = await deliver(forged, 'forged-signature')
    expect(response.statusCode).toBe(400)
    expect(
      await countRows(server, 'payment_webhook_events', {
        column: 'event_id',
        value: 'WH-FORGED-1',
      }),
    ).toBe(0)
  })
})

describe('sandbox payment pages and webhooks', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: false })
  })

  afterAll(async () => {
    await server.close()
  })

  async function startLink(reference: string) {
    const started = await paymentsOf(server).startPayment({
      checkoutReference: reference,
      amount: money(25900, 'MYR'),
      description: 'Kedai order #W1000001',
      paymentMethod: { kind: 'hosted-page' },
    })
    if (!started.ok) throw new Error('expected a payment link')
    return started.value
  }

  it('shows the hosted test page, explains a declined card and marks the payment paid with a good one', async () => {
    const payment = await startLink('crt_sandbox_page')
    expect(payment.nextActionUrl).toBe(`http://localhost:3000/sandbox/payments/${payment.id}`)
    const page = await server.app.inject({ method: 'GET', url: `/sandbox/payments/${payment.id}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toMatch(/RM\s259\.00/)

    const form = (cardNumber: string) =>
      server.app.inject({
        method: 'POST',
        url: `/sandbox/payments/${payment.id}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ cardNumber }).toString(),
      })
    const declined = await form('4000 0000 0000 0002')
    expect(declined.statusCode).toBe(402)
    expect(declined.body).toContain('Your card was declined. Try another card.')
    const invalid = await form('4242 4242 4242 4241')
    expect(invalid.statusCode).toBe(402)
    expect(invalid.body).toContain('That card number is not valid.')
    const paid = await form('4242 4242 4242 4242')
    expect(paid.statusCode).toBe(200)
    expect(paid.body).toContain('Payment received')
    expect(await paymentsOf(server).getPayment(payment.id)).toMatchObject({
      status: 'captured',
      card: { brand: 'visa', lastFour: '4242' },
    })

    const stored = JSON.stringify([
      await server.container.database.db.selectFrom('payments').selectAll().execute(),
      await server.container.database.db.selectFrom('domain_events').selectAll().execute(),
    ])
    expect(stored).not.toMatch(/4242\s?4242\s?4242\s?4242|4000\s?0000\s?0000\s?0002/)
  })

  it('sends the shopper to the 3-D Secure page and captures after the challenge', async () => {
    const payment = await startLink('crt_sandbox_3ds')
    const redirect = await server.app.inject({
      method: 'POST',
      url: `/sandbox/payments/${payment.id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'cardNumber=4000002760003184',
    })
    expect(redirect.statusCode).toBe(303)
    expect(redirect.headers.location).toBe(
      `http://localhost:3000/sandbox/payments/${payment.id}/three-d-secure`,
    )
    const challenge = await server.app.inject({
      method: 'POST',
      url: `/sandbox/payments/${payment.id}/three-d-secure`,
    })
    expect(challenge.body).toContain('Payment received')
    expect((await paymentsOf(server).getPayment(payment.id))?.status).toBe('captured')
  })

  it('answers 404 for a payment that does not exist and 400 for a malformed id', async () => {
    expect(
      (await server.app.inject({ method: 'GET', url: '/sandbox/payments/pay_nothere' })).statusCode,
    ).toBe(404)
    const malformed = await server.app.inject({ method: 'GET', url: '/sandbox/payments/not-an-id' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({ error: { issues: [{ path: 'params.paymentId' }] } })
  })
})
