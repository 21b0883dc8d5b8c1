import { z } from 'zod'

const linkSchema = z.object({ href: z.string(), rel: z.string(), method: z.string().optional() })
const amountSchema = z.object({ currency_code: z.string(), value: z.string() })

/** OAuth 2.0 client-credentials token. */
export const paypalTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number(),
})

/** The Orders v2 order fields Kedai reads. */
export const paypalOrderSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['CREATED', 'SAVED', 'APPROVED', 'VOIDED', 'COMPLETED', 'PAYER_ACTION_REQUIRED']),
  links: z.array(linkSchema).default([]),
  purchase_units: z
    .array(
      z.object({
        custom_id: z.string().optional(),
        payments: z
          .object({
            captures: z
              .array(z.object({ id: z.string(), status: z.string(), amount: amountSchema }))
              .optional(),
          })
          .optional(),
      }),
    )
    .optional(),
})

/** A PayPal order as Kedai reads it. */
export type PaypalOrder = z.infer<typeof paypalOrderSchema>

/** The refund fields Kedai reads. */
export const paypalRefundSchema = z.object({ id: z.string(), status: z.string() })

/** PayPal's error body. */
export const paypalErrorSchema = z.object({
  name: z.string(),
  message: z.string().optional(),
  details: z.array(z.object({ issue: z.string(), description: z.string().optional() })).optional(),
})

/** The answer of `/v1/notifications/verify-webhook-signature`. */
export const paypalVerificationSchema = z.object({
  verification_status: z.enum(['SUCCESS', 'FAILURE']),
})

/** The webhook envelope. */
export const paypalWebhookSchema = z.object({
  id: z.string().min(1),
  event_type: z.string(),
  resource_type: z.string().optional(),
  resource: z.record(z.string(), z.unknown()),
})

/** The capture resource of PAYMENT.CAPTURE.* events. */
export const paypalCaptureResourceSchema = z.object({
  id: z.string(),
  status: z.string(),
  amount: amountSchema,
  custom_id: z.string().optional(),
  supplementary_data: z
    .object({ related_ids: z.object({ order_id: z.string().optional() }) })
    .optional(),
})

/** The refund resource of PAYMENT.CAPTURE.REFUNDED: the refund, its capture in the `up` link. */
export const paypalRefundResourceSchema = z.object({
  id: z.string(),
  status: z.string(),
  amount: amountSchema.optional(),
  links: z.array(linkSchema).default([]),
  seller_payable_breakdown: z.object({ total_refunded_amount: amountSchema.optional() }).optional(),
  status_details: z.object({ reason: z.string().optional() }).optional(),
})

/** The order resource of CHECKOUT.ORDER.* events. */
export const paypalOrderResourceSchema = z.object({
  id: z.string(),
  status: z.string(),
  purchase_units: z.array(z.object({ custom_id: z.string().optional() })).default([]),
})
