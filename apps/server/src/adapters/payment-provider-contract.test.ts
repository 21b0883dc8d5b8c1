import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSqlEventStore } from '../db/sql-event-store.ts'
import {
  createPaymentsService,
  type Payment,
  type PaymentMethodInput,
  type PaymentProvider,
  type PaymentsService,
} from '../domains/payments/index.ts'
import { createManualClock } from '../shared/clock.ts'
import { createEventBus } from '../shared/event-bus.ts'
import { createId } from '../shared/ids.ts'
import { money } from '../shared/money.ts'
import {
  localPaypalCredentials,
  startLocalPaypalServer,
  type LocalPaypalServer,
} from '../testing/local-paypal-server.ts'
import {
  localStripeTestPaymentMethods,
  startLocalStripeServer,
  type LocalStripeServer,
} from '../testing/local-stripe-server.ts'
import { createTestDatabase } from '../testing/test-database.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { createPaypalPaymentProvider } from './payment-paypal/index.ts'
import { createSandboxPaymentProvider } from './payment-sandbox/index.ts'
import { createStripePaymentProvider } from './payment-stripe/index.ts'

/**
 * The payment provider contract, run against every implementation through the payments service:
 * the sandbox, Stripe's protocol (local server with recorded payloads) and PayPal's protocol.
 */

interface Harness {
  readonly provider: PaymentProvider
  readonly approved: PaymentMethodInput
  readonly declined: PaymentMethodInput
  readonly threeDSecure: PaymentMethodInput | undefined
  /** Creates the provider saw that were not idempotent replays. */
  effectiveCreates(): number
  /** What the shopper does on the provider's page (PayPal approval), if anything. */
  approveAtProvider(payment: Payment): void
  /** Makes the next payment decline when it is completed (PayPal declines at capture). */
  declineAtCompletion: (() => void) | undefined
  close(): Promise<void>
}

const harnesses: Record<string, () => Promise<Harness>> = {
  sandbox: async () => ({
    provider: createSandboxPaymentProvider({
      publicUrl: 'http://kedai.test',
      webhookSecret: 'whsec_sandbox_test',
    }),
    approved: { kind: 'token', token: 'tok_sandbox_approve_visa_4242' },
    declined: { kind: 'token', token: 'tok_sandbox_decline_visa_0002' },
    threeDSecure: { kind: 'token', token: 'tok_sandbox_three-d-secure_visa_3184' },
    effectiveCreates: () => Number.NaN,
    approveAtProvider: () => undefined,
    declineAtCompletion: undefined,
    close: async () => undefined,
  }),
  stripe: async () => {
    const server: LocalStripeServer = await startLocalStripeServer()
    return {
      provider: createStripePaymentProvider({
        secretKey: 'sk_test_local',
        webhookSecret: 'whsec_test',
        apiBase: server.url,
      }),
      approved: { kind: 'token', token: localStripeTestPaymentMethods.approve },
      declined: { kind: 'token', token: localStripeTestPaymentMethods.decline },
      threeDSecure: { kind: 'token', token: localStripeTestPaymentMethods.threeDSecure },
      effectiveCreates: () =>
        server.requests.filter(
          (request) => request.path === '/v1/payment_intents' && !request.replayed,
        ).length,
      approveAtProvider: () => undefined,
      declineAtCompletion: undefined,
      close: () => server.close(),
    }
  },
  paypal: async () => {
    const server: LocalPaypalServer = await startLocalPaypalServer()
    return {
      provider: createPaypalPaymentProvider({ ...localPaypalCredentials, apiBase: server.url }),
      approved: { kind: 'hosted-page' },
      declined: { kind: 'hosted-page' },
      threeDSecure: undefined,
      effectiveCreates: () =>
        server.requests.filter(
          (request) => request.path === '/v2/checkout/orders' && !request.replayed,
        ).length,
      approveAtProvider: (payment) => server.approve(payment.providerReference ?? ''),
      declineAtCompletion: () => server.declineNextCapture(),
      close: () => server.close(),
    }
  },
}

