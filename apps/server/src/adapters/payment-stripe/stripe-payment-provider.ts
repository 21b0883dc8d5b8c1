import Stripe from 'stripe'
import type { PaymentOutcome, PaymentProvider } from '../../domains/payments/index.ts'
import { convertFromStripeWebhook } from './convert-from-stripe-webhook.ts'
import {
  convertFromStripePaymentIntent,
  mapStripeDeclineCode,
  mapStripeRefundStatus,
} from './map-stripe-status.ts'
import {
  kedaiPaymentIdKey,
  stripeCheckoutSessionSchema,
  stripeEventSchema,
  stripePaymentIntentSchema,
  stripeRefundSchema,
} from './stripe-api.ts'

/** Options of the Stripe provider. */
export interface StripePaymentProviderOptions {
  readonly secretKey: string
  readonly webhookSecret: string
  /** Another API base (`http://127.0.0.1:12111`) for tests and Stripe-compatible servers. */
  readonly apiBase?: string | undefined
}

function clientOptions(apiBase: string | undefined): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = { telemetry: false, maxNetworkRetries: 1, timeout: 20_000 }
  if (apiBase === undefined) return options
  const url = new URL(apiBase)
  return {
    ...options,
    host: url.hostname,
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    protocol: url.protocol === 'http:' ? 'http' : 'https',
  }
}

function isCardError(error: unknown): error is Stripe.errors.StripeCardError {
  return error instanceof Stripe.errors.StripeCardError
}

/**
 * Payments through Stripe with the official SDK: PaymentIntents for card tokens (`pm_…`), Checkout
 * Sessions for payment links, refunds, and webhooks verified with `constructEvent`. Every create,
 * capture, cancel and refund carries our idempotency key. Declines are returned outcomes.
 */
export function createStripePaymentProvider(
  options: StripePaymentProviderOptions,
): PaymentProvider {
  const stripe = new Stripe(options.secretKey, clientOptions(options.apiBase))

  function declined(error: Stripe.errors.StripeCardError): PaymentOutcome {
    const intent = stripePaymentIntentSchema.safeParse(
      (error.raw as { payment_intent?: unknown } | undefined)?.payment_intent,
    )
    return {
      status: 'declined',
      providerReference: intent.success ? intent.data.id : undefined,
      declineReason: mapStripeDeclineCode(error.decline_code ?? error.code),
    }
  }

  return {
    name: 'stripe',

    async initiatePayment(input) {
      const metadata = { [kedaiPaymentIdKey]: input.paymentId }
      const currency = input.amount.currency.toLowerCase()
      const captureMethod = input.captureMode === 'manual' ? 'manual' : 'automatic'
      if (input.paymentMethod.kind === 'hosted-page') {
        const session = await stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: input.paymentId,
            success_url: input.returnUrl,
            cancel_url: input.cancelUrl,
            ...(input.customerEmail === undefined ? {} : { customer_email: input.customerEmail }),
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency,
                  unit_amount: input.amount.amount,
                  product_data: { name: input.description },
                },
              },
            ],
            payment_intent_data: { capture_method: captureMethod, metadata },
            metadata,
          },
          { idempotencyKey: input.idempotencyKey },
        )
        const parsed = stripeCheckoutSessionSchema.parse(session)
        return {
          status: 'requires-action',
          providerReference: parsed.id,
          nextActionUrl: parsed.url ?? undefined,
        }
      }
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amount.amount,
            currency,
            capture_method: captureMethod,
            confirm: true,
            payment_method: input.paymentMethod.token,
            payment_method_types: ['card'],
            description: input.description,
            return_url: input.returnUrl,
            ...(input.customerEmail === undefined ? {} : { receipt_email: input.customerEmail }),
            metadata,
          },
          { idempotencyKey: input.idempotencyKey },
        )
        return convertFromStripePaymentIntent(stripePaymentIntentSchema.parse(intent))
      } catch (error) {
        if (isCardError(error)) return declined(error)
        throw error
      }
    },

    async authorizePayment(input) {
      if (input.providerReference.startsWith('cs_')) {
        const session = stripeCheckoutSessionSchema.parse(
          await stripe.checkout.sessions.retrieve(input.providerReference),
        )
        if (session.payment_status === 'paid') {
          return { status: 'captured', providerReference: session.payment_intent ?? session.id }
        }
        return {
          status: 'requires-action',
          providerReference: session.id,
          nextActionUrl: session.url ?? undefined,
        }
      }
      try {
        const intent = await stripe.paymentIntents.confirm(
          input.providerReference,
          input.paymentMethod?.kind === 'token'
            ? { payment_method: input.paymentMethod.token }
            : {},
          { idempotencyKey: input.idempotencyKey },
        )
        return convertFromStripePaymentIntent(stripePaymentIntentSchema.parse(intent))
      } catch (error) {
        if (isCardError(error)) return declined(error)
        throw error
      }
    },

    async capturePayment(input) {
      const intent = await stripe.paymentIntents.capture(
        input.providerReference,
        { amount_to_capture: input.amount.amount },
        { idempotencyKey: input.idempotencyKey },
      )
      return convertFromStripePaymentIntent(stripePaymentIntentSchema.parse(intent))
    },

    async refundPayment(input) {
      const refund = stripeRefundSchema.parse(
        await stripe.refunds.create(
          {
            payment_intent: input.providerReference,
            amount: input.amount.amount,
            reason: 'requested_by_customer',
            ...(input.reason === undefined
              ? {}
              : { metadata: { reason: input.reason.slice(0, 500) } }),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      )
      return { status: mapStripeRefundStatus(refund.status), providerReference: refund.id }
    },

    async cancelPayment(input) {
      const intent = await stripe.paymentIntents.cancel(
        input.providerReference,
        {},
        { idempotencyKey: input.idempotencyKey },
      )
      return convertFromStripePaymentIntent(stripePaymentIntentSchema.parse(intent))
    },

    async parseWebhook(webhook) {
      const header = webhook.headers['stripe-signature']
      const signature = Array.isArray(header) ? header[0] : header
      if (signature === undefined) return { ok: false, reason: 'invalid-signature' }
      let event: unknown
      try {
        event = stripe.webhooks.constructEvent(webhook.rawBody, signature, options.webhookSecret)
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError)
          return { ok: false, reason: 'invalid-signature' }
        return { ok: false, reason: 'malformed' }
      }
      const envelope = stripeEventSchema.safeParse(event)
      if (!envelope.success) return { ok: false, reason: 'malformed' }
      const converted = convertFromStripeWebhook(envelope.data)
      return converted === undefined
        ? { ok: false, reason: 'malformed' }
        : { ok: true, event: converted }
    },
  }
}
