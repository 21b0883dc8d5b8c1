import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ServerContext } from '../../server-context.ts'
import { receivePaymentWebhook } from './receive-payment-webhook.ts'

const receiptSchema = z.object({
  received: z.literal(true),
  applied: z.boolean(),
  duplicate: z.boolean(),
})

/**
 * `POST /webhooks/stripe`: Stripe's events. The body is kept raw because the `Stripe-Signature`
 * covers the exact bytes; a delivery repeated any number of times is applied once.
 */
export function createStripeWebhookRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const payments = context.payments
    if (payments === undefined) return
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    app.post(
      '/webhooks/stripe',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Receive a Stripe event (signature checked with the webhook signing secret)',
          headers: z.object({ 'stripe-signature': z.string().min(1) }),
          body: z.string(),
          response: { 200: receiptSchema },
        },
      },
      async (request) => receivePaymentWebhook(payments, 'stripe', request, request.body),
    )
  }
}
