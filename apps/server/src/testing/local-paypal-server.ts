import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Test support: a local HTTP server speaking the PayPal endpoints Kedai calls (OAuth token, Orders
 * v2 create/get/capture, Payments v2 refund, verify-webhook-signature) with the recorded payloads in
 * `adapters/payment-paypal/__fixtures__`, honouring `PayPal-Request-Id` like PayPal: a repeated id
 * replays the first answer. The first order and capture carry the ids of the recorded webhooks.
 */

const fixturesDirectory = new URL('../adapters/payment-paypal/__fixtures__/', import.meta.url)

/** Reads a recorded PayPal payload. */
export function readPaypalFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, fixturesDirectory), 'utf8')) as Record<
    string,
    unknown
  >
}

/** Credentials the local server accepts. */
export const localPaypalCredentials = {
  clientId: 'local-client-id',
  clientSecret: 'local-client-secret',
  webhookId: 'WH-LOCAL-WEBHOOK-ID',
  /** The only transmission signature the local verify endpoint accepts. */
  validSignature: 'local-valid-transmission-signature',
} as const

interface LocalOrder {
  id: string
  status: string
  amount: { currency_code: string; value: string }
  customId: string | undefined
  captureId: string | undefined
  refunded: number
}

/** One request the server received. */
export interface LocalPaypalRequest {
  readonly method: string
  readonly path: string
  readonly requestId: string | undefined
  readonly replayed: boolean
}

/** A running local PayPal server. */
export interface LocalPaypalServer {
  readonly url: string
  readonly requests: LocalPaypalRequest[]
  /** The buyer approves an order at PayPal. */
  approve(orderId: string): void
  /** The next capture is declined by the buyer's bank. */
  declineNextCapture(): void
  /** Refunds are created with this status from now on (`PENDING` until a webhook says more). */
  setRefundStatus(status: 'COMPLETED' | 'PENDING'): void
  close(): Promise<void>
}

