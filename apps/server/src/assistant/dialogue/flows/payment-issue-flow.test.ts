import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('payment-issue flow (what to do about a failed payment)', () => {
  let environment: TranscriptEnvironment
  let customerId: string
  let orderNumber: string
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const order = await environment.database.db
      .selectFrom('orders')
      .select(['id', 'number', 'customer_id'])
      .where('status', '=', 'pending')
      .orderBy('number')
      .executeTakeFirstOrThrow()
    customerId = order.customer_id
    orderNumber = order.number
    await environment.database.db
      .updateTable('payment_transactions')
      .set({ status: 'declined' })
      .where('order_id', '=', order.id)
      .where('kind', '=', 'payment')
      .execute()
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'my card keeps getting declined', /We accept Visa.*declined card is never charged/],
    ['zh-Hant', '我的信用卡一直被拒絕', /我們接受 Visa.*被拒的卡不會扣款/],
    ['zh-Hans', '我的信用卡一直被拒绝', /我们接受 Visa.*被拒的卡不会扣款/],
    ['ms', 'kad saya ditolak', /Kami terima Visa.*tidak dicaj/],
  ] as const)(
    'gives the accepted methods and what to do, with a person on offer, in %s',
    async (locale, text, help) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(text)
      chat.expectEvent('flow.completed', { flow: 'payment-issue' })
      chat.expectReply(help)
      chat.expectChoice(/person|專人|真人|人工|orang/i)
      chat.expectEvent('payment-issue.answered', { failedOrderId: null })
    },
  )

  it.each([
    ['en', 'payment failed', /Your order (#\w+) .* is waiting for payment/],
    ['zh-Hant', '付款失敗了', /您的訂單 (#\w+)（.*）正在等待付款/],
    ['zh-Hans', '付款失败了', /您的订单 (#\w+)（.*）正在等待付款/],
    ['ms', 'kad saya ditolak', /Pesanan anda (#\w+) .* sedang menunggu bayaran/],
  ] as const)(
    'tells a signed-in customer which pending order has a failed payment in %s',
    async (locale, text, pending) => {
      const chat = await environment.startChat({ locale, customerId })
      await chat.userSays(text)
      chat.expectReply(pending)
      chat.expectReply(orderNumber)
    },
  )
})
