import type { PaymentOutcome, PaymentProvider } from '../../domains/payments/index.ts'
import { minorUnitDigits, parseDecimalAmount, type Money } from '../../shared/money.ts'
import { convertFromPaypalWebhook } from './convert-from-paypal-webhook.ts'
import {
  findApprovalLink,
  mapPaypalOrderStatus,
  mapPaypalRefundStatus,
} from './map-paypal-status.ts'
import {
  paypalErrorSchema,
  paypalOrderSchema,
  paypalRefundSchema,
  paypalTokenSchema,
  paypalVerificationSchema,
  paypalWebhookSchema,
  type PaypalOrder,
} from './paypal-api.ts'

/** Options of the PayPal provider. */
export interface PaypalPaymentProviderOptions {
  readonly clientId: string
  readonly clientSecret: string
  /** The webhook id PayPal gave when the webhook was registered (for signature verification). */
  readonly webhookId: string
  /** `https://api-m.sandbox.paypal.com`, `https://api-m.paypal.com`, or a local test server. */
  readonly apiBase: string
  readonly fetch?: typeof fetch
  readonly now?: () => Date
}

/** Thrown when PayPal answers with an error that is not a payment outcome. */
export class PaypalRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`PayPal answered HTTP ${status}`)
    this.name = 'PaypalRequestError'
  }
}

function formatDecimal(value: Money): string {
  const digits = minorUnitDigits(value.currency)
  return (value.amount / 10 ** digits).toFixed(digits)
}

const webhookHeaders = {
  auth_algo: 'paypal-auth-algo',
  cert_url: 'paypal-cert-url',
  transmission_id: 'paypal-transmission-id',
  transmission_sig: 'paypal-transmission-sig',
  transmission_time: 'paypal-transmission-time',
} as const

/**
 * Payments through PayPal Orders v2 over `fetch` (no SDK): OAuth token, create order (the buyer
 * approves at PayPal), capture, refund, and webhooks verified by PayPal's verify-webhook-signature
 * endpoint. Every create, capture and refund carries `PayPal-Request-Id` (our idempotency key).
 */
