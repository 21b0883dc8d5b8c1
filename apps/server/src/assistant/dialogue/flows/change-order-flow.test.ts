import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { demoOrderAt, listDemoOrders, type DemoOrder } from '../../../testing/demo-orders.ts'
import { readOrderChange } from './change-order-flow.ts'

describe('change-order flow (verification, pending only, new address, confirmation)', () => {
  let environment: TranscriptEnvironment
  let pending: DemoOrder[]
  let processed: DemoOrder[]

  const addressOf = async (number: string) =>
    JSON.parse(
      (
        await environment.database.db
          .selectFrom('orders')
          .select('shipping_address')
          .where('number', '=', number)
          .executeTakeFirstOrThrow()
      ).shipping_address,
    ) as { line1: string; city: string; postcode: string; country: string }

  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const rows = await listDemoOrders(environment.database.db, 'desc')
    const pick = (status: string) => rows.filter((row) => row.status === status)
    pending = pick('pending')
    processed = pick('processed')
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      0,
      'I want to change my delivery address',
      /Where should order #W\d+ go instead\?/,
      '12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia',
      /Deliver order #W\d+ to 12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia instead\?/,
      'yes',
      /Done! Order #W\d+ will be delivered to 12 Jalan Ampang/,
      { city: 'Kuala Lumpur', postcode: '50450', country: 'MY' },
    ],
    [
      'zh-Hant',
      1,
      '我想更改訂單的地址',
      /訂單 #W\d+ 要改寄到哪裡？/,
      '信義路五段 7 號, 台北, 110, 台灣',
      /確定要把訂單 #W\d+ 改寄到 信義路五段 7 號, 台北, 110, 台灣 嗎？/,
      '好',
      /好了！訂單 #W\d+ 會寄到/,
      { city: '台北', postcode: '110', country: 'TW' },
    ],
    [
      'zh-Hans',
      2,
      '我要修改收货地址',
      /订单 #W\d+ 要改寄到哪里？/,
      '中山路 8 号, 新山, 80000, 马来西亚',
      /确定要把订单 #W\d+ 改寄到 中山路 8 号, 新山, 80000, 马来西亚 吗？/,
      '好的',
      /好了！订单 #W\d+ 会寄到/,
      { city: '新山', postcode: '80000', country: 'MY' },
    ],
    [
      'ms',
      3,
      'saya nak tukar alamat penghantaran',
      /Ke mana pesanan #W\d+ patut dihantar\?/,
      '5 Jalan Tun Razak, 50400 Kuala Lumpur, Wilayah Persekutuan, Malaysia',
      /Hantar pesanan #W\d+ ke 5 Jalan Tun Razak/,
      'ya',
      /Siap! Pesanan #W\d+ akan dihantar ke 5 Jalan Tun Razak/,
      { city: 'Kuala Lumpur', postcode: '50400', country: 'MY' },
    ],
  ] as const)(
    'changes the delivery address of a pending order after verification and confirmation in %s',
    async (locale, index, ask, askAddress, address, confirm, yes, done, stored) => {
      const order = demoOrderAt(pending, index)
      const before = await addressOf(order.number)
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'change-order' })
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(askAddress)
      await chat.userSays(address)
      chat.expectReply(confirm)
      expect(await addressOf(order.number)).toEqual(before)
      await chat.userSays(yes)
      chat.expectReply(done)
      chat.expectEvent('order.address-changed-in-conversation', { orderNumber: order.number })
      expect(await addressOf(order.number)).toMatchObject(stored)
    },
  )

  it.each([
    ['en', 4, 'I want to change my order', /What would you like to change/, 'Items or sizes'],
    ['zh-Hant', 5, '我要修改訂單', /請問訂單 #W\d+ 要修改什麼？/, '商品或尺寸'],
    ['zh-Hans', 6, '我想修改订单', /请问订单 #W\d+ 要修改什么？/, '商品或尺码'],
    ['ms', 7, 'saya nak ubah pesanan saya', /Apa yang anda mahu tukar/, 'Barang atau saiz'],
  ] as const)(
    'says what chat can change and offers a person when items are to change, in %s',
    async (locale, index, ask, question, items) => {
      const order = demoOrderAt(pending, index)
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(question)
      await chat.userTaps(items)
      chat.expectEvent('order.change-referred-in-conversation', { change: 'items' })
      chat.expectChoice(/./)
      expect(chat.lastReplyText()).toContain(order.number)
      await chat.userTaps(/轉接|转接|person|orang/)
      chat.expectEvent('conversation.handed-off', { reason: 'explicit-request' })
    },
  )

  it('takes the address route from "what to change", re-asks a bad address, and changes nothing on no', async () => {
    const order = demoOrderAt(pending, 8)
    const before = await addressOf(order.number)
    const chat = await environment.startChat()
    await chat.userSays('Can I change my order?')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    await chat.userTaps('Delivery address')
    chat.expectReply(/Where should order/)
    await chat.userSays('somewhere nice')
    chat.expectReply(/Please write the address as: street, city, postcode, country/)
    await chat.userSays('No 3, Lorong Kenari 2, Georgetown 10250, Penang, Malaysia')
    chat.expectReply(/Deliver order .* to No 3, Lorong Kenari 2/)
    await chat.userTaps('No')
    chat.expectReply(/stopped/)
    chat.expectNoEvent('order.address-changed-in-conversation')
    expect(await addressOf(order.number)).toEqual(before)
  })

  it('explains with its status that an order being prepared cannot be changed', async () => {
    const order = demoOrderAt(processed, 0)
    const chat = await environment.startChat()
    await chat.userSays('change the shipping address of my order')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    chat.expectReply(/can't be changed because it is being prepared\. A person can help you/)
    chat.expectChoice('Talk to a person')
  })

  it('refuses with the attempts left when the e-mail does not match', async () => {
    const order = demoOrderAt(pending, 9)
    const before = await addressOf(order.number)
    const chat = await environment.startChat({ locale: 'ms' })
    await chat.userSays('tukar alamat pesanan saya')
    await chat.userSays(order.number)
    await chat.userSays('orang.lain@example.com')
    chat.expectReply(/tidak sepadan dengan rekod kami\. Anda ada 2 cubaan lagi/)
    expect(chat.lastReplyText()).not.toMatch(/Ke mana pesanan/)
    expect(await addressOf(order.number)).toEqual(before)
  })

  it('reads what to change from taps and words in the four languages', () => {
    expect(readOrderChange('/change:payment')).toBe('payment')
    expect(readOrderChange('the size please')).toBe('items')
    expect(readOrderChange('改地址')).toBe('address')
    expect(readOrderChange('换颜色')).toBe('items')
    expect(readOrderChange('tukar kad')).toBe('payment')
    expect(readOrderChange('kadar')).toBeUndefined()
    expect(readOrderChange('/change:everything')).toBeUndefined()
  })
})
