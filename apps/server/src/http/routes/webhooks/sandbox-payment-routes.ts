import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../shared/app-error.ts'
import type { ServerContext } from '../../server-context.ts'
import { receivePaymentWebhook } from './receive-payment-webhook.ts'
import { renderSandboxPaymentPage, renderSandboxThreeDSecurePage } from './sandbox-payment-page.ts'

const paymentParams = z.object({
  paymentId: z.string().regex(/^pay_[a-z0-9]+$/, 'expected a payment id (pay_…)'),
})
const receiptSchema = z.object({
  received: z.literal(true),
  applied: z.boolean(),
  duplicate: z.boolean(),
})

const declineMessages: Record<string, string> = {
  'card-declined': 'Your card was declined. Try another card.',
  'insufficient-funds': 'Your card has insufficient funds. Try another card.',
  'invalid-card-number': 'That card number is not valid. Check the digits and try again.',
}

/**
 * The sandbox provider's hosted pages: the test payment page of a payment link (the shopper "pays"
 * with a test card, tokenized at once and never stored or logged), the simulated 3-D Secure step,
 * and `POST /webhooks/sandbox` for signed sandbox events.
 */
export function createSandboxPaymentRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const payments = context.payments
    if (payments === undefined || !payments.providerNames.includes('sandbox')) return
    app.removeAllContentTypeParsers()
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    )
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))

    async function sandboxPayment(paymentId: string) {
      const payment = await payments?.getPayment(paymentId)
      if (payment === undefined || payment.provider !== 'sandbox') {
        throw new AppError('not-found', `No sandbox payment ${paymentId}.`)
      }
      return payment
    }

    app.get(
      '/sandbox/payments/:paymentId',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Hosted test payment page of a sandbox payment link',
          params: paymentParams,
        },
      },
      async (request, reply) => {
        const payment = await sandboxPayment(request.params.paymentId)
        return reply.type('text/html; charset=utf-8').send(renderSandboxPaymentPage(payment))
      },
    )

    app.post(
      '/sandbox/payments/:paymentId',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Pay a sandbox payment link with a test card',
          params: paymentParams,
          body: z.object({ cardNumber: z.string().min(1).max(32) }),
        },
      },
      async (request, reply) => {
        const payment = await sandboxPayment(request.params.paymentId)
        const result = await payments.payWithCard(payment.id, { number: request.body.cardNumber })
        if (result.ok) {
          if (result.value.status === 'requires-action' && result.value.nextActionUrl !== null) {
            return reply.redirect(result.value.nextActionUrl, 303)
          }
          return reply.type('text/html; charset=utf-8').send(renderSandboxPaymentPage(result.value))
        }
        if (result.reason === 'not-found')
          throw new AppError('not-found', `No sandbox payment ${payment.id}.`)
        if (result.reason === 'not-payable')
          throw new AppError('conflict', 'This payment can no longer be paid.')
        const reason =
          result.reason === 'declined' ? (result.declineReason ?? 'card-declined') : result.reason
        const message =
          declineMessages[reason] ?? 'The payment did not go through. Try another card.'
        return reply
          .status(402)
          .type('text/html; charset=utf-8')
          .send(renderSandboxPaymentPage(await sandboxPayment(payment.id), message))
      },
    )

    app.get(
      '/sandbox/payments/:paymentId/three-d-secure',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Simulated 3-D Secure challenge',
          params: paymentParams,
        },
      },
      async (request, reply) => {
        const payment = await sandboxPayment(request.params.paymentId)
        return reply.type('text/html; charset=utf-8').send(renderSandboxThreeDSecurePage(payment))
      },
    )

    app.post(
      '/sandbox/payments/:paymentId/three-d-secure',
      {
        schema: {
          tags: ['sandbox'],
          summary: 'Complete the simulated 3-D Secure challenge',
          params: paymentParams,
        },
      },
      async (request, reply) => {
        const payment = await sandboxPayment(request.params.paymentId)
        const result = await payments.completePayment(payment.id)
        if (!result.ok && result.reason === 'not-payable')
          throw new AppError('conflict', 'This payment can no longer be paid.')
        return reply
          .type('text/html; charset=utf-8')
          .send(renderSandboxPaymentPage(await sandboxPayment(payment.id)))
      },
    )

    app.post(
      '/webhooks/sandbox',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Receive a signed sandbox payment event',
          headers: z.object({ 'x-kedai-sandbox-signature': z.string().min(1) }),
          body: z.string(),
          response: { 200: receiptSchema },
        },
      },
      async (request) => receivePaymentWebhook(payments, 'sandbox', request, request.body),
    )
  }
}
