import type { z } from 'zod'
import type { PaymentWebhookEvent } from '../../domains/payments/index.ts'
import { parseDecimalAmount } from '../../shared/money.ts'
import { mapPaypalRefundStatus } from './map-paypal-status.ts'
import {
  paypalCaptureResourceSchema,
  paypalOrderResourceSchema,
  paypalRefundResourceSchema,
  type paypalWebhookSchema,
} from './paypal-api.ts'

/**
 * Translates a verified PayPal webhook. CHECKOUT.ORDER.APPROVED is an authorization (we capture
 * next); PAYMENT.CAPTURE.COMPLETED a capture; PAYMENT.CAPTURE.DENIED a decline;
 * PAYMENT.CAPTURE.REFUNDED a refund of the capture named by the resource's `up` link (with the
 * capture's refunded total when PayPal gives it). Others are recorded only. A tracked event whose resource does not parse is `undefined` (malformed).
 */
export function convertFromPaypalWebhook(
  event: z.infer<typeof paypalWebhookSchema>,
): PaymentWebhookEvent | undefined {
  const base = { eventId: event.id, providerType: event.event_type }
  switch (event.event_type) {
    case 'CHECKOUT.ORDER.APPROVED': {
      const order = paypalOrderResourceSchema.safeParse(event.resource)
      if (!order.success) return undefined
      return {
        ...base,
        kind: 'payment-authorized',
        paymentId: order.data.purchase_units[0]?.custom_id,
        providerReference: order.data.id,
      }
    }
    case 'PAYMENT.CAPTURE.COMPLETED':
    case 'PAYMENT.CAPTURE.DENIED': {
      const capture = paypalCaptureResourceSchema.safeParse(event.resource)
      if (!capture.success) return undefined
      let amount: number | undefined
      try {
        amount = parseDecimalAmount(
          capture.data.amount.value,
          capture.data.amount.currency_code,
        ).amount
      } catch {
        return undefined
      }
      return {
        ...base,
        kind:
          event.event_type === 'PAYMENT.CAPTURE.COMPLETED' ? 'payment-captured' : 'payment-failed',
        paymentId: capture.data.custom_id,
        providerReference: capture.data.supplementary_data?.related_ids.order_id,
        providerCaptureReference: capture.data.id,
        amount,
        declineReason: event.event_type === 'PAYMENT.CAPTURE.DENIED' ? 'card-declined' : undefined,
      }
    }
    case 'PAYMENT.CAPTURE.REFUNDED': {
      const refund = paypalRefundResourceSchema.safeParse(event.resource)
      if (!refund.success) return undefined
      const up = refund.data.links.find((link) => link.rel === 'up')?.href
      const captureId = up === undefined ? undefined : /\/captures\/([^/?#]+)/.exec(up)?.[1]
      if (captureId === undefined) return undefined
      const total = refund.data.seller_payable_breakdown?.total_refunded_amount
      let amount: number | undefined
      try {
        amount =
          total === undefined
            ? undefined
            : parseDecimalAmount(total.value, total.currency_code).amount
      } catch {
        return undefined
      }
      return {
        ...base,
        kind: 'payment-refunded',
        providerCaptureReference: decodeURIComponent(captureId),
        amount,
        refunds: [
          {
            providerReference: refund.data.id,
            status: mapPaypalRefundStatus(refund.data.status),
            failureReason: refund.data.status_details?.reason,
          },
        ],
      }
    }
    default:
      return { ...base, kind: undefined }
  }
}
