import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConversationMessage } from '../../../domains/conversations/index.ts'
import { buildServer } from '../../../http/build-server.ts'
import { createShopperToken } from '../../../http/shopper-identity.ts'
import {
  createContainerTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { demoOrderAt, listDemoOrders, type DemoOrder } from '../../../testing/demo-orders.ts'

// pdf-parse 1.1's entry file runs a self-test when imported directly; its library file does not.
const pdfParse = createRequire(import.meta.url)('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>

/** The path and query of the file message's link (`/api/store/orders/…/invoice?token=…`). */
function invoicePathOf(replies: readonly ConversationMessage[]): string {
  const file = replies.find((reply) => reply.content.type === 'file')
  if (file?.content.type !== 'file') throw new Error('no file message among the replies')
  return file.content.url.slice(file.content.url.indexOf('/api/'))
}

describe('invoice flow (verification, PDF invoice behind a signed expiring link)', () => {
  let environment: TranscriptEnvironment
  let app: FastifyInstance
  let delivered: DemoOrder[]
  let cancelled: DemoOrder[]

  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment()
    const container = environment.container
    if (container === undefined) throw new Error('the environment has no container')
    app = await buildServer(container)
    const rows = await listDemoOrders(environment.database.db)
    const pick = (status: string) => rows.filter((row) => row.status === status)
    delivered = pick('delivered')
    cancelled = pick('cancelled')
  }, 120_000)
  afterAll(async () => {
    await app.close()
    await environment.dispose()
  })

  it.each([
    [
      'en',
      'I need an invoice',
      /Here is the invoice for order #W\d+\. The link works for 7 days/,
      /Invoice INV-W\d+ \(PDF\)/,
    ],
    ['zh-Hant', '我要發票', /這是訂單 #W\d+ 的發票，連結 7 天內有效/, /發票 INV-W\d+（PDF）/],
    ['zh-Hans', '我要发票', /这是订单 #W\d+ 的发票，链接 7 天内有效/, /发票 INV-W\d+（PDF）/],
    [
      'ms',
      'saya perlukan invois',
      /Ini invois untuk pesanan #W\d+\. Pautan sah selama 7 hari/,
      /Invois INV-W\d+ \(PDF\)/,
    ],
  ] as const)(
    'sends the invoice of a verified shopper’s order as a PDF that parses back, in %s',
    async (locale, ask, ready, fileName) => {
      const order = demoOrderAt(delivered, ['en', 'zh-Hant', 'zh-Hans', 'ms'].indexOf(locale))
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'invoice' })
      await chat.userSays(order.number)
      const replies = await chat.userSays(order.email)
      chat.expectReply(ready)
      chat.expectReply(fileName)
      chat.expectEvent('order.invoice-sent-in-conversation', { orderNumber: order.number })
      const file = replies.find((reply) => reply.content.type === 'file')
      expect(file?.content).toMatchObject({ type: 'file', mediaType: 'application/pdf' })
      const response = await app.inject({ method: 'GET', url: invoicePathOf(replies) })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('application/pdf')
      const invoiceNumber = `INV-${order.number.slice(1)}`
      expect(response.headers['content-disposition']).toContain(`${invoiceNumber}.pdf`)
      const parsed = await pdfParse(response.rawPayload)
      expect(parsed.text).toContain('Kedai Demo')
      expect(parsed.text).toContain(invoiceNumber)
      expect(parsed.text).toContain(order.number)
      expect(parsed.text).toMatch(/Total/)
      const firstSku = await environment.database.db
        .selectFrom('order_items')
        .innerJoin('orders', 'orders.id', 'order_items.order_id')
        .select('order_items.sku')
        .where('orders.number', '=', order.number)
        .orderBy('order_items.position')
        .executeTakeFirstOrThrow()
      expect(parsed.text).toContain(firstSku.sku)
    },
  )

  it('refuses the link with 4xx when tampered, used for another order or customer, or expired', async () => {
    const order = demoOrderAt(delivered, 4)
    const other = delivered.find((candidate) => candidate.customerId !== order.customerId)
    if (other === undefined) throw new Error('the demo store has too few customers')
    const chat = await environment.startChat()
    await chat.userSays('can I get the invoice for my order')
    await chat.userSays(order.number)
    const path = invoicePathOf(await chat.userSays(order.email))
    const container = environment.container
    if (container === undefined) throw new Error('the environment has no container')
    const shopperToken = (customerId: string) =>
      createShopperToken(customerId, container.configuration.secret, environment.clock.now())

    const tampered = path.replace(/token=([^&]+)/, (_match, token: string) => {
      return `token=${token.slice(0, -4)}AAAA`
    })
    const tamperedResponse = await app.inject({ method: 'GET', url: tampered })
    expect(tamperedResponse.statusCode).toBe(401)
    expect(tamperedResponse.json()).toMatchObject({
      error: { details: { reason: 'invalid-link' } },
    })
    const anotherOrder = path.replace(order.number.slice(1), other.number.slice(1))
    expect((await app.inject({ method: 'GET', url: anotherOrder })).statusCode).toBe(403)
    const strangerResponse = await app.inject({
      method: 'GET',
      url: path,
      headers: { 'x-kedai-shopper-token': shopperToken(other.customerId) },
    })
    expect(strangerResponse.statusCode).toBe(403)
    expect(strangerResponse.json()).toMatchObject({
      error: { details: { reason: 'wrong-customer' } },
    })
    const ownerResponse = await app.inject({
      method: 'GET',
      url: path,
      headers: { 'x-kedai-shopper-token': shopperToken(order.customerId) },
    })
    expect(ownerResponse.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: path.replace(/\?.*$/, '') })).statusCode).toBe(
      400,
    )
    environment.clock.advance(8 * 86_400_000)
    const expired = await app.inject({ method: 'GET', url: path })
    expect(expired.statusCode).toBe(401)
    expect(expired.json()).toMatchObject({ error: { details: { reason: 'expired-link' } } })
  })

  it('says a cancelled order has no invoice and offers a person', async () => {
    const order = demoOrderAt(cancelled, 0)
    const chat = await environment.startChat({ locale: 'ms' })
    await chat.userSays('boleh minta invois')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/Pesanan #W\d+ telah dibatalkan, jadi tiada invois/)
    chat.expectChoice('Bercakap dengan orang')
    chat.expectNoEvent('order.invoice-sent-in-conversation')
  })

  it('refuses with the attempts left when the e-mail does not match, sending no link', async () => {
    const order = demoOrderAt(delivered, 6)
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('請給我發票')
    await chat.userSays(order.number)
    const replies = await chat.userSays('someone.else@example.com')
    chat.expectReply(/還可以再試 2 次/)
    expect(replies.some((reply) => reply.content.type === 'file')).toBe(false)
  })
})
