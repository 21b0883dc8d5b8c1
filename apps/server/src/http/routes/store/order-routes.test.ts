import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfiguration } from '../../../app/config.ts'
import { createContainer, type Container } from '../../../app/container.ts'
import { buildServer } from '../../build-server.ts'
import { createShopperToken } from '../../shopper-identity.ts'
import { createConversationToken } from '../../ws/conversation-access.ts'

// Ava Moore (ZIP 78234) owns #W4817420 (delivered); Omar Khan owns #W6304490 (delivered); #W6779827 is
// Ethan Lopez's pending order. Every order route is tried with the wrong customer.
const ownOrder = 'W4817420'
const strangerOrders = ['W6304490', 'W6779827']

describe('store order routes', () => {
  let folder: string
  let container: Container
  let app: FastifyInstance
  let avaId: string
  let omarId: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-order-routes-'))
    container = await createContainer(
      loadConfiguration({ KEDAI_DATA_DIR: folder, LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      {
        logger: pino({ level: 'silent' }),
      },
    )
    app = await buildServer(container)
    const db = container.database.db
    avaId = (
      await db
        .selectFrom('customers')
        .select('id')
        .where('handle', '=', 'ava_moore_2033')
        .executeTakeFirstOrThrow()
    ).id
    omarId = (
      await db
        .selectFrom('customers')
        .select('id')
        .where('handle', '=', 'omar_khan_2363')
        .executeTakeFirstOrThrow()
    ).id
  }, 120_000)

  afterAll(async () => {
    await app.close()
    await container.close()
    rmSync(folder, { recursive: true, force: true })
  })

  const conversation = (conversationId: string) => ({
    'x-kedai-conversation-token': createConversationToken(
      conversationId,
      container.configuration.secret,
      container.clock.now(),
    ),
  })
  const verify = (conversationId: string, firstName: string, lastName: string, postcode: string) =>
    app.inject({
      method: 'POST',
      url: '/api/store/verification/name-and-postcode',
      headers: conversation(conversationId),
      payload: { firstName, lastName, postcode },
    })

  const everyOrderRoute = (number: string) => [
    { method: 'GET' as const, url: `/api/store/orders/${number}` },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/cancel`,
      payload: { reason: 'no longer needed' },
    },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/address`,
      payload: {
        address: { line1: '1 Main St', city: 'Austin', postcode: '73301', country: 'USA' },
      },
    },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/items`,
      payload: {
        items: ['6956751343'],
        newItems: ['7160999700'],
        paymentMethod: 'credit_card_4420174',
      },
    },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/payment`,
      payload: { paymentMethod: 'gift_card_8168843' },
    },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/returns`,
      payload: { items: ['6956751343'], paymentMethod: 'credit_card_4420174' },
    },
    {
      method: 'POST' as const,
      url: `/api/store/orders/${number}/exchange`,
      payload: {
        items: ['6956751343'],
        newItems: ['7160999700'],
        paymentMethod: 'credit_card_4420174',
      },
    },
  ]

  it('documents every order route with its inputs when the OpenAPI document is read', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[] }>>
    }
    for (const path of [
      '/api/store/orders/{number}',
      '/api/store/orders/{number}/returns',
      '/api/store/verification/name-and-postcode',
      '/api/console/orders',
      '/api/console/orders/{number}/status',
    ]) {
      expect(Object.keys(document.paths)).toContain(path)
    }
    expect(document.paths['/api/store/orders/{number}/cancel']?.post?.tags).toEqual([
      'store orders',
    ])
  })

  it('asks for identity when an anonymous shopper asks about an order', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/store/orders/${ownOrder}` })
    expect(response.statusCode).toBe(401)
    const unverified = await app.inject({
      method: 'GET',
      url: `/api/store/orders/${ownOrder}`,
      headers: conversation('conv_new'),
    })
    expect(unverified.statusCode).toBe(401)
    const forged = await app.inject({
      method: 'GET',
      url: `/api/store/orders/${ownOrder}`,
      headers: { 'x-kedai-conversation-token': 'conv_ava.forged-signature' },
    })
    expect(forged.statusCode).toBe(401)
  })

  it('discloses nothing of another customer’s order on any route when the shopper is verified in the conversation', async () => {
    expect((await verify('conv_ava', 'Ava', 'Moore', '78234')).json()).toEqual({
      verified: true,
      status: 'verified',
    })
    const own = await app.inject({
      method: 'GET',
      url: `/api/store/orders/${ownOrder}`,
      headers: conversation('conv_ava'),
    })
    expect(own.statusCode).toBe(200)
    expect(own.json()).toMatchObject({ number: '#W4817420', status: 'delivered' })
    for (const number of strangerOrders) {
      for (const route of everyOrderRoute(number)) {
        const response = await app.inject({
          ...route,
          headers: conversation('conv_ava'),
        })
        expect({ url: route.url, status: response.statusCode }).toEqual({
          url: route.url,
          status: 404,
        })
        expect(response.body).not.toContain('Omar')
        expect(response.body).not.toContain('omar')
      }
    }
    const list = await app.inject({
      method: 'GET',
      url: '/api/store/orders',
      headers: conversation('conv_ava'),
    })
    const numbers = (list.json() as { orders: { number: string }[] }).orders.map(
      (order) => order.number,
    )
    expect(numbers).toContain('#W4817420')
    expect(numbers).not.toContain('#W6304490')
  })

  it('discloses nothing of another customer’s order on any route when the shopper is signed in with a token', async () => {
    const token = createShopperToken(omarId, container.configuration.secret, container.clock.now())
    for (const route of everyOrderRoute(ownOrder)) {
      const response = await app.inject({ ...route, headers: { 'x-kedai-shopper-token': token } })
      expect({ url: route.url, status: response.statusCode }).toEqual({
        url: route.url,
        status: 404,
      })
    }
    const own = await app.inject({
      method: 'GET',
      url: '/api/store/orders/W6304490',
      headers: { 'x-kedai-shopper-token': token },
    })
    expect(own.statusCode).toBe(200)
  })

  it('locks the conversation and records verification.locked when the shopper fails verification three times', async () => {
    expect((await verify('conv_mallory', 'Ava', 'Moore', '11111')).json()).toEqual({
      verified: false,
      status: 'unverified',
      reason: 'no-match',
      attemptsLeft: 2,
    })
    expect((await verify('conv_mallory', 'Ava', 'Moore', '22222')).json()).toMatchObject({
      attemptsLeft: 1,
    })
    const third = await app.inject({
      method: 'POST',
      url: '/api/store/verification/email-and-order',
      headers: conversation('conv_mallory'),
      payload: {
        email: 'ava.moore6020@example.com',
        orderNumber: 'W6304490',
      },
    })
    expect(third.json()).toEqual({
      verified: false,
      status: 'locked',
      reason: 'locked',
      attemptsLeft: 0,
    })
    expect((await verify('conv_mallory', 'Ava', 'Moore', '78234')).json()).toMatchObject({
      verified: false,
      status: 'locked',
    })
    const response = await app.inject({
      method: 'GET',
      url: `/api/store/orders/${ownOrder}`,
      headers: conversation('conv_mallory'),
    })
    expect(response.statusCode).toBe(403)
    const locked = await container.database.db
      .selectFrom('domain_events')
      .select('type')
      .where('aggregate_id', '=', 'conv_mallory')
      .execute()
    expect(locked.map((event) => event.type)).toContain('verification.locked')
  })

  it('escalates the conversation to a person when its shopper is locked out', async () => {
    const opened = await app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: { channel: 'web', locale: 'en' },
    })
    expect(opened.statusCode).toBe(201)
    const { conversation, conversationToken } = opened.json() as {
      conversation: { id: string }
      conversationToken: string
    }
    const headers = { 'x-kedai-conversation-token': conversationToken }
    for (const postcode of ['10001', '10002', '10003']) {
      await app.inject({
        method: 'POST',
        url: '/api/store/verification/name-and-postcode',
        headers,
        payload: { firstName: 'Ava', lastName: 'Moore', postcode },
      })
    }
    const handOver = await container.handOff?.inbox.findOpenHandOver(conversation.id)
    expect(handOver).toBeDefined()
    expect(
      (await app.inject({ method: 'GET', url: '/api/store/orders', headers })).statusCode,
    ).toBe(403)
  })

  it('starts a return and serves its PDF label only to the right customer when the link is used', async () => {
    const started = await app.inject({
      method: 'POST',
      url: `/api/store/orders/${ownOrder}/returns`,
      headers: conversation('conv_ava'),
      payload: { items: ['6777246137'], paymentMethod: 'gift_card_8168843' },
    })
    expect(started.statusCode).toBe(200)
    const body = started.json() as {
      rmaNumber: string
      labelUrl: string
      order: { status: string }
    }
    expect(body.rmaNumber).toBe('RMA-4817420-1')
    expect(body.order.status).toBe('return-requested')
    const path = body.labelUrl.slice(body.labelUrl.indexOf('/api/'))
    const label = await app.inject({ method: 'GET', url: path })
    expect(label.statusCode).toBe(200)
    expect(label.headers['content-type']).toBe('application/pdf')
    expect(label.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const omarToken = createShopperToken(
      omarId,
      container.configuration.secret,
      container.clock.now(),
    )
    expect(
      (
        await app.inject({
          method: 'GET',
          url: path,
          headers: { 'x-kedai-shopper-token': omarToken },
        })
      ).statusCode,
    ).toBe(403)
    const avaToken = createShopperToken(
      avaId,
      container.configuration.secret,
      container.clock.now(),
    )
    expect(
      (
        await app.inject({
          method: 'GET',
          url: path,
          headers: { 'x-kedai-shopper-token': avaToken },
        })
      ).statusCode,
    ).toBe(200)
    const tampered = path.replace(
      /token=([^&]+)/,
      (_match, token: string) => `token=${token.slice(0, -4)}AAAA`,
    )
    expect((await app.inject({ method: 'GET', url: tampered })).statusCode).toBe(401)
  })

  it('answers a refused operation with 409 and a machine reason when the policy forbids it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/store/orders/${ownOrder}/cancel`,
      headers: conversation('conv_ava'),
      payload: { reason: 'no longer needed' },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({
      error: { code: 'conflict', details: { reason: 'not-pending' } },
    })
    const invalid = await app.inject({
      method: 'POST',
      url: `/api/store/orders/${ownOrder}/cancel`,
      headers: conversation('conv_ava'),
      payload: { reason: 'bored' },
    })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json()).toMatchObject({ error: { code: 'validation' } })
  })

  it('lets only signed-in staff search orders by e-mail when the console is used', async () => {
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/console/orders?email=ava.moore6020@example.com',
        })
      ).statusCode,
    ).toBe(401)
    const session = await app.inject({
      method: 'POST',
      url: '/api/console/session',
      payload: { email: 'aisha@kedai.example', password: 'kedai-demo' },
    })
    const token = (session.json() as { token: string }).token
    const headers = { authorization: `Bearer ${token}` }
    const found = await app.inject({
      method: 'GET',
      url: '/api/console/orders?email=ava.moore6020@example.com',
      headers,
    })
    expect(found.statusCode).toBe(200)
    expect(
      (found.json() as { orders: { number: string }[] }).orders.map((order) => order.number),
    ).toContain('#W4817420')
    const byNumber = await app.inject({
      method: 'GET',
      url: '/api/console/orders?number=W6304490',
      headers,
    })
    expect((byNumber.json() as { orders: { customerId: string }[] }).orders[0]?.customerId).toBe(
      omarId,
    )
    expect(
      (await app.inject({ method: 'GET', url: '/api/console/orders', headers })).statusCode,
    ).toBe(400)
    const badStatus = await app.inject({
      method: 'POST',
      url: '/api/console/orders/W6304490/status',
      headers,
      payload: { status: 'teleported' },
    })
    expect(badStatus.statusCode).toBe(400)
    const processed = await app.inject({
      method: 'POST',
      url: '/api/console/orders/W6779827/status',
      headers,
      payload: { status: 'processed' },
    })
    expect(processed.json()).toMatchObject({ number: '#W6779827', status: 'processed' })
    const skipped = await app.inject({
      method: 'POST',
      url: '/api/console/orders/W6779827/status',
      headers,
      payload: { status: 'delivered' },
    })
    expect(skipped.statusCode).toBe(409)
    expect(skipped.json()).toMatchObject({ error: { details: { reason: 'invalid-transition' } } })
    const shipped = await app.inject({
      method: 'POST',
      url: '/api/console/orders/W6779827/status',
      headers,
      payload: { status: 'shipped' },
    })
    const tracking = (
      shipped.json() as { tracking: { fulfillments: { carrier: string; trackingUrl: string }[] } }
    ).tracking
    expect(tracking.fulfillments.at(-1)?.carrier).toBe('demo-express')
    expect(tracking.fulfillments.at(-1)?.trackingUrl).toMatch(
      /^https:\/\/track\.kedai\.example\/KDX/,
    )
    const exchange = await app.inject({
      method: 'POST',
      url: '/api/console/orders/W6304490/exchange',
      headers,
      payload: {
        items: ['6956751343'],
        newItems: ['6843647669'],
        paymentMethod: 'credit_card_4420174',
      },
    })
    expect(exchange.statusCode).toBe(200)
    expect(exchange.json()).toMatchObject({
      order: { status: 'exchange-requested' },
      rmaNumber: 'RMA-6304490-1',
    })
    const erase = await app.inject({
      method: 'POST',
      url: `/api/console/customers/${omarId}/erase`,
      headers,
    })
    expect(erase.statusCode).toBe(403)
  })
})
