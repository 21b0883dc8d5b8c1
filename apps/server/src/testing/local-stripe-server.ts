import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Test support: a local HTTP server speaking the Stripe endpoints Kedai calls, answering with the
 * recorded payloads in `adapters/payment-stripe/__fixtures__` (echoing amounts, currency, metadata and
 * capture method like Stripe does) and honouring `Idempotency-Key` like Stripe: a repeated key
 * replays the first answer and changes nothing. A test may take it down for some requests (503) or
 * have refunds created `pending`.
 */

const fixturesDirectory = new URL('../adapters/payment-stripe/__fixtures__/', import.meta.url)

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8')) as Record<
    string,
    unknown
  >
}

/** One request the server received. */
export interface LocalStripeRequest {
  readonly method: string
  readonly path: string
  readonly idempotencyKey: string | undefined
  readonly form: URLSearchParams
  /** True when it was answered from the idempotency store. */
  readonly replayed: boolean
}

/** Test cards as Stripe's test payment methods. */
export const localStripeTestPaymentMethods = {
  approve: 'pm_card_visa',
  decline: 'pm_card_visa_chargeDeclined',
  threeDSecure: 'pm_card_authenticationRequired',
} as const

/** A running local Stripe server. */
export interface LocalStripeServer {
  readonly url: string
  readonly requests: LocalStripeRequest[]
  /** PaymentIntents by id, as the server holds them. */
  readonly paymentIntents: Map<string, Record<string, unknown>>
  /** The recorded `payment_intent.succeeded` event. */
  readonly recordedSucceededEvent: Record<string, unknown>
  /**
   * Stripe is down for the next `count` requests: they are answered 503 (an `api_error`, with
   * `Stripe-Should-Retry: false` so the SDK does not retry on its own) and nothing is stored.
   */
  failNextRequests(count: number): void
  /** The next refunds are created with this status (`pending` until a `refund.updated` says more). */
  setRefundStatus(status: 'succeeded' | 'pending' | 'failed'): void
  close(): Promise<void>
}

