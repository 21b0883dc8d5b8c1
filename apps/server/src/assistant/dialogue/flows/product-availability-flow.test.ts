import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  payloadsOf,
  tapPayload,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('shopping flows (search, availability, restock alert, add to cart, view cart)', () => {
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
      'Do you have sneakers in size 9?',
      /in size 9 is in stock at RM\s?259\.00/,
      /in Black, Navy, and White\./,
      /Added .*Urban Sneakers.* to your cart\. Cart total: RM\s?259\.00/,
      /Your cart: 1 × /,
    ],
    [
      'zh-Hant',
      '你們有 9 號的運動鞋嗎?',
      /9 號有現貨，售價 (RM|MYR)\s?259\.00/,
      /顏色有 黑色、深藍色和白色。/,
      /已將 .*加入購物車。購物車總計：(RM|MYR)\s?259\.00/,
      /您的購物車：1 × /,
    ],
    [
      'zh-Hans',
      '你们有 9 码的运动鞋吗?',
      /9 码有现货，售价 (RM|MYR)\s?259\.00/,
      /颜色有 黑色、藏青色和白色。/,
      /已将 .*加入购物车。购物车总计：(RM|MYR)\s?259\.00/,
      /您的购物车：1 × /,
    ],
    [
      'ms',
      'Ada tak kasut sukan ini dalam saiz 9?',
      /saiz 9 ada stok pada harga RM\s?259\.00/,
      /dalam warna Hitam, Biru tua dan Putih\./,
      /telah ditambah ke troli\. Jumlah troli: RM\s?259\.00/,
      /Troli anda: 1 × /,
    ],
  ] as const)(
    'finds sneakers in size 9, adds them to the cart and shows the cart in %s',
    async (locale, question, inStock, colours, added, cart) => {
      const chat = await environment.startChat({ locale })
      const first = await chat.userSays(question)
      chat.expectEvent('intent.recognized', { intent: 'product_availability' })
      chat.expectEvent('product.shown')
      // Depending on the language the best match may already come in 9, or styles that do are offered.
      const sized = payloadsOf(first).some((payload) => payload.includes('add_to_cart'))
        ? first
        : await tapPayload(chat, first, 'size=9')
      chat.expectReply(inStock)
      // Colours are named in the shopper's language and listed its way, not as the catalog stores them.
      chat.expectReply(colours)
      await tapPayload(chat, sized, 'add_to_cart')
      chat.expectReply(added)
      chat.expectEvent('cart.updated-in-conversation')
      await chat.userSays(
        {
          en: 'view cart',
          'zh-Hant': '查看購物車',
          'zh-Hans': '查看购物车',
          ms: 'lihat troli saya',
        }[locale],
      )
      chat.expectReply(cart)
    },
  )

  it.each([
    ['en', 'do you have it in size 12?', /sold out right now/, /let you know here/],
    ['zh-Hant', '有 12 號嗎?', /目前缺貨/, /到貨時我會在這裡通知您/],
    ['zh-Hans', '有 12 码吗?', /目前缺货/, /到货时我会在这里通知您/],
    ['ms', 'ada saiz 12?', /habis dijual/, /maklumkan di sini/],
  ] as const)(
    'says a size is sold out and signs the shopper up for a restock alert in %s',
    async (locale, question, soldOut, alert) => {
      const chat = await environment.startChat({ locale })
      const found = await chat.userSays(
        {
          en: 'Do you have sneakers in size 9?',
          'zh-Hant': '你們有 9 號的運動鞋嗎?',
          'zh-Hans': '你们有 9 码的运动鞋吗?',
          ms: 'Ada tak kasut sukan ini dalam saiz 9?',
        }[locale],
      )
      if (!payloadsOf(found).some((payload) => payload.includes('add_to_cart')))
        await tapPayload(chat, found, 'size=9')
      const answer = await chat.userSays(question)
      chat.expectReply(soldOut)
      await tapPayload(chat, answer, 'restock_alert')
      chat.expectReply(alert)
      chat.expectEvent('restock-alert.requested')
    },
  )

  it.each([
    ['zh-Hant', '我想找洋裝', '這件衣服有不同尺寸嗎?', /有這些尺寸/],
    ['ms', 'Saya cari gaun', 'Ada tak gaun ini dalam saiz lain?', /ada dalam saiz/],
  ] as const)(
    'answers the seed example in %s with the sizes on offer',
    async (locale, browse, question, reply) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(browse)
      await chat.userSays(question)
      chat.expectReply(reply)
    },
  )

  it('asks which product is meant when nothing is in focus', async () => {
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('這件衣服有不同尺寸嗎?')
    chat.expectReply(/請問是哪一件商品/)
  })

  it('searches products and shows them as a carousel when asked to find something', async () => {
    const chat = await environment.startChat()
    const replies = await chat.userSays('I am looking for a backpack')
    expect(replies.map((reply) => reply.content.type)).toEqual(['text', 'carousel'])
    chat.expectEvent('product.shown', { source: 'search' })
  })
})
