import type { FastifyRequest } from 'fastify'
import type { PaymentsService } from '../../../domains/payments/index.ts'
import { AppError } from '../../../shared/app-error.ts'

/** The answer to a provider: received, and whether this delivery changed anything. */
export interface WebhookReceipt {
  received: true
  applied: boolean
  duplicate: boolean
}

/**
 * Hands one webhook delivery (raw body and headers) to the payments service and maps its reasons
 * to HTTP: a bad signature or body is a 400 the provider sees; an unconfigured provider is a 404.
 */
export async function receivePaymentWebhook(
  payments: PaymentsService,
  provider: string,
  request: FastifyRequest,
  rawBody: string,
): Promise<WebhookReceipt> {
  const handled = await payments.handleWebhook(provider, { rawBody, headers: request.headers })
  if (!handled.ok) {
    if (handled.reason === 'unknown-provider') {
      throw new AppError(
        'not-found',
        `Payments through ${provider} are not configured on this server.`,
      )
    }
    throw new AppError(
      'validation',
      handled.reason === 'invalid-signature'
        ? 'The webhook signature is not valid.'
        : 'The webhook body is not understood.',
      { details: { reason: handled.reason } },
    )
  }
  request.log.info(
    {
      provider,
      paymentId: handled.value.paymentId,
      applied: handled.value.applied,
      duplicate: handled.value.duplicate,
    },
    'payment webhook received',
  )
  return { received: true, applied: handled.value.applied, duplicate: handled.value.duplicate }
}
