import type { PaymentWebhookEvent } from '../../domains/payments/index.ts'
import {
  kedaiPaymentIdKey,
  stripeChargeSchema,
  stripeCheckoutSessionSchema,
  stripePaymentIntentSchema,
  stripeRefundSchema,
  type stripeEventSchema,
} from './stripe-api.ts'
import { mapStripeDeclineCode, mapStripeRefundStatus, readStripeCard } from './map-stripe-status.ts'
import type { z } from 'zod'

/**
 * Translates a verified Stripe event into our terms. `charge.refunded` reports the payment's
 * refunded total (and its refunds, when expanded); `refund.created`, `refund.updated`, `refund.failed`
 * and `charge.refund.updated` report one refund's status. Events we do not track come back with
 * `kind: undefined` (recorded, never applied); a tracked event whose object does not parse is
 * `undefined` (malformed).
 */
export function convertFromStripeWebhook(
  event: z.infer<typeof stripeEventSchema>,
): PaymentWebhookEvent | undefined {
  const base = { eventId: event.id, providerType: event.type }
  const object = event.data.object
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.amount_capturable_updated':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
    case 'payment_intent.requires_action': {
      const parsed = stripePaymentIntentSchema.safeParse(object)
      if (!parsed.success) return undefined
      const intent = parsed.data
      const kind = {
        'payment_intent.succeeded': 'payment-captured' as const,
        'payment_intent.amount_capturable_updated': 'payment-authorized' as const,
        'payment_intent.payment_failed': 'payment-failed' as const,
        'payment_intent.canceled': 'payment-canceled' as const,
        'payment_intent.requires_action': 'payment-requires-action' as const,
      }[event.type]
      return {
        ...base,
        kind,
        paymentId: intent.metadata[kedaiPaymentIdKey],
        providerReference: intent.id,
        amount: kind === 'payment-captured' ? intent.amount_received : undefined,
        declineReason:
          kind === 'payment-failed'
            ? mapStripeDeclineCode(
                intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code,
              )
            : undefined,
        card: readStripeCard(intent),
      }
    }
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const parsed = stripeCheckoutSessionSchema.safeParse(object)
      if (!parsed.success) return undefined
      const session = parsed.data
      return {
        ...base,
        kind: session.payment_status === 'paid' ? 'payment-captured' : 'payment-authorized',
        paymentId:
          session.metadata?.[kedaiPaymentIdKey] ?? session.client_reference_id ?? undefined,
        providerReference: session.payment_intent ?? session.id,
        amount: session.payment_status === 'paid' ? (session.amount_total ?? undefined) : undefined,
      }
    }
    case 'charge.refunded': {
      const parsed = stripeChargeSchema.safeParse(object)
      if (!parsed.success) return undefined
      return {
        ...base,
        kind: 'payment-refunded',
        paymentId: parsed.data.metadata[kedaiPaymentIdKey],
        providerReference: parsed.data.payment_intent ?? undefined,
        amount: parsed.data.amount_refunded,
        refunds: (parsed.data.refunds?.data ?? []).map((refund) => ({
          providerReference: refund.id,
          status: mapStripeRefundStatus(refund.status),
          failureReason: refund.failure_reason ?? undefined,
        })),
      }
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
    case 'charge.refund.updated': {
      const parsed = stripeRefundSchema.safeParse(object)
      if (!parsed.success || typeof parsed.data.payment_intent !== 'string') return undefined
      // A Refund carries no total: the payment's refunded amount is left to `charge.refunded`.
      return {
        ...base,
        kind: 'payment-refunded',
        providerReference: parsed.data.payment_intent,
        refunds: [
          {
            providerReference: parsed.data.id,
            status: mapStripeRefundStatus(parsed.data.status),
            failureReason: parsed.data.failure_reason ?? undefined,
          },
        ],
      }
    }
    default:
      return { ...base, kind: undefined }
  }
}
