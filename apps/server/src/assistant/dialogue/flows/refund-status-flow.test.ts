import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

interface DemoOrder {
  readonly number: string
  readonly email: string
}

describe('refund-status flow (verification, refunds and returns of an order)', () => {
  let environment: TranscriptEnvironment
  let refunded: DemoOrder[]
  let delivered: DemoOrder[]

  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const db = environment.database.db
    const withRefund = new Set(
      (
        await db
          .selectFrom('payment_transactions')
          .select('order_id')
          .where('kind', '=', 'refund')
          .where('status', '=', 'succeeded')
          .where('payment_method_reference', 'like', 'credit_card%')
          .execute()
      ).map((row) => row.order_id),
    )
    const rows = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'orders.number', 'orders.status', 'customers.email'])
      .where('customers.email', 'is not', null)
      .orderBy('orders.number')
      .execute()
    refunded = rows
      .filter((row) => withRefund.has(row.id))
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
    delivered = rows
      .filter((row) => row.status === 'delivered' && !withRefund.has(row.id))
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
  })
  afterAll(async () => {
    await environment.dispose()
  })

  const orderAt = (list: DemoOrder[], index: number): DemoOrder => {
    const order = list[index]
    if (order === undefined) throw new Error('the demo store has too few such orders')
    return order
  }

  it.each([
    [
      'en',
      'where is my refund',
      /Refunds and returns of order #W\d+:/,
      /Refund of (RM|MYR)\s?[\d,.]+ to your card: completed\./,
    ],
    [
      'zh-Hant',
      '我的退款進度如何',
      /訂單 #W\d+ 的退款與退貨：/,
      /退款 (RM|MYR)\s?[\d,.]+ 至您的信用卡：已完成。/,
    ],
    [
      'zh-Hans',
      '退款到账了吗',
      /订单 #W\d+ 的退款和退货：/,
      /退款 (RM|MYR)\s?[\d,.]+ 至您的银行卡：已完成。/,
    ],
    [
      'ms',
      'mana duit refund saya',
      /Bayaran balik dan pemulangan pesanan #W\d+:/,
      /Bayaran balik (RM|MYR)\s?[\d,.]+ ke kad anda: selesai\./,
    ],
  ] as const)(
    'tells a verified shopper the amount, method and status of each refund in %s',
    async (locale, ask, summary, line) => {
      const order = orderAt(refunded, ['en', 'zh-Hant', 'zh-Hans', 'ms'].indexOf(locale))
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'refund-status' })
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(summary)
      chat.expectReply(line)
      chat.expectReply(order.number)
      chat.expectEvent('order.refund-status-shown-in-conversation')
    },
  )

  it('shows the RMA of a return started in the same chat, without asking the e-mail again', async () => {
    const order = orderAt(delivered, 0)
    const chat = await environment.startChat()
    await chat.userSays('I want to return my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userSays('yes')
    const rma = /Your return (RMA-[\d-]+) is open/.exec(chat.lastReplyText())?.[1]
    expect(rma).toBeDefined()
    await chat.userSays('has my refund gone through?')
    chat.expectReply(/What is your order number/)
    await chat.userSays(order.number)
    chat.expectReply(`Return ${rma ?? ''}: waiting for your parcel. The refund goes to your`)
    expect(chat.lastReplyText()).not.toMatch(/email address did you order with/)
  })

  it('says when an order has no refund or return, offering to start one', async () => {
    const order = orderAt(delivered, 1)
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('退款進度')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/目前沒有退款或退貨/)
    chat.expectChoice('申請退貨')
    await chat.userTaps('申請退貨')
    chat.expectEvent('flow.started', { flow: 'return' })
  })

  it('refuses with the attempts left when the e-mail does not match, showing nothing', async () => {
    const order = orderAt(refunded, 4)
    const chat = await environment.startChat()
    await chat.userSays('where is my refund')
    await chat.userSays(order.number)
    await chat.userSays('someone.else@example.com')
    chat.expectReply(/don't match our records\. You have 2 more tries/)
    expect(chat.lastReplyText()).not.toMatch(/Refund of/)
  })
})
