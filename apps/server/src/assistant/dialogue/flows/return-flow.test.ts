import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createContainerTranscriptEnvironment,
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('return flow (verification, confirmation, RMA and label)', () => {
  let environment: TranscriptEnvironment
  let delivered: { number: string; email: string }[]
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const rows = await environment.database.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.number', 'customers.email'])
      .where('orders.status', '=', 'delivered')
      .where('customers.email', 'is not', null)
      .orderBy('orders.number')
      .limit(8)
      .execute()
    delivered = rows.map((row) => ({ number: row.number, email: row.email ?? '' }))
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      0,
      'I want to return my order',
      /Start a return for all items/,
      'yes',
      /Your return RMA-/,
      /Return label RMA-.*\(PDF\)/,
    ],
    ['zh-Hant', 1, '我要退貨', /申請退貨嗎/, '好', /退貨 RMA-/, /退貨標籤 RMA-/],
    ['zh-Hans', 2, '我要退货', /申请退货吗/, '好的', /退货 RMA-/, /退货标签 RMA-/],
    [
      'ms',
      3,
      'Saya nak pulangkan barang',
      /Mulakan pemulangan/,
      'ya',
      /Pemulangan RMA-/,
      /Label pemulangan RMA-/,
    ],
  ] as const)(
    'starts a return and sends the label in %s after verification and confirmation',
    async (locale, index, ask, confirm, yes, started, label) => {
      const order = delivered[index]
      if (order === undefined) throw new Error('the demo store has too few delivered orders')
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'return' })
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(confirm)
      chat.expectNoEvent('return.started-in-conversation')
      const replies = await chat.userSays(yes)
      chat.expectReply(started)
      chat.expectReply(label)
      const file = replies.find((reply) => reply.content.type === 'file')
      expect(file?.content).toMatchObject({ type: 'file', mediaType: 'application/pdf' })
      expect(JSON.stringify(file?.content)).toMatch(
        /\/api\/store\/returns\/ret_[^/]+\/label\?token=/,
      )
      chat.expectEvent('return.started-in-conversation')
    },
  )

  it('does not ask the e-mail again when the conversation was verified for the order by tracking', async () => {
    const order = delivered[5]
    if (order === undefined) throw new Error('the demo store has too few delivered orders')
    const chat = await environment.startChat()
    await chat.userSays('Where is my order?')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/is delivered/)
    await chat.userSays('I want to return my order')
    chat.expectEvent('flow.started', { flow: 'return' })
    await chat.userSays(order.number)
    expect(chat.lastReplyText()).not.toMatch(/email address did you order with/)
    chat.expectReply(/Start a return for all items/)
    await chat.userSays('yes')
    chat.expectReply(/Your return RMA-/)
  })

  it('does nothing when the shopper declines the confirmation', async () => {
    const order = delivered[4]
    if (order === undefined) throw new Error('the demo store has too few delivered orders')
    const chat = await environment.startChat()
    await chat.userSays('I want to return my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userTaps('No')
    chat.expectReply(/stopped/)
    chat.expectNoEvent('return.started-in-conversation')
  })
})

describe('return flow with the server’s returns policy (label charge by country)', () => {
  let environment: Awaited<ReturnType<typeof createContainerTranscriptEnvironment>>
  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment()
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  async function deliveredOrderShippedTo(country: string, offset: number) {
    const { db } = environment.database
    const row = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'orders.number', 'orders.shipping_address', 'customers.email'])
      .where('orders.status', '=', 'delivered')
      .where('customers.email', 'is not', null)
      .orderBy('orders.number', 'desc')
      .limit(1)
      .offset(offset)
      .executeTakeFirstOrThrow()
    const address = { ...(JSON.parse(row.shipping_address) as object), country }
    await db
      .updateTable('orders')
      .set({ shipping_address: JSON.stringify(address) })
      .where('id', '=', row.id)
      .execute()
    return { number: row.number, email: row.email ?? '' }
  }

  /** Returns a delivered order sent to `country` in an English chat, up to the opened return. */
  async function returnOrderShippedTo(country: string, offset: number) {
    const order = await deliveredOrderShippedTo(country, offset)
    const chat = await environment.startChat({ locale: 'en' })
    await chat.userSays('I want to return my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userSays('yes')
    chat.expectReply(/Your return RMA-/)
    return chat
  }

  it('says that RM20 for the prepaid label comes off the refund of an order sent to Singapore', async () => {
    const chat = await returnOrderShippedTo('SG', 0)
    chat.expectReply(/RM\s?20\.00 for the prepaid return label comes off your refund/)
  })

  it('says nothing of a charge for an order sent within Malaysia', async () => {
    const chat = await returnOrderShippedTo('MY', 1)
    expect(chat.lastReplyText()).not.toMatch(/prepaid return label comes off/)
  })
})
