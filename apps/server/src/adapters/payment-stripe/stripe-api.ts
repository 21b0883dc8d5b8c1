import { z } from 'zod'

/** The PaymentIntent fields Kedai reads. */
export const stripePaymentIntentSchema = z.object({
  id: z.string().startsWith('pi_'),
  object: z.literal('payment_intent'),
  status: z.enum([
    'requires_payment_method',
    'requires_confirmation',
    'requires_action',
    'processing',
    'requires_capture',
    'canceled',
    'succeeded',
  ]),
  amount: z.number().int(),
  amount_received: z.number().int().optional(),
  currency: z.string(),
  metadata: z.record(z.string(), z.string()).default({}),
  next_action: z
    .object({ type: z.string(), redirect_to_url: z.object({ url: z.string() }).optional() })
    .nullable()
    .optional(),
  last_payment_error: z
    .object({ code: z.string().optional(), decline_code: z.string().optional() })
    .nullable()
    .optional(),
  charges: z
    .object({
      data: z.array(
        z.object({
          payment_method_details: z
            .object({ card: z.object({ brand: z.string(), last4: z.string() }).optional() })
            .nullable()
            .optional(),
        }),
      ),
    })
    .optional(),
})

/** A PaymentIntent as Kedai reads it. */
export type StripePaymentIntent = z.infer<typeof stripePaymentIntentSchema>

/** The Checkout Session fields Kedai reads. */
export const stripeCheckoutSessionSchema = z.object({
  id: z.string().startsWith('cs_'),
  object: z.literal('checkout.session'),
  url: z.string().nullable(),
  status: z.string().nullable(),
  payment_status: z.string(),
  payment_intent: z.string().nullable(),
  client_reference_id: z.string().nullable(),
  amount_total: z.number().int().nullable(),
  metadata: z.record(z.string(), z.string()).nullable().default({}),
})

/** A Checkout Session as Kedai reads it. */
export type StripeCheckoutSession = z.infer<typeof stripeCheckoutSessionSchema>

/** The Refund fields Kedai reads. */
export const stripeRefundSchema = z.object({
  id: z.string(),
  object: z.literal('refund'),
  status: z.string().nullable(),
  payment_intent: z.string().nullable().optional(),
  failure_reason: z.string().nullable().optional(),
})

/** The Charge fields Kedai reads (for `charge.refunded`). */
export const stripeChargeSchema = z.object({
  id: z.string(),
  object: z.literal('charge'),
  payment_intent: z.string().nullable(),
  amount_refunded: z.number().int(),
  metadata: z.record(z.string(), z.string()).default({}),
  /** Present when the API version expands it (older versions always did). */
  refunds: z
    .object({ data: z.array(stripeRefundSchema) })
    .nullable()
    .optional(),
})

/** The Event envelope. */
export const stripeEventSchema = z.object({
  id: z.string().startsWith('evt_'),
  object: z.literal('event'),
  type: z.string(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

/** Metadata key under which Kedai keeps its payment id at Stripe. */
export const kedaiPaymentIdKey = 'kedai_payment_id'