export function createPaypalPaymentProvider(
  options: PaypalPaymentProviderOptions,
): PaymentProvider {
  const fetchImplementation = options.fetch ?? fetch
  const now = options.now ?? (() => new Date())
  const apiBase = options.apiBase.replace(/\/$/, '')
  let token: { value: string; expiresAt: number } | undefined

  async function accessToken(): Promise<string> {
    if (token !== undefined && token.expiresAt > now().getTime()) return token.value
    const response = await fetchImplementation(`${apiBase}/v1/oauth2/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
      signal: AbortSignal.timeout(20_000),
    })
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw new PaypalRequestError(response.status, body)
    const parsed = paypalTokenSchema.parse(body)
    token = {
      value: parsed.access_token,
      expiresAt: now().getTime() + (parsed.expires_in - 60) * 1000,
    }
    return token.value
  }

  async function call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    requestId?: string,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetchImplementation(`${apiBase}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        'content-type': 'application/json',
        prefer: 'return=representation',
        ...(requestId === undefined ? {} : { 'paypal-request-id': requestId }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    })
    return { status: response.status, body: await response.json().catch(() => undefined) }
  }

  function declinedFrom(result: { status: number; body: unknown }): PaymentOutcome | undefined {
    if (result.status !== 422) return undefined
    const parsed = paypalErrorSchema.safeParse(result.body)
    const issue = parsed.success ? parsed.data.details?.[0]?.issue : undefined
    if (
      issue === 'INSTRUMENT_DECLINED' ||
      issue === 'PAYER_ACTION_REQUIRED' ||
      issue === 'ORDER_NOT_APPROVED'
    ) {
      return {
        status: 'declined',
        declineReason: issue === 'INSTRUMENT_DECLINED' ? 'card-declined' : 'authentication-failed',
      }
    }
    return undefined
  }

  function outcomeOf(order: PaypalOrder): PaymentOutcome {
    const capture = order.purchase_units?.[0]?.payments?.captures?.[0]
    const status = mapPaypalOrderStatus(order.status)
    return {
      status: capture?.status === 'DECLINED' ? 'declined' : status,
      providerReference: order.id,
      providerCaptureReference: capture?.id,
      nextActionUrl: status === 'requires-action' ? findApprovalLink(order) : undefined,
      capturedAmount:
        capture === undefined
          ? undefined
          : parseDecimalAmount(capture.amount.value, capture.amount.currency_code).amount,
      declineReason: capture?.status === 'DECLINED' ? 'card-declined' : undefined,
    }
  }

  return {
    name: 'paypal',

    async initiatePayment(input) {
      const result = await call(
        'POST',
        '/v2/checkout/orders',
        {
          intent: 'CAPTURE',
          purchase_units: [
            {
              reference_id: input.paymentId,
              custom_id: input.paymentId,
              description: input.description.slice(0, 127),
              amount: { currency_code: input.amount.currency, value: formatDecimal(input.amount) },
            },
          ],
          payment_source: {
            paypal: {
              experience_context: {
                return_url: input.returnUrl,
                cancel_url: input.cancelUrl,
                user_action: 'PAY_NOW',
              },
            },
          },
        },
        input.idempotencyKey,
      )
      if (result.status >= 300) throw new PaypalRequestError(result.status, result.body)
      return outcomeOf(paypalOrderSchema.parse(result.body))
    },

    async authorizePayment(input) {
      const result = await call(
        'GET',
        `/v2/checkout/orders/${encodeURIComponent(input.providerReference)}`,
      )
      if (result.status >= 300) throw new PaypalRequestError(result.status, result.body)
      return outcomeOf(paypalOrderSchema.parse(result.body))
    },

    async capturePayment(input) {
      const result = await call(
        'POST',
        `/v2/checkout/orders/${encodeURIComponent(input.providerReference)}/capture`,
        {},
        input.idempotencyKey,
      )
      const declined = declinedFrom(result)
      if (declined !== undefined) return { ...declined, providerReference: input.providerReference }
      if (result.status >= 300) throw new PaypalRequestError(result.status, result.body)
      return outcomeOf(paypalOrderSchema.parse(result.body))
    },

    async refundPayment(input) {
      if (input.providerCaptureReference === undefined) return { status: 'failed' }
      const result = await call(
        'POST',
        `/v2/payments/captures/${encodeURIComponent(input.providerCaptureReference)}/refund`,
        {
          amount: { currency_code: input.amount.currency, value: formatDecimal(input.amount) },
          ...(input.reason === undefined ? {} : { note_to_payer: input.reason.slice(0, 255) }),
        },
        input.idempotencyKey,
      )
      if (result.status >= 300) throw new PaypalRequestError(result.status, result.body)
      const refund = paypalRefundSchema.parse(result.body)
      return {
        status: mapPaypalRefundStatus(refund.status),
        providerReference: refund.id,
      }
    },

    async cancelPayment(input) {
      // An order that is never captured expires at PayPal; nothing to call.
      return { status: 'canceled', providerReference: input.providerReference }
    },

    async parseWebhook(webhook) {
      let event: unknown
      try {
        event = JSON.parse(webhook.rawBody)
      } catch {
        return { ok: false, reason: 'malformed' }
      }
      const headerValues: Record<string, string> = {}
      for (const [field, header] of Object.entries(webhookHeaders)) {
        const value = webhook.headers[header]
        const text = Array.isArray(value) ? value[0] : value
        if (text === undefined) return { ok: false, reason: 'invalid-signature' }
        headerValues[field] = text
      }
      const verification = await call('POST', '/v1/notifications/verify-webhook-signature', {
        ...headerValues,
        webhook_id: options.webhookId,
        webhook_event: event,
      })
      const verified = paypalVerificationSchema.safeParse(verification.body)
      if (
        verification.status >= 300 ||
        !verified.success ||
        verified.data.verification_status !== 'SUCCESS'
      ) {
        return { ok: false, reason: 'invalid-signature' }
      }
      const envelope = paypalWebhookSchema.safeParse(event)
      if (!envelope.success) return { ok: false, reason: 'malformed' }
      const converted = convertFromPaypalWebhook(envelope.data)
      return converted === undefined
        ? { ok: false, reason: 'malformed' }
        : { ok: true, event: converted }
    },
  }
}
