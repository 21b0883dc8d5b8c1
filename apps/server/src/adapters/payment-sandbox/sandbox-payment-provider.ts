import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type {
  PaymentMethodInput,
  PaymentOutcome,
  PaymentProvider,
  PaymentWebhookKind,
} from '../../domains/payments/index.ts'
import { paymentWebhookKinds } from '../../domains/payments/index.ts'
import {
  parseSandboxToken,
  sandboxDeclineReasons,
  tokenizeSandboxCard,
} from './sandbox-test-cards.ts'

/** Options of the sandbox provider. */
export interface SandboxPaymentProviderOptions {
  /** Base URL of this Kedai server: the hosted test pages are served there. */
  readonly publicUrl: string
  /** Signs and verifies sandbox webhooks (HMAC-SHA256). */
  readonly webhookSecret: string
}

/** Header carrying a sandbox webhook's signature. */
export const sandboxSignatureHeader = 'x-kedai-sandbox-signature'

const sandboxWebhookSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(paymentWebhookKinds),
  paymentId: z.string().min(1),
  amount: z.number().int().nonnegative().optional(),
})

/** A sandbox webhook body. */
export type SandboxWebhookBody = z.infer<typeof sandboxWebhookSchema>

/** Signs a sandbox webhook body the way {@link createSandboxPaymentProvider} verifies it. */
export function signSandboxWebhook(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex')
}

/**
 * The default payment provider: no account needed, deterministic test cards (4242… approves,
 * 4000 0000 0000 0002 declines, 4000 0027 6000 3184 asks for 3-D Secure), and hosted test pages for
 * payment links served by Kedai itself (`/sandbox/payments/:id`). Stateless: the token says what the
 * card does, the reference says which payment it is.
 */
export function createSandboxPaymentProvider(
  options: SandboxPaymentProviderOptions,
): PaymentProvider {
  const pageUrl = (paymentId: string) => `${options.publicUrl}/sandbox/payments/${paymentId}`
  const paymentIdOf = (reference: string) => reference.replace(/^sbx_/, '')

  function outcomeForMethod(
    paymentId: string,
    method: PaymentMethodInput | undefined,
    captureMode: 'automatic' | 'manual',
  ): PaymentOutcome {
    const providerReference = `sbx_${paymentId}`
    const approved: PaymentOutcome = {
      status: captureMode === 'automatic' ? 'captured' : 'authorized',
      providerReference,
    }
    if (method === undefined) return approved
    if (method.kind === 'hosted-page') {
      return { status: 'requires-action', providerReference, nextActionUrl: pageUrl(paymentId) }
    }
    const token = parseSandboxToken(method.token)
    if (token === undefined) {
      return { status: 'declined', providerReference, declineReason: 'incorrect-card-details' }
    }
    const declineReason = sandboxDeclineReasons[token.behaviour]
    if (declineReason !== undefined) {
      return { status: 'declined', providerReference, declineReason, card: token.card }
    }
    if (token.behaviour === 'three-d-secure') {
      return {
        status: 'requires-action',
        providerReference,
        nextActionUrl: `${pageUrl(paymentId)}/three-d-secure`,
        card: token.card,
      }
    }
    return { ...approved, card: token.card }
  }

  return {
    name: 'sandbox',
    async initiatePayment(input) {
      return outcomeForMethod(input.paymentId, input.paymentMethod, input.captureMode)
    },
    async authorizePayment(input) {
      return outcomeForMethod(
        paymentIdOf(input.providerReference),
        input.paymentMethod,
        input.captureMode,
      )
    },
    async capturePayment(input) {
      return {
        status: 'captured',
        providerReference: input.providerReference,
        capturedAmount: input.amount.amount,
      }
    },
    async refundPayment(input) {
      const digest = createHmac('sha256', 'sandbox-refund')
        .update(input.idempotencyKey)
        .digest('hex')
      return { status: 'refunded', providerReference: `sbx_re_${digest.slice(0, 16)}` }
    },
    async cancelPayment(input) {
      return { status: 'canceled', providerReference: input.providerReference }
    },
    async parseWebhook(webhook) {
      const header = webhook.headers[sandboxSignatureHeader]
      const signature = Array.isArray(header) ? header[0] : header
      const expected = signSandboxWebhook(webhook.rawBody, options.webhookSecret)
      if (
        signature === undefined ||
        signature.length !== expected.length ||
        !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
      ) {
        return { ok: false, reason: 'invalid-signature' }
      }
      let json: unknown
      try {
        json = JSON.parse(webhook.rawBody)
      } catch {
        return { ok: false, reason: 'malformed' }
      }
      const parsed = sandboxWebhookSchema.safeParse(json)
      if (!parsed.success) return { ok: false, reason: 'malformed' }
      const kind: PaymentWebhookKind = parsed.data.kind
      return {
        ok: true,
        event: {
          eventId: parsed.data.id,
          providerType: kind,
          kind,
          paymentId: parsed.data.paymentId,
          providerReference: `sbx_${parsed.data.paymentId}`,
          amount: parsed.data.amount,
        },
      }
    },
    tokenizeCard(card) {
      return tokenizeSandboxCard(card.number)
    },
  }
}
