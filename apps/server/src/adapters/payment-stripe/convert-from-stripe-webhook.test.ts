import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertFromStripeWebhook } from './convert-from-stripe-webhook.ts'
import { mapStripeDeclineCode, mapStripeStatus } from './map-stripe-status.ts'
import { stripeEventSchema } from './stripe-api.ts'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >

describe('convertFromStripeWebhook', () => {
  it('reads the recorded payment_intent.succeeded as a capture with amount and card', () => {
    const event = stripeEventSchema.parse(fixture('payment-intent-succeeded.event.json'))
    expect(convertFromStripeWebhook(event)).toEqual({
      eventId: 'evt_3OhusNDEQaroqDjs0khN83aR',
      providerType: 'payment_intent.succeeded',
      kind: 'payment-captured',
      paymentId: undefined,
      providerReference: 'pi_NORMALIZED00000000000001',
      amount: 100000,
      declineReason: undefined,
      card: { brand: 'visa', lastFour: '4242' },
    })
  })

  it('reads a failed PaymentIntent with its decline code and our payment id from metadata', () => {
    const recorded = fixture('payment-intent-succeeded.event.json') as {
      data: { object: Record<string, unknown> }
    }
    const event = stripeEventSchema.parse({
      ...recorded,
      id: 'evt_failed_1',
      type: 'payment_intent.payment_failed',
      data: {
        object: {
          ...recorded.data.object,
          status: 'requires_payment_method',
          metadata: { kedai_payment_id: 'pay_000001' },
          last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
        },
      },
    })
    expect(convertFromStripeWebhook(event)).toMatchObject({
      kind: 'payment-failed',
      paymentId: 'pay_000001',
      declineReason: 'insufficient-funds',
    })
  })

  it('reads a completed Checkout Session by the PaymentIntent it created', () => {
    const session = {
      ...fixture('checkout-session.json'),
      payment_status: 'paid',
      status: 'complete',
      payment_intent: 'pi_123',
      amount_total: 25900,
      client_reference_id: 'pay_000002',
    }
    const event = stripeEventSchema.parse({
      id: 'evt_session_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: { object: session },
    })
    expect(convertFromStripeWebhook(event)).toMatchObject({
      kind: 'payment-captured',
      paymentId: 'pay_000002',
      providerReference: 'pi_123',
      amount: 25900,
    })
  })

  it('records events it does not track without a kind, and refuses a tracked event it cannot read', () => {
    const other = stripeEventSchema.parse({
      id: 'evt_other',
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_1' } },
    })
    expect(convertFromStripeWebhook(other)).toEqual({
      eventId: 'evt_other',
      providerType: 'customer.created',
      kind: undefined,
    })
    const broken = stripeEventSchema.parse({
      id: 'evt_broken',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'not-a-pi' } },
    })
    expect(convertFromStripeWebhook(broken)).toBeUndefined()
  })
})

describe('mapStripeStatus', () => {
  it('maps every PaymentIntent status, a decline only when there was an error', () => {
    expect(mapStripeStatus({ status: 'requires_payment_method', last_payment_error: null })).toBe(
      'pending',
    )
    expect(
      mapStripeStatus({
        status: 'requires_payment_method',
        last_payment_error: { code: 'card_declined' },
      }),
    ).toBe('declined')
    expect(mapStripeStatus({ status: 'requires_action' })).toBe('requires-action')
    expect(mapStripeStatus({ status: 'requires_capture' })).toBe('authorized')
    expect(mapStripeStatus({ status: 'succeeded' })).toBe('captured')
    expect(mapStripeStatus({ status: 'canceled' })).toBe('canceled')
    expect(
      mapStripeDeclineCode(
        (fixture('card-declined.error.json').error as { decline_code: string }).decline_code,
      ),
    ).toBe('card-declined')
    expect(mapStripeDeclineCode('expired_card')).toBe('expired-card')
  })

  it('reads refund.updated as news of one refund of its PaymentIntent, without a refunded total', () => {
    const event = stripeEventSchema.parse(fixture('refund-updated.event.json'))
    expect(convertFromStripeWebhook(event)).toEqual({
      eventId: 'evt_3NisqL2eZvKYlo2C0refundUpd',
      providerType: 'refund.updated',
      kind: 'payment-refunded',
      providerReference: 'pi_1GszsK2eZvKYlo2CfhZyoZLp',
      refunds: [
        {
          providerReference: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
          status: 'refunded',
          failureReason: undefined,
        },
      ],
    })
    const failed = stripeEventSchema.parse({
      ...event,
      id: 'evt_refund_failed_1',
      type: 'refund.failed',
      data: {
        object: {
          ...event.data.object,
          status: 'failed',
          failure_reason: 'expired_or_canceled_card',
        },
      },
    })
    expect(convertFromStripeWebhook(failed)?.refunds).toEqual([
      {
        providerReference: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
        status: 'failed',
        failureReason: 'expired_or_canceled_card',
      },
    ])
  })
})
