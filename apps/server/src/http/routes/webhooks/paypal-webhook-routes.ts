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
 * `POST /webhooks/paypal`: PayPal's events, verified through PayPal's verify-webhook-signature API
 * with the transmission headers; a delivery repeated any number of times is applied once.
 */
export function createPaypalWebhookRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const payments = context.payments
    if (payments === undefined) return
    app.removeAllContentTypeParsers()
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    app.post(
      '/webhooks/paypal',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Receive a PayPal event (verified with PayPal before it is applied)',
          headers: z.object({
            'paypal-transmission-id': z.string().min(1),
            'paypal-transmission-sig': z.string().min(1),
          }),
          body: z.string(),
          response: { 200: receiptSchema },
        },
      },
      async (request) => receivePaymentWebhook(payments, 'paypal', request, request.body),
    )
  }
}
