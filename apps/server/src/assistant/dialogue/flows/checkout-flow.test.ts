import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../../http/build-server.ts'
import {
  createContainerTranscriptEnvironment,
  payloadsOf,
  tapPayload,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import {
  advanceOrderLifecycle,
  defaultOrderLifecycleSchedule,
} from '../../../workflows/advance-order-lifecycle/index.ts'
import { isCardNumber, parseAddress, splitFullName } from './checkout-flow.ts'

const script = {
  en: {
    find: 'Do you have sneakers in size 9?',
    size12: 'do you have it in size 12?',
    coupon: 'I have a coupon code SAVE10',
    checkout: 'I want to check out',
    name: 'Mei Lin',
    address: '12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia',
    yes: 'yes',
    track: 'Where is my order?',
    returnIt: 'I want to return my order',
    placed: /Order (#K\w+) is placed and RM\s?\d/,
    delivered: /is delivered/,
    returnConfirm: /Start a return for all items of order #K\w+\?/,
    returnStarted: /Your return RMA-\w+-1 is open/,
    label: /Return label RMA-\w+-1 \(PDF\)/,
  },
  'zh-Hant': {
    find: '你們有 9 號的運動鞋嗎?',
    size12: '有 12 號嗎?',
    coupon: '我有優惠碼 SAVE10',
    checkout: '我要結帳',
    name: '林美美',
    address: '信義路五段 7 號, 台北, 110, 台灣',
    yes: '好',
    track: '我的訂單在哪裡?',
    returnIt: '我要退貨',
    placed: /訂單 (#K\w+) 已成立/,
    delivered: /目前已送達/,
    returnConfirm: /要為訂單 #K\w+ 的所有商品申請退貨嗎/,
    returnStarted: /退貨 RMA-\w+-1 已建立/,
    label: /退貨標籤 RMA-\w+-1（PDF）/,
  },
  'zh-Hans': {
    find: '你们有 9 码的运动鞋吗?',
    size12: '有 12 码吗?',
    coupon: '我有优惠码 SAVE10',
    checkout: '我要结账',
    name: '陈小明',
    address: '中山路 8 号, 新山, 80000, 马来西亚',
    yes: '好的',
    track: '我的订单在哪里?',
    returnIt: '我要退货',
    placed: /订单 (#K\w+) 已下单/,
    delivered: /目前已送达/,
    returnConfirm: /要为订单 #K\w+ 的所有商品申请退货吗/,
    returnStarted: /退货 RMA-\w+-1 已建立/,
    label: /退货标签 RMA-\w+-1（PDF）/,
  },
  ms: {
    find: 'Ada tak kasut sukan ini dalam saiz 9?',
    size12: 'ada saiz 12?',
    coupon: 'Saya ada kupon SAVE10',
    checkout: 'Saya nak bayar sekarang',
    name: 'Siti Aminah',
    address: '5 Jalan Tun Razak, Kuala Lumpur, 50400, Malaysia',
    yes: 'ya',
    track: 'Di mana pesanan saya?',
    returnIt: 'Saya nak pulangkan barang',
    placed: /Pesanan (#K\w+) telah dibuat/,
    delivered: /telah dihantar/,
    returnConfirm: /Mulakan pemulangan untuk semua barang pesanan #K\w+\?/,
    returnStarted: /Pemulangan RMA-\w+-1 telah dibuka/,
    label: /Label pemulangan RMA-\w+-1 \(PDF\)/,
  },
} as const

describe('checkout in chat, tracking, delivery and a return (the shopper journey)', () => {
  let environment: TranscriptEnvironment
  let app: FastifyInstance
  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment()
    if (environment.container === undefined) throw new Error('the environment has no container')
    app = await buildServer(environment.container)
  })
  afterAll(async () => {
    await app.close()
    await environment.dispose()
  })

  it.each(Object.keys(script) as (keyof typeof script)[])(
    'finds sneakers in size 9, signs up for a restock alert, applies a coupon, pays with the sandbox card, tracks the order and returns it once delivered in %s',
    async (locale) => {
      const lines = script[locale]
      const email = `journey-${locale.toLowerCase()}@example.com`
      const chat = await environment.startChat({ locale })
      const found = await chat.userSays(lines.find)
      // Depending on the language the best match may already come in 9, or another style is offered.
      const sized = payloadsOf(found).some((payload) => payload.includes('add_to_cart'))
        ? found
        : await tapPayload(chat, found, 'size=9')
      chat.expectReply(/9/)
      let soldOut = await chat.userSays(lines.size12)
      for (const size of ['13', '5', '6', '7', '14']) {
        if (payloadsOf(soldOut).some((payload) => payload.includes('restock_alert'))) break
        soldOut = await chat.userSays(lines.size12.replace('12', size))
      }
      await tapPayload(chat, soldOut, 'restock_alert')
      chat.expectEvent('restock-alert.requested')
      await tapPayload(chat, sized, 'add_to_cart')
      chat.expectEvent('cart.updated-in-conversation')
      await chat.userSays(lines.coupon)
      chat.expectReply('SAVE10')
      await chat.userSays(lines.checkout)
      chat.expectEvent('flow.started', { flow: 'checkout' })
      await chat.userSays(email)
      await chat.userSays(lines.name)
      await chat.userSays(lines.address)
      chat.expectReply(/(RM|MYR)\s?\d/)
      await chat.userSays(lines.yes)
      chat.expectReply(/4242/)
      await chat.userSays('4242 4242 4242 4242')
      chat.expectReply(lines.placed)
      chat.expectEvent('order.placed-in-conversation', { couponCode: 'SAVE10' })
      const number = lines.placed.exec(chat.lastReplyText())?.[1] ?? ''
      const promised = /(\d{1,2} \p{L}{3,4} \d{4}|\d{4}年\d{1,2}月\d{1,2}日)/u.exec(
        chat.lastReplyText(),
      )?.[1]
      expect(promised).toBeDefined()
      const stored = await environment.conversations.listMessages(chat.conversationId, {
        limit: 200,
      })
      const inbound = stored
        .filter((message) => message.direction === 'inbound')
        .map((message) => JSON.stringify(message.content))
      expect(inbound.join(' ')).not.toContain('4242 4242 4242 4242')
      expect(inbound.join(' ')).toContain('•••• 4242')

      await chat.userSays(lines.track)
      await chat.userSays(number)
      await chat.userSays(email)
      chat.expectReply(number)
      // Before it ships, tracking gives the delivery date the checkout promised.
      chat.expectReply(promised ?? 'no promised date')

      // The store fulfils the order as the demo does: processed after 2 hours, handed to the demo
      // carrier 12 hours later, delivered when the carrier's scans say so (56 hours after pick-up).
      const orders = environment.container?.orders
      if (orders === undefined) throw new Error('the container has no orders')
      const placedSince = (await orders.getOrderByNumber(number))?.placedAt
      const hour = 3_600_000
      for (const wait of [3 * hour, 13 * hour, 57 * hour]) {
        environment.clock.advance(wait)
        await advanceOrderLifecycle(
          orders,
          defaultOrderLifecycleSchedule,
          environment.clock.now(),
          {
            placedSince,
          },
        )
      }
      expect((await orders.getOrderByNumber(number))?.status).toBe('delivered')
      // The conversation was verified for this order when it was tracked: no e-mail asked again.
      await chat.userSays(lines.track)
      await chat.userSays(number)
      chat.expectReply(lines.delivered)

      // The sandbox card was typed, never saved: the refund goes back through the order's payment.
      await chat.userSays(lines.returnIt)
      chat.expectEvent('flow.started', { flow: 'return' })
      await chat.userSays(number)
      chat.expectReply(lines.returnConfirm)
      const replies = await chat.userSays(lines.yes)
      chat.expectReply(lines.returnStarted)
      chat.expectReply(lines.label)
      chat.expectEvent('return.started-in-conversation')
      const label = replies.find((reply) => reply.content.type === 'file')
      if (label?.content.type !== 'file') throw new Error('no label file message')
      expect(label.content.mediaType).toBe('application/pdf')
      const download = await app.inject({
        method: 'GET',
        url: label.content.url.slice(label.content.url.indexOf('/api/')),
      })
      expect(download.statusCode).toBe(200)
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      expect((await orders.getOrderByNumber(number))?.details.returnRequest).toEqual({
        items: expect.any(Array) as unknown,
        paymentMethodReference: 'card',
      })
    },
  )
})

describe('checkout parsing', () => {
  it('splits names in Latin and Chinese script', () => {
    expect(splitFullName('Mei Lin')).toEqual({ firstName: 'Mei', lastName: 'Lin' })
    expect(splitFullName('林美美')).toEqual({ lastName: '林', firstName: '美美' })
    expect(splitFullName('4242')).toBeUndefined()
  })

  it('reads a comma-separated address with the country as a code', () => {
    expect(parseAddress('12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia')).toMatchObject({
      line1: '12 Jalan Ampang',
      city: 'Kuala Lumpur',
      postcode: '50450',
      country: 'MY',
    })
    expect(parseAddress('somewhere')).toBeUndefined()
  })

  it('reads the postcode beside the city and a state before the country', () => {
    expect(
      parseAddress('12 Jalan Ampang, 50450 Kuala Lumpur, Wilayah Persekutuan, MY'),
    ).toMatchObject({
      line1: '12 Jalan Ampang',
      city: 'Kuala Lumpur',
      state: 'Wilayah Persekutuan',
      postcode: '50450',
      country: 'MY',
    })
    expect(parseAddress('No 3, Lorong Kenari 2, Georgetown 10250, Penang, Malaysia')).toMatchObject(
      {
        line1: 'No 3, Lorong Kenari 2',
        city: 'Georgetown',
        postcode: '10250',
        state: 'Penang',
      },
    )
    expect(parseAddress('Kuala Lumpur, 50450, MY')).toBeUndefined()
  })

  it('accepts card numbers that pass the Luhn check', () => {
    expect(isCardNumber('4242 4242 4242 4242')).toBe(true)
    expect(isCardNumber('4242 4242 4242 4241')).toBe(false)
  })
})
