import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertFromPaypalWebhook } from './convert-from-paypal-webhook.ts'
import { paypalWebhookSchema } from './paypal-api.ts'

const fixture = (name: string) =>
  paypalWebhookSchema.parse(
    JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')),
  )

describe('convertFromPaypalWebhook', () => {
  it('reads the recorded CHECKOUT.ORDER.APPROVED as an authorization of the order', () => {
    expect(convertFromPaypalWebhook(fixture('webhook-checkout-order-approved.json'))).toEqual({
      eventId: 'WH-1V203642KU442722T-3S346483MF8733038',
      providerType: 'CHECKOUT.ORDER.APPROVED',
      kind: 'payment-authorized',
      paymentId: '{my-local-db-purchase-id}',
      providerReference: '4K5112848U951142F',
    })
  })

  it('reads the recorded PAYMENT.CAPTURE.COMPLETED with the order, the capture id and the amount in cents', () => {
    expect(convertFromPaypalWebhook(fixture('webhook-payment-capture-completed.json'))).toEqual({
      eventId: 'WH-3UT90572MR669760L-7LL94124G5389840D',
      providerType: 'PAYMENT.CAPTURE.COMPLETED',
      kind: 'payment-captured',
      paymentId: '{my-local-db-purchase-id}',
      providerReference: '4K5112848U951142F',
      providerCaptureReference: '5VK462069F664902F',
      amount: 1000,
      declineReason: undefined,
    })
  })

  it('reads a denied capture as a decline and leaves other events without a kind', () => {
    const denied = fixture('webhook-payment-capture-completed.json')
    expect(
      convertFromPaypalWebhook({ ...denied, event_type: 'PAYMENT.CAPTURE.DENIED' }),
    ).toMatchObject({
      kind: 'payment-failed',
      declineReason: 'card-declined',
    })
    expect(convertFromPaypalWebhook({ ...denied, event_type: 'CUSTOMER.DISPUTE.CREATED' })).toEqual(
      {
        eventId: denied.id,
        providerType: 'CUSTOMER.DISPUTE.CREATED',
        kind: undefined,
      },
    )
  })

  it('reads PAYMENT.CAPTURE.REFUNDED as the refund of the capture in its up link, with the refunded total', () => {
    expect(convertFromPaypalWebhook(fixture('webhook-payment-capture-refunded.json'))).toEqual({
      eventId: 'WH-1GE84257G0350133W-6RW800890C634293G',
      providerType: 'PAYMENT.CAPTURE.REFUNDED',
      kind: 'payment-refunded',
      providerCaptureReference: '5VK462069F664902F',
      amount: 1000,
      refunds: [
        { providerReference: '1JU08902781691411', status: 'refunded', failureReason: undefined },
      ],
    })
    const event = fixture('webhook-payment-capture-refunded.json')
    const withoutCapture = { ...event, resource: { ...event.resource, links: [] } }
    expect(convertFromPaypalWebhook(withoutCapture)).toBeUndefined()
  })
})