for (const [name, createHarness] of Object.entries(harnesses)) {
  describe(`PaymentProvider contract [${name}]`, () => {
    let harness: Harness
    let database: { handle: DatabaseHandle; dispose: () => Promise<void> }
    let payments: PaymentsService
    let checkoutNumber = 0
    const nextCheckout = () => `crt_contract_${name}_${(checkoutNumber += 1)}`

    beforeAll(async () => {
      harness = await createHarness()
      database = await createTestDatabase('sqlite')
      const clock = createManualClock()
      payments = createPaymentsService({
        db: database.handle.db,
        clock,
        eventBus: createEventBus({
          store: createSqlEventStore(database.handle.db),
          now: () => clock.now(),
          createId: () => createId('evt'),
        }),
        createId,
        providers: [harness.provider],
        publicUrl: 'http://kedai.test',
      })
    })

    afterAll(async () => {
      await harness.close()
      await database.dispose()
    })

    async function pay(
      method: PaymentMethodInput,
      captureMode: 'automatic' | 'manual' = 'automatic',
    ) {
      const checkoutReference = nextCheckout()
      const started = await payments.startPayment({
        checkoutReference,
        amount: money(25900, 'MYR'),
        description: 'Kedai order',
        paymentMethod: method,
        captureMode,
      })
      if (
        !started.ok ||
        started.value.status !== 'requires-action' ||
        method.kind !== 'hosted-page'
      )
        return started
      harness.approveAtProvider(started.value)
      return payments.completePayment(started.value.id)
    }

    async function eventsOf(paymentId: string, type: string): Promise<number> {
      const rows = await database.handle.db
        .selectFrom('domain_events')
        .select('id')
        .where('aggregate_id', '=', paymentId)
        .where('type', '=', type)
        .execute()
      return rows.length
    }

    it('captures an approved payment and announces payment.captured once', async () => {
      const result = await pay(harness.approved)
      if (!result.ok) throw new Error(`expected approval, got ${result.reason}`)
      expect(result.value).toMatchObject({
        status: 'captured',
        capturedAmount: { amount: 25900, currency: 'MYR' },
      })
      expect(await eventsOf(result.value.id, 'payment.captured')).toBe(1)
    })

    it('returns a decline as an outcome with a reason when the card is declined', async () => {
      harness.declineAtCompletion?.()
      const result = await pay(harness.declined)
      expect(result).toMatchObject({
        ok: false,
        reason: 'declined',
        declineReason: 'card-declined',
      })
      if (result.ok || !('payment' in result) || result.payment === undefined)
        throw new Error('expected the declined payment')
      expect((await payments.getPayment(result.payment.id))?.status).toBe('declined')
      expect(await eventsOf(result.payment.id, 'payment.failed')).toBe(1)
    })

    it('returns the same payment and creates once when the start is retried', async () => {
      const checkoutReference = nextCheckout()
      const before = harness.effectiveCreates()
      const input = {
        checkoutReference,
        amount: money(1000, 'MYR'),
        description: 'retry',
        paymentMethod: harness.approved,
      }
      const first = await payments.startPayment(input)
      const second = await payments.startPayment(input)
      if (!first.ok || !second.ok) throw new Error('expected both to succeed')
      expect(second.value.id).toBe(first.value.id)
      if (!Number.isNaN(before)) expect(harness.effectiveCreates()).toBe(before + 1)
    })

    it('answers the same provider reference when the provider is called twice with one idempotency key', async () => {
      const input = {
        paymentId: `pay_idem_${name}`,
        amount: money(1500, 'MYR'),
        description: 'idempotent',
        captureMode: 'automatic' as const,
        paymentMethod: harness.approved,
        returnUrl: 'http://kedai.test/return',
        cancelUrl: 'http://kedai.test/cancel',
        idempotencyKey: `crt_idem_${name}:payment:1`,
      }
      const before = harness.effectiveCreates()
      const first = await harness.provider.initiatePayment(input)
      const second = await harness.provider.initiatePayment(input)
      expect(second.providerReference).toBe(first.providerReference)
      expect(second.status).toBe(first.status)
      if (!Number.isNaN(before)) expect(harness.effectiveCreates()).toBe(before + 1)
    })

    it('authorizes first and captures once in manual capture mode', async () => {
      const result = await pay(harness.approved, 'manual')
      if (!result.ok) throw new Error('expected authorization')
      expect(result.value.status).toBe('authorized')
      const captured = await payments.capturePayment(result.value.id)
      const again = await payments.capturePayment(result.value.id)
      expect(captured).toMatchObject({
        ok: true,
        value: { status: 'captured', capturedAmount: { amount: 25900 } },
      })
      expect(again).toMatchObject({ ok: true, value: { status: 'captured' } })
      expect(await eventsOf(result.value.id, 'payment.captured')).toBe(1)
    })

    it('refunds once per refund reference and refuses more than was captured', async () => {
      const result = await pay(harness.approved)
      if (!result.ok) throw new Error('expected capture')
      const partial = await payments.refundPayment(result.value.id, {
        amount: money(5000, 'MYR'),
        refundReference: 'ret_1',
      })
      const repeated = await payments.refundPayment(result.value.id, {
        amount: money(5000, 'MYR'),
        refundReference: 'ret_1',
      })
      expect(partial).toMatchObject({
        ok: true,
        value: { status: 'partially-refunded', refundedAmount: { amount: 5000 } },
      })
      expect(repeated).toMatchObject({ ok: true, value: { refundedAmount: { amount: 5000 } } })
      expect(
        await payments.refundPayment(result.value.id, {
          amount: money(30000, 'MYR'),
          refundReference: 'ret_2',
        }),
      ).toEqual({
        ok: false,
        reason: 'amount-exceeds-captured',
      })
      const rest = await payments.refundPayment(result.value.id, { refundReference: 'ret_3' })
      expect(rest).toMatchObject({
        ok: true,
        value: { status: 'refunded', refundedAmount: { amount: 25900 } },
      })
    })

    // PayPal has no card 3-D Secure step of its own: the buyer authenticates on PayPal's page.
    if (name === 'paypal') return
    it('asks for 3-D Secure with a next-action URL and captures after it', async () => {
      if (harness.threeDSecure === undefined) throw new Error('harness needs a 3-D Secure method')
      const started = await pay(harness.threeDSecure)
      if (!started.ok) throw new Error('expected requires-action')
      expect(started.value.status).toBe('requires-action')
      expect(started.value.nextActionUrl).toMatch(/^https?:\/\/.+/)
      const completed = await payments.completePayment(started.value.id)
      expect(completed).toMatchObject({
        ok: true,
        value: { status: 'captured', nextActionUrl: null },
      })
    })
  })
}
