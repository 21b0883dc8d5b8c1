import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { demoOrderAt, listDemoOrders, type DemoOrder } from '../../../testing/demo-orders.ts'
import { createId } from '../../../shared/ids.ts'
import { createOrderOperations } from '../../../workflows/order-operations/index.ts'
import { readCancellationReason } from './cancel-order-flow.ts'

describe('cancel-order flow (verification, pending only, reason, confirmation, refund)', () => {
  let environment: TranscriptEnvironment
  let pending: DemoOrder[]
  let delivered: DemoOrder[]

  const orderRow = (number: string) =>
    environment.database.db
      .selectFrom('orders')
      .select(['id', 'status', 'cancel_reason'])
      .where('number', '=', number)
      .executeTakeFirstOrThrow()
  const refundsOf = async (number: string) => {
    const { id } = await orderRow(number)
    return environment.database.db
      .selectFrom('payment_transactions')
      .select(['amount', 'payment_method_reference', 'status'])
      .where('order_id', '=', id)
      .where('kind', '=', 'refund')
      .execute()
  }

  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const rows = await listDemoOrders(environment.database.db)
    const pick = (status: string, itemsModified: number) =>
      rows.filter((row) => row.status === status && row.itemsModified === itemsModified)
    pending = pick('pending', 0)
    delivered = pick('delivered', 0)
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      0,
      'I want to cancel my order',
      /Why would you like to cancel order/,
      'I ordered by mistake',
      /Cancel order #W\d+\? (RM|MYR)\s?[\d,.]+ will be refunded/,
      'yes',
      /is cancelled\. (RM|MYR)\s?[\d,.]+ goes back/,
    ],
    [
      'zh-Hant',
      1,
      '取消我的訂單',
      /請問為什麼要取消訂單/,
      '下錯單了',
      /確定要取消訂單 #W\d+ 嗎？(RM|MYR)\s?[\d,.]+ 將退回原付款方式/,
      '好',
      /已取消。(RM|MYR)\s?[\d,.]+ 將退回/,
    ],
    [
      'zh-Hans',
      2,
      '取消我的订单',
      /请问为什么要取消订单/,
      '不再需要了',
      /确定要取消订单 #W\d+ 吗？(RM|MYR)\s?[\d,.]+ 将退回原付款方式/,
      '好的',
      /已取消。(RM|MYR)\s?[\d,.]+ 将退回/,
    ],
    [
      'ms',
      3,
      'batalkan pesanan saya',
      /Kenapa anda mahu membatalkan pesanan/,
      'Saya tersilap pesan',
      /Batalkan pesanan #W\d+\? (RM|MYR)\s?[\d,.]+ akan dibayar balik/,
      'ya',
      /telah dibatalkan\. (RM|MYR)\s?[\d,.]+ dikembalikan/,
    ],
  ] as const)(
    'cancels a pending order after verification, a reason and confirmation, and refunds it, in %s',
    async (locale, index, ask, askReason, reason, confirm, yes, done) => {
      const order = demoOrderAt(pending, index)
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'cancel-order' })
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(askReason)
      chat.expectChoice(reason)
      await chat.userTaps(reason)
      chat.expectReply(confirm)
      chat.expectReply(order.number)
      chat.expectNoEvent('order.cancelled-in-conversation')
      expect((await orderRow(order.number)).status).toBe('pending')
      await chat.userSays(yes)
      chat.expectReply(done)
      chat.expectEvent('order.cancelled-in-conversation', { orderNumber: order.number })
      const stored = await orderRow(order.number)
      expect(stored.status).toBe('cancelled')
      expect(stored.cancel_reason).toBe(
        reason === '不再需要了' ? 'no longer needed' : 'ordered by mistake',
      )
      const refunds = await refundsOf(order.number)
      expect(refunds.length).toBeGreaterThan(0)
      expect(refunds.every((refund) => refund.amount > 0)).toBe(true)
    },
  )

  it('takes a reason typed in words instead of tapped', async () => {
    const order = demoOrderAt(pending, 4)
    const chat = await environment.startChat({ locale: 'ms' })
    await chat.userSays('saya nak batalkan pesanan')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userSays('sebenarnya saya tak perlu lagi')
    chat.expectReply(/Batalkan pesanan/)
    await chat.userSays('ya')
    expect(await orderRow(order.number)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'no longer needed',
    })
  })

  it('changes nothing when the shopper declines the confirmation', async () => {
    const order = demoOrderAt(pending, 5)
    const chat = await environment.startChat()
    await chat.userSays('Please cancel my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userTaps('I no longer need it')
    await chat.userTaps('No')
    chat.expectReply(/stopped/)
    chat.expectNoEvent('order.cancelled-in-conversation')
    expect((await orderRow(order.number)).status).toBe('pending')
    expect(await refundsOf(order.number)).toEqual([])
  })

  it('refuses with the attempts left when the e-mail does not match, changing nothing', async () => {
    const order = demoOrderAt(pending, 6)
    const chat = await environment.startChat()
    await chat.userSays('cancel my order')
    await chat.userSays(order.number)
    await chat.userSays('someone.else@example.com')
    chat.expectReply(/don't match our records\. You have 2 more tries/)
    expect(chat.lastReplyText()).not.toMatch(/Why would you like to cancel/)
    expect((await orderRow(order.number)).status).toBe('pending')
  })

  it.each([
    ['en', 'I want to cancel my order', /can't be cancelled because it is delivered/],
    ['zh-Hant', '我要取消訂單', /目前已送達，無法取消/],
    ['zh-Hans', '我要取消订单', /目前已送达，无法取消/],
    ['ms', 'saya nak batalkan pesanan', /tidak boleh dibatalkan kerana telah dihantar/],
  ] as const)(
    'explains with its status that a delivered order cannot be cancelled and offers a person, in %s',
    async (locale, ask, refusal) => {
      const order = demoOrderAt(delivered, ['en', 'zh-Hant', 'zh-Hans', 'ms'].indexOf(locale))
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(refusal)
      expect(chat.lastReplyText()).toContain(order.number)
      chat.expectNoEvent('order.cancelled-in-conversation')
      expect((await orderRow(order.number)).status).toBe('delivered')
      await chat.userTaps(/./)
      chat.expectEvent('conversation.handed-off', { reason: 'explicit-request' })
    },
  )

  it('does not cancel a pending order whose items were already changed once', async () => {
    // The demo store has no such order: change one's items through the real order operations.
    const order = demoOrderAt(pending, 7)
    const db = environment.database.db
    const stored = await orderRow(order.number)
    const item = await db
      .selectFrom('order_items')
      .select(['sku', 'product_id'])
      .where('order_id', '=', stored.id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
    const other = await db
      .selectFrom('product_variants')
      .select('sku')
      .where('product_id', '=', item.product_id)
      .where('sku', '!=', item.sku)
      .where('is_available', '=', 1)
      .executeTakeFirstOrThrow()
    const payment = await db
      .selectFrom('payment_transactions')
      .select('payment_method_reference')
      .where('order_id', '=', stored.id)
      .executeTakeFirstOrThrow()
    const modified = await createOrderOperations({
      db,
      clock: environment.clock,
      eventBus: environment.eventBus,
      createId,
    }).modifyOrderItems(
      { kind: 'staff' },
      order.number,
      [item.sku],
      [other.sku],
      payment.payment_method_reference,
    )
    expect(modified.ok).toBe(true)
    const chat = await environment.startChat()
    await chat.userSays('I want to cancel my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/already changed once, so it can't be cancelled in chat/)
    chat.expectChoice('Talk to a person')
    expect((await orderRow(order.number)).status).toBe('pending')
  })

  it('reads typed reasons in the four languages', () => {
    expect(readCancellationReason('/reason:no-longer-needed')).toBe('no longer needed')
    expect(readCancellationReason('I ordered it by mistake')).toBe('ordered by mistake')
    expect(readCancellationReason("I don't need it anymore")).toBe('no longer needed')
    expect(readCancellationReason('我下錯單了')).toBe('ordered by mistake')
    expect(readCancellationReason('我改变主意了')).toBe('no longer needed')
    expect(readCancellationReason('saya tersilap order')).toBe('ordered by mistake')
    expect(readCancellationReason('tidak perlu lagi')).toBe('no longer needed')
    expect(readCancellationReason('because')).toBeUndefined()
    expect(readCancellationReason('/reason:too-expensive')).toBeUndefined()
  })
})