/** Starts the server on a free loopback port. */
export async function startLocalStripeServer(
  options: { port?: number } = {},
): Promise<LocalStripeServer> {
  const recordedEvent = fixture('payment-intent-succeeded.event.json')
  const baseIntent = (recordedEvent.data as { object: Record<string, unknown> }).object
  const paymentIntents = new Map<string, Record<string, unknown>>()
  const sessions = new Map<string, Record<string, unknown>>()
  const idempotent = new Map<string, { status: number; body: unknown }>()
  const requests: LocalStripeRequest[] = []
  let intentCount = 0
  let refundCount = 0
  let sessionCount = 0
  const refunded = new Map<string, number>()
  let failuresLeft = 0
  let refundStatus = 'succeeded'

  const error = (status: number, type: string, code: string, message: string) => ({
    status,
    body: { error: { type, code, message } },
  })

  function metadataOf(form: URLSearchParams, prefix = 'metadata'): Record<string, string> {
    const metadata: Record<string, string> = {}
    for (const [key, value] of form) {
      const match = new RegExp(`^${prefix.replace(/[[\]]/g, '\\$&')}\\[([^\\]]+)\\]$`).exec(key)
      if (match?.[1] !== undefined) metadata[match[1]] = value
    }
    return metadata
  }

  function handle(
    method: string,
    path: string,
    form: URLSearchParams,
  ): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/payment_intents') {
      intentCount += 1
      const id = `pi_NORMALIZED${String(intentCount).padStart(14, '0')}`
      const amount = Number(form.get('amount'))
      const manual = form.get('capture_method') === 'manual'
      const paymentMethod = form.get('payment_method') ?? ''
      const intent: Record<string, unknown> = {
        ...baseIntent,
        id,
        client_secret: `${id}_secret_local`,
        amount,
        currency: form.get('currency'),
        description: form.get('description'),
        metadata: metadataOf(form),
        capture_method: manual ? 'manual' : 'automatic',
        status: manual ? 'requires_capture' : 'succeeded',
        amount_capturable: manual ? amount : 0,
        amount_received: manual ? 0 : amount,
      }
      if (paymentMethod === localStripeTestPaymentMethods.decline) {
        const declinedIntent = {
          ...intent,
          status: 'requires_payment_method',
          amount_received: 0,
          amount_capturable: 0,
          last_payment_error: { code: 'card_declined', decline_code: 'generic_decline' },
        }
        paymentIntents.set(id, declinedIntent)
        const recorded = fixture('card-declined.error.json') as { error: Record<string, unknown> }
        return {
          status: 402,
          body: { error: { ...recorded.error, payment_intent: declinedIntent } },
        }
      }
      if (paymentMethod === localStripeTestPaymentMethods.threeDSecure) {
        const next = fixture('next-action-redirect-to-url.json')
        Object.assign(intent, {
          status: 'requires_action',
          amount_received: 0,
          amount_capturable: 0,
          next_action: next,
        })
      }
      paymentIntents.set(id, intent)
      return { status: 200, body: intent }
    }
    const intentAction = /^\/v1\/payment_intents\/([^/]+)\/(confirm|capture|cancel)$/.exec(path)
    if (method === 'POST' && intentAction !== null) {
      const [, id = '', action] = intentAction
      const intent = paymentIntents.get(id)
      if (intent === undefined)
        return error(
          404,
          'invalid_request_error',
          'resource_missing',
          `No such payment_intent: '${id}'`,
        )
      if (action === 'confirm') {
        if (intent.status !== 'requires_action' && intent.status !== 'requires_confirmation') {
          return error(
            400,
            'invalid_request_error',
            'payment_intent_unexpected_state',
            'This PaymentIntent cannot be confirmed.',
          )
        }
        const manual = intent.capture_method === 'manual'
        Object.assign(intent, {
          status: manual ? 'requires_capture' : 'succeeded',
          next_action: null,
          amount_capturable: manual ? intent.amount : 0,
          amount_received: manual ? 0 : intent.amount,
        })
      } else if (action === 'capture') {
        if (intent.status !== 'requires_capture') {
          return error(
            400,
            'invalid_request_error',
            'payment_intent_unexpected_state',
            'This PaymentIntent could not be captured because it has a status of ' +
              String(intent.status) +
              '.',
          )
        }
        const amount = Number(form.get('amount_to_capture') ?? intent.amount)
        Object.assign(intent, {
          status: 'succeeded',
          amount_received: amount,
          amount_capturable: 0,
        })
      } else {
        if (intent.status === 'succeeded' || intent.status === 'canceled') {
          return error(
            400,
            'invalid_request_error',
            'payment_intent_unexpected_state',
            'You cannot cancel this PaymentIntent because it has a status of ' +
              String(intent.status) +
              '.',
          )
        }
        Object.assign(intent, {
          status: 'canceled',
          cancellation_reason: 'requested_by_customer',
          amount_capturable: 0,
        })
      }
      return { status: 200, body: intent }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const id = form.get('payment_intent') ?? ''
      const intent = paymentIntents.get(id)
      if (intent === undefined)
        return error(
          404,
          'invalid_request_error',
          'resource_missing',
          `No such payment_intent: '${id}'`,
        )
      const received = Number(intent.amount_received)
      const amount = Number(form.get('amount') ?? received)
      const already = refunded.get(id) ?? 0
      if (amount + already > received) {
        return error(
          400,
          'invalid_request_error',
          'amount_too_large',
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${received - already})`,
        )
      }
      refunded.set(id, already + amount)
      refundCount += 1
      return {
        status: 200,
        body: {
          ...fixture('refund.json'),
          id: `re_local${String(refundCount).padStart(6, '0')}`,
          status: refundStatus,
          amount,
          payment_intent: id,
          currency: intent.currency,
          metadata: metadataOf(form),
        },
      }
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      sessionCount += 1
      const id = `cs_test_local${String(sessionCount).padStart(6, '0')}`
      const session = {
        ...fixture('checkout-session.json'),
        id,
        mode: 'payment',
        url: `https://checkout.stripe.com/c/pay/${id}`,
        client_reference_id: form.get('client_reference_id'),
        success_url: form.get('success_url'),
        cancel_url: form.get('cancel_url'),
        currency: form.get('line_items[0][price_data][currency]'),
        amount_total: Number(form.get('line_items[0][price_data][unit_amount]')),
        amount_subtotal: Number(form.get('line_items[0][price_data][unit_amount]')),
        metadata: metadataOf(form),
        payment_status: 'unpaid',
        setup_intent: null,
        customer: null,
      }
      sessions.set(id, session)
      return { status: 200, body: session }
    }
    const sessionRead = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)
    if (method === 'GET' && sessionRead !== null) {
      const session = sessions.get(sessionRead[1] ?? '')
      return session === undefined
        ? error(404, 'invalid_request_error', 'resource_missing', 'No such checkout session')
        : { status: 200, body: session }
    }
    return error(
      404,
      'invalid_request_error',
      'resource_missing',
      `Unrecognized request URL (${method}: ${path}).`,
    )
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = ''
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    request.on('end', () => {
      const method = request.method ?? 'GET'
      const url = new URL(request.url ?? '/', 'http://localhost')
      const form = new URLSearchParams(method === 'GET' ? url.search : raw)
      const keyHeader = request.headers['idempotency-key']
      const idempotencyKey = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader
      const send = (answer: { status: number; body: unknown }, replayed: boolean) => {
        requests.push({ method, path: url.pathname, idempotencyKey, form, replayed })
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          'request-id': `req_local${requests.length}`,
          ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
          ...(answer.status >= 500 ? { 'stripe-should-retry': 'false' } : {}),
        })
        response.end(JSON.stringify(answer.body))
      }
      if (failuresLeft > 0) {
        failuresLeft -= 1
        send(error(503, 'api_error', 'service_unavailable', 'Stripe is unavailable.'), false)
        return
      }
      if (!/^Bearer sk_test_/.test(request.headers.authorization ?? '')) {
        send(
          error(401, 'invalid_request_error', 'api_key_invalid', 'Invalid API Key provided'),
          false,
        )
        return
      }
      const storeKey =
        idempotencyKey === undefined ? undefined : `${method} ${url.pathname} ${idempotencyKey}`
      const previous = storeKey === undefined ? undefined : idempotent.get(storeKey)
      if (previous !== undefined) {
        send(previous, true)
        return
      }
      const answer = handle(method, url.pathname, form)
      // Stripe stores the first answer of a key unless it was a server error.
      if (storeKey !== undefined && answer.status < 500)
        idempotent.set(storeKey, JSON.parse(JSON.stringify(answer)) as typeof answer)
      send(answer, false)
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    paymentIntents,
    recordedSucceededEvent: recordedEvent,
    failNextRequests(count) {
      failuresLeft = count
    },
    setRefundStatus(status) {
      refundStatus = status
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
