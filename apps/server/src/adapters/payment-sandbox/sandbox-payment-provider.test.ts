import { createServer } from 'node:net'
import { expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createPaymentsService, type PaymentStatusChange } from '../../domains/payments/index.ts'
import { isAppError } from '../../shared/app-error.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus } from '../../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { money } from '../../shared/money.ts'
import { startLocalStripeServer } from '../../testing/local-stripe-server.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createStripePaymentProvider } from '../payment-stripe/index.ts'
import {
  createSandboxPaymentProvider,
  sandboxSignatureHeader,
  signSandboxWebhook,
} from './sandbox-payment-provider.ts'
import { tokenizeSandboxCard } from './sandbox-test-cards.ts'

const secret = 'sandbox-webhook-secret-for-tests'

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

it('tokenizes test cards at once into brand, last four and behaviour, and refuses bad numbers', () => {
  expect(tokenizeSandboxCard('4242 4242 4242 4242')).toEqual({
    ok: true,
    token: 'tok_sandbox_approve_visa_4242',
    card: { brand: 'visa', lastFour: '4242' },
  })
  expect(tokenizeSandboxCard('4000-0000-0000-0002')).toMatchObject({
    token: 'tok_sandbox_decline_visa_0002',
  })
  expect(tokenizeSandboxCard('4000 0027 6000 3184')).toMatchObject({
    token: 'tok_sandbox_three-d-secure_visa_3184',
  })
  expect(tokenizeSandboxCard('4242 4242 4242 4241')).toEqual({
    ok: false,
    reason: 'invalid-card-number',
  })
  expect(tokenizeSandboxCard('hello')).toEqual({ ok: false, reason: 'invalid-card-number' })
})

