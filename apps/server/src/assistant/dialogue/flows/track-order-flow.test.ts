import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { readOrderNumber } from './track-order-flow.ts'

describe('track-order flow (behind verification)', () => {
  let environment: TranscriptEnvironment
  let order: { number: string; email: string; status: string }
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const row = await environment.database.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.number', 'customers.email', 'orders.status'])
      .where('orders.status', '=', 'delivered')
      .where('customers.email', 'is not', null)
      .orderBy('orders.number')
      .limit(1)
      .executeTakeFirstOrThrow()
    order = { number: row.number, email: row.email ?? '', status: row.status }
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      'Where is my order?',
      /order number/,
      /email address did you order with/,
      /is delivered/,
    ],
    ['zh-Hant', '我的訂單在哪裡?', /訂單編號/, /電子郵件地址/, /目前已送達/],
    ['zh-Hans', '我的订单在哪里?', /订单编号/, /电子邮箱地址/, /目前已送达/],
    ['ms', 'Di mana pesanan saya?', /nombor pesanan/, /alamat e-mel/, /telah dihantar/],
  ] as const)(
    'tells a verified shopper where their order is in %s',
    async (locale, question, askNumber, askEmail, status) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(question)
      chat.expectReply(askNumber)
      await chat.userSays(order.number)
      chat.expectReply(askEmail)
      await chat.userSays(order.email)
      chat.expectReply(status)
      chat.expectReply(order.number)
      chat.expectEvent('order.tracked-in-conversation')
    },
  )

  it('refuses with the attempts left when the e-mail does not match, without revealing the order', async () => {
    const chat = await environment.startChat()
    await chat.userSays('Where is my order?')
    await chat.userSays(order.number)
    await chat.userSays('someone.else@example.com')
    chat.expectReply(/don't match our records\. You have 2 more tries/)
    expect(chat.lastReplyText()).not.toMatch(/delivered/)
  })

  it('does not ask the e-mail again when the conversation was verified for the order', async () => {
    const chat = await environment.startChat()
    await chat.userSays('I want an invoice')
    await chat.userSays(order.number)
    chat.expectReply(/email address did you order with/)
    await chat.userSays(order.email)
    await chat.userSays('Where is my order?')
    chat.expectReply(/order number/)
    await chat.userSays(order.number)
    expect(chat.lastReplyText()).not.toMatch(/email address did you order with/)
    chat.expectReply(/is delivered/)
    chat.expectEvent('order.tracked-in-conversation')
  })

  it('reads order numbers written in several ways', () => {
    expect(readOrderNumber('my order is w2378156')).toBe('#W2378156')
    expect(readOrderNumber('#W 2378156')).toBe('#W2378156')
    expect(readOrderNumber('#kx1esf5rs99')).toBe('#KX1ESF5RS99')
    expect(readOrderNumber('order 12')).toBeUndefined()
  })
})
