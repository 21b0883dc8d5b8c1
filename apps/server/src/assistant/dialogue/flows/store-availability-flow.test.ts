import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('store availability flow (which store has it, aisle, opening hours)', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      'Do you have the Urban Sneakers at the Mid Valley store?',
      /Urban Sneakers is in stock here at Kedai Mid Valley, Kuala Lumpur \(\d+ left\)\. You'll find it at Aisle 2, Level 1\./,
    ],
    [
      'zh-Hant',
      '谷中城店有都會休閒鞋嗎?',
      /都會休閒鞋 在Kedai 吉隆坡谷中城店有現貨（剩 \d+ 件），位置：Aisle 2, Level 1。/,
    ],
    [
      'zh-Hans',
      '谷中城店有都会休闲鞋吗?',
      /在Kedai 吉隆坡谷中城店有现货（剩 \d+ 件），位置：Aisle 2, Level 1。/,
    ],
    [
      'ms',
      'Kedai Mid Valley ada stok kasut sneaker Urban?',
      /ada stok di Kedai Mid Valley, Kuala Lumpur \(\d+ lagi\)\. Anda boleh dapatkannya di Aisle 2, Level 1\./,
    ],
  ] as const)(
    'names the aisle of the store the shopper asks about in %s',
    async (locale, question, expected) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(question)
      chat.expectReply(expected)
    },
  )

  it.each([
    [
      'en',
      'What time does the Gurney store open?',
      /Kedai Gurney Plaza, Penang is open today 10:00–22:00\. Address: .+George Town/,
    ],
    ['zh-Hant', '葛尼店幾點開門?', /Kedai 檳城葛尼廣場店今天營業時間 10:00–22:00。/],
    ['zh-Hans', '葛尼店几点开门?', /Kedai 槟城葛尼广场店今天营业时间 10:00–22:00。/],
    [
      'ms',
      'Kedai Gurney buka pukul berapa?',
      /Kedai Gurney Plaza, Pulau Pinang dibuka hari ini 10:00–22:00\./,
    ],
  ] as const)("gives today's opening hours in %s", async (locale, question, expected) => {
    const chat = await environment.startChat({ locale })
    await chat.userSays(question)
    chat.expectReply(expected)
  })

  it('lists the stores that have a product when no store is named', async () => {
    const chat = await environment.startChat({ locale: 'en' })
    await chat.userSays('Which store has the Urban Sneakers?')
    chat.expectReply(
      /Urban Sneakers is in stock at .*Kedai Mid Valley, Kuala Lumpur \(Aisle 2, Level 1\)/,
    )
  })
})

describe('kiosk: the store the tablet stands in', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it("answers with the kiosk store's own stock and aisle when the shopper names no store", async () => {
    const { app } = server
    const opened = (
      await app.inject({ method: 'POST', url: '/api/conversations', payload: { locale: 'en' } })
    ).json() as {
      conversation: { id: string }
      conversationToken: string
    }
    const reply = await app.inject({
      method: 'POST',
      url: `/api/conversations/${opened.conversation.id}/messages`,
      headers: {
        'x-kedai-conversation-token': opened.conversationToken,
        'x-kedai-location': 'penang-gurney',
      },
      payload: {
        clientMessageId: 'k-1',
        content: { type: 'text', text: 'Where can I find the Urban Sneakers in this store?' },
      },
    })
    expect(reply.statusCode, reply.body).toBe(200)
    const text = JSON.stringify(reply.json().replies)
    expect(text).toMatch(/Kedai Gurney Plaza, Penang/)
    expect(text).not.toMatch(/Mid Valley/)
  })
})