/** Starts the server on a free loopback port. */
export async function startLocalPaypalServer(): Promise<LocalPaypalServer> {
  const orders = new Map<string, LocalOrder>()
  const replies = new Map<string, { status: number; body: unknown }>()
  const requests: LocalPaypalRequest[] = []
  const token = readPaypalFixture('oauth-token.json').access_token as string
  const recordedOrderId = (
    readPaypalFixture('webhook-checkout-order-approved.json').resource as { id: string }
  ).id
  const recordedCaptureId = (
    readPaypalFixture('webhook-payment-capture-completed.json').resource as { id: string }
  ).id
  let orderCount = 0
  let captureCount = 0
  let refundCount = 0
  let declineNext = false
  let refundStatus = 'COMPLETED'

  const orderBody = (order: LocalOrder) => {
    if (order.status === 'COMPLETED') {
      const captured = readPaypalFixture('order-captured.json') as {
        purchase_units: Array<{ payments: { captures: Array<Record<string, unknown>> } }>
      }
      const unit = captured.purchase_units[0]
      const capture = unit?.payments.captures[0]
      if (unit !== undefined && capture !== undefined) {
        Object.assign(unit, { reference_id: order.customId, custom_id: order.customId })
        Object.assign(capture, {
          id: order.captureId,
          amount: order.amount,
          custom_id: order.customId,
        })
      }
      return { ...captured, id: order.id }
    }
    const created = readPaypalFixture('order-created.json') as {
      links: Array<{ href: string; rel: string }>
    }
    return {
      ...created,
      id: order.id,
      status: order.status,
      links: created.links.map((link) => ({
        ...link,
        href: link.href.replaceAll('5O190127TN364715T', order.id),
      })),
    }
  }

  function handle(
    method: string,
    path: string,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    const unprocessable = (issue: string) => ({
      status: 422,
      body: { ...readPaypalFixture('instrument-declined.error.json'), details: [{ issue }] },
    })
    if (method === 'POST' && path === '/v2/checkout/orders') {
      orderCount += 1
      const unit = (
        body.purchase_units as
          Array<{ amount: LocalOrder['amount']; custom_id?: string }> | undefined
      )?.[0]
      if (unit === undefined)
        return {
          status: 400,
          body: { name: 'INVALID_REQUEST', message: 'purchase_units is required' },
        }
      const id = orderCount === 1 ? recordedOrderId : `LOCAL${String(orderCount).padStart(12, '0')}`
      const order: LocalOrder = {
        id,
        status: 'PAYER_ACTION_REQUIRED',
        amount: unit.amount,
        customId: unit.custom_id,
        captureId: undefined,
        refunded: 0,
      }
      orders.set(id, order)
      return { status: 200, body: orderBody(order) }
    }
    const orderMatch = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(path)
    if (orderMatch !== null) {
      const order = orders.get(orderMatch[1] ?? '')
      if (order === undefined)
        return {
          status: 404,
          body: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' },
        }
      if (method === 'GET' && orderMatch[2] === undefined)
        return { status: 200, body: orderBody(order) }
      if (method === 'POST' && orderMatch[2] === '/capture') {
        if (order.status === 'COMPLETED') return unprocessable('ORDER_ALREADY_CAPTURED')
        if (order.status !== 'APPROVED') return unprocessable('ORDER_NOT_APPROVED')
        if (declineNext) {
          declineNext = false
          return unprocessable('INSTRUMENT_DECLINED')
        }
        captureCount += 1
        order.status = 'COMPLETED'
        order.captureId =
          captureCount === 1 ? recordedCaptureId : `CAP${String(captureCount).padStart(14, '0')}`
        return { status: 201, body: orderBody(order) }
      }
    }
    const refundMatch = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path)
    if (method === 'POST' && refundMatch !== null) {
      const order = [...orders.values()].find((candidate) => candidate.captureId === refundMatch[1])
      if (order === undefined)
        return {
          status: 404,
          body: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' },
        }
      const amount = Math.round(
        Number((body.amount as { value?: string } | undefined)?.value ?? order.amount.value) * 100,
      )
      if (order.refunded + amount > Math.round(Number(order.amount.value) * 100))
        return unprocessable('REFUND_AMOUNT_EXCEEDED')
      order.refunded += amount
      refundCount += 1
      return {
        status: 201,
        body: {
          ...readPaypalFixture('refund.json'),
          id: `REFUND${String(refundCount).padStart(11, '0')}`,
          status: refundStatus,
        },
      }
    }
    if (method === 'POST' && path === '/v1/notifications/verify-webhook-signature') {
      const valid =
        body.transmission_sig === localPaypalCredentials.validSignature &&
        body.webhook_id === localPaypalCredentials.webhookId
      return {
        status: 200,
        body: {
          ...readPaypalFixture('verify-webhook-signature.json'),
          verification_status: valid ? 'SUCCESS' : 'FAILURE',
        },
      }
    }
    return {
      status: 404,
      body: { name: 'RESOURCE_NOT_FOUND', message: `No route for ${method} ${path}` },
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = ''
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    request.on('end', () => {
      const method = request.method ?? 'GET'
      const path = new URL(request.url ?? '/', 'http://localhost').pathname
      const header = request.headers['paypal-request-id']
      const requestId = Array.isArray(header) ? header[0] : header
      const send = (answer: { status: number; body: unknown }, replayed: boolean) => {
        requests.push({ method, path, requestId, replayed })
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          'paypal-debug-id': `local${requests.length}`,
        })
        response.end(JSON.stringify(answer.body))
      }
      if (path === '/v1/oauth2/token') {
        const expected = `Basic ${Buffer.from(`${localPaypalCredentials.clientId}:${localPaypalCredentials.clientSecret}`).toString('base64')}`
        if (request.headers.authorization !== expected || raw !== 'grant_type=client_credentials') {
          send(
            {
              status: 401,
              body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
            },
            false,
          )
          return
        }
        send({ status: 200, body: readPaypalFixture('oauth-token.json') }, false)
        return
      }
      if (request.headers.authorization !== `Bearer ${token}`) {
        send(
          {
            status: 401,
            body: {
              name: 'AUTHENTICATION_FAILURE',
              message:
                'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
            },
          },
          false,
        )
        return
      }
      const storeKey = requestId === undefined ? undefined : `${path} ${requestId}`
      const previous = storeKey === undefined ? undefined : replies.get(storeKey)
      if (previous !== undefined) {
        send(previous, true)
        return
      }
      let body: Record<string, unknown> = {}
      try {
        body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>)
      } catch {
        send(
          { status: 400, body: { name: 'INVALID_REQUEST', message: 'Request is not well-formed' } },
          false,
        )
        return
      }
      const answer = handle(method, path, body)
      if (storeKey !== undefined && answer.status < 500) replies.set(storeKey, answer)
      send(answer, false)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    approve(orderId) {
      const order = orders.get(orderId)
      if (order !== undefined) order.status = 'APPROVED'
    },
    declineNextCapture() {
      declineNext = true
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