describeEachEngine('PaymentsService with the sandbox provider', (getDatabase) => {
  const clock = createManualClock()
  const createId = createSequentialIdGenerator()
  const build = () => {
    const db = getDatabase().db
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    return createPaymentsService({
      db,
      clock,
      eventBus,
      createId,
      providers: [
        createSandboxPaymentProvider({ publicUrl: 'http://kedai.test', webhookSecret: secret }),
      ],
      publicUrl: 'http://kedai.test',
    })
  }
  const webhook = (body: object) => {
    const rawBody = JSON.stringify(body)
    return { rawBody, headers: { [sandboxSignatureHeader]: signSandboxWebhook(rawBody, secret) } }
  }

  it('applies a webhook once when three deliveries arrive at the same time', async () => {
    const payments = build()
    const changes: PaymentStatusChange[] = []
    payments.onPaymentStatusChanged((change) => {
      changes.push(change)
    })
    const started = await payments.startPayment({
      checkoutReference: 'crt_parallel',
      amount: money(12000, 'MYR'),
      description: 'parallel',
      paymentMethod: { kind: 'hosted-page' },
    })
    if (!started.ok) throw new Error('expected a payment link')
    const delivery = webhook({
      id: 'sbx_evt_parallel',
      kind: 'payment-captured',
      paymentId: started.value.id,
      amount: 12000,
    })
    const results = await Promise.all(
      [1, 2, 3].map(() => payments.handleWebhook('sandbox', delivery)),
    )
    const applied = results.filter((result) => result.ok && result.value.applied)
    const duplicates = results.filter((result) => result.ok && result.value.duplicate)
    expect(applied).toHaveLength(1)
    expect(duplicates).toHaveLength(2)
    expect(changes.map((change) => [change.type, change.source])).toEqual([
      ['payment.captured', { kind: 'webhook', eventId: 'sbx_evt_parallel' }],
    ])
    const events = await getDatabase()
      .db.selectFrom('domain_events')
      .select('id')
      .where('aggregate_id', '=', started.value.id)
      .where('type', '=', 'payment.captured')
      .execute()
    expect(events).toHaveLength(1)
  })

  it('ignores a late failure after the payment was captured but records the event', async () => {
    const payments = build()
    const started = await payments.startPayment({
      checkoutReference: 'crt_late',
      amount: money(5000, 'MYR'),
      description: 'late',
      paymentMethod: { kind: 'token', token: 'tok_sandbox_approve_visa_4242' },
    })
    if (!started.ok) throw new Error('expected capture')
    const late = await payments.handleWebhook(
      'sandbox',
      webhook({ id: 'sbx_evt_late', kind: 'payment-failed', paymentId: started.value.id }),
    )
    expect(late).toEqual({
      ok: true,
      value: { applied: false, duplicate: false, paymentId: started.value.id },
    })
    expect((await payments.getPayment(started.value.id))?.status).toBe('captured')
  })

  it('refuses a webhook with a bad signature or an unknown provider', async () => {
    const payments = build()
    const rawBody = JSON.stringify({
      id: 'sbx_evt_bad',
      kind: 'payment-captured',
      paymentId: 'pay_x',
    })
    expect(
      await payments.handleWebhook('sandbox', {
        rawBody,
        headers: { [sandboxSignatureHeader]: 'f'.repeat(64) },
      }),
    ).toEqual({
      ok: false,
      reason: 'invalid-signature',
    })
    expect(await payments.handleWebhook('stripe', { rawBody, headers: {} })).toEqual({
      ok: false,
      reason: 'unknown-provider',
    })
    expect(
      await payments.handleWebhook('sandbox', {
        rawBody: '{"id":1}',
        headers: { [sandboxSignatureHeader]: signSandboxWebhook('{"id":1}', secret) },
      }),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    })
  })

  it('creates one payment when the same checkout starts paying twice at the same time', async () => {
    const payments = build()
    const input = {
      checkoutReference: 'crt_double_click',
      amount: money(3000, 'MYR'),
      description: 'double click',
      paymentMethod: { kind: 'token' as const, token: 'tok_sandbox_approve_visa_4242' },
    }
    const results = await Promise.all([payments.startPayment(input), payments.startPayment(input)])
    const ids = results.map((result) => (result.ok ? result.value.id : result.reason))
    expect(ids[0]).toBe(ids[1])
    expect(await payments.listPayments('crt_double_click')).toHaveLength(1)
  })

  it('refuses a non-positive amount before anything is stored', async () => {
    const payments = build()
    const attempt = payments.startPayment({
      checkoutReference: 'crt_zero',
      amount: money(0, 'MYR'),
      description: 'zero',
      paymentMethod: { kind: 'hosted-page' },
    })
    await expect(attempt).rejects.toSatisfy((error: unknown) => isAppError(error, 'validation'))
    expect(await payments.listPayments('crt_zero')).toEqual([])
  })

  it('cancels an authorized payment once and refuses to cancel a captured one', async () => {
    const payments = build()
    const authorized = await payments.startPayment({
      checkoutReference: 'crt_cancel',
      amount: money(5000, 'MYR'),
      description: 'cancel',
      captureMode: 'manual',
      paymentMethod: { kind: 'token', token: 'tok_sandbox_approve_visa_4242' },
    })
    if (!authorized.ok) throw new Error('expected authorization')
    expect(await payments.cancelPayment(authorized.value.id)).toMatchObject({
      ok: true,
      value: { status: 'canceled' },
    })
    expect(await payments.cancelPayment(authorized.value.id)).toMatchObject({
      ok: true,
      value: { status: 'canceled' },
    })
    const captured = await payments.startPayment({
      checkoutReference: 'crt_cancel_captured',
      amount: money(5000, 'MYR'),
      description: 'captured',
      paymentMethod: { kind: 'token', token: 'tok_sandbox_approve_visa_4242' },
    })
    if (!captured.ok) throw new Error('expected capture')
    expect(await payments.cancelPayment(captured.value.id)).toEqual({
      ok: false,
      reason: 'not-cancelable',
    })
  })

  it('keeps a payment pending when the provider is down and completes it on retry with the same key', async () => {
    const port = await freePort()
    const db = getDatabase().db
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const payments = createPaymentsService({
      db,
      clock,
      eventBus,
      createId,
      providers: [
        createStripePaymentProvider({
          secretKey: 'sk_test_local',
          webhookSecret: 'whsec_x',
          apiBase: `http://127.0.0.1:${port}`,
        }),
      ],
      publicUrl: 'http://kedai.test',
    })
    const input = {
      checkoutReference: 'crt_outage',
      amount: money(7000, 'MYR'),
      description: 'outage',
      paymentMethod: { kind: 'token' as const, token: 'pm_card_visa' },
    }
    await expect(payments.startPayment(input)).rejects.toSatisfy((error: unknown) =>
      isAppError(error, 'unavailable'),
    )
    const [pending] = await payments.listPayments('crt_outage')
    expect(pending?.status).toBe('pending')
    const stripeServer = await startLocalStripeServer({ port })
    try {
      const retried = await payments.startPayment(input)
      expect(retried).toMatchObject({ ok: true, value: { id: pending?.id, status: 'captured' } })
      expect(stripeServer.requests.map((request) => request.idempotencyKey)).toEqual([
        'crt_outage:payment:1',
      ])
    } finally {
      await stripeServer.close()
    }
  })
})
