import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  payloadsOf,
  tapPayload,
  type Transcript,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

const script = {
  en: {
    view: "what's in my cart?",
    remove: 'remove the socks',
    removed: /Removed Sport Socks/,
    ask: /How many Urban Sneakers/,
    changed: /2 × Urban Sneakers/,
    tooMany: /only \d+ of Urban Sneakers/,
    which: /Which item should I remove/,
    empty: /cart is empty/,
  },
  'zh-Hant': {
    view: '我的購物車有什麼?',
    remove: '把襪子拿掉',
    removed: /已從購物車移除 運動襪/,
    ask: /要幾件/,
    changed: /2 × 城市休閒鞋|2 × .*9/,
    tooMany: /只剩 \d+ 件庫存/,
    which: /要移除哪一件商品/,
    empty: /購物車是空的|購物車目前是空的|空/,
  },
  'zh-Hans': {
    view: '我的购物车里有什么?',
    remove: '把袜子删掉',
    removed: /已从购物车移除 运动袜/,
    ask: /要几件/,
    changed: /2 × /,
    tooMany: /只剩 \d+ 件库存/,
    which: /要移除哪一件商品/,
    empty: /空/,
  },
  ms: {
    view: 'apa dalam troli saya?',
    remove: 'buang stokin dari troli',
    removed: /Stoking Sukan .* telah dibuang/,
    ask: /Berapa .* yang anda mahu/,
    changed: /Siap: 2 × /,
    tooMany: /hanya \d+ .* ada dalam stok/,
    which: /Barang mana yang hendak dibuang/,
    empty: /kosong/,
  },
} as const

describe('change-cart flow (remove a line, change a quantity)', () => {
  let environment: TranscriptEnvironment
  let sneakers: string
  let socks: string
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const variant = async (sku: string) =>
      (
        await environment.database.db
          .selectFrom('product_variants')
          .select('id')
          .where('sku', '=', sku)
          .executeTakeFirstOrThrow()
      ).id
    sneakers = await variant('KD-SNK-URB-9-BLK')
    socks = await variant('KD-SCK-SPT-M-WHT')
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  async function fillCart(chat: Transcript) {
    await chat.userSays(`/intent:add_to_cart?variant=${sneakers}`)
    chat.expectEvent('cart.updated-in-conversation')
    await chat.userSays(`/intent:add_to_cart?variant=${socks}`)
    chat.expectEvent('cart.updated-in-conversation')
  }

  it.each(Object.keys(script) as (keyof typeof script)[])(
    'removes a named line, then changes a quantity from the cart summary in %s',
    async (locale) => {
      const lines = script[locale]
      const chat = await environment.startChat({ locale })
      await fillCart(chat)
      const summary = await chat.userSays(lines.view)
      chat.expectEvent('flow.completed', { flow: 'view-cart' })
      expect(payloadsOf(summary)).toContain(`/intent:remove_from_cart?variant=${socks}`)
      expect(payloadsOf(summary)).toContain(
        `/intent:remove_from_cart?variant=${sneakers}&option=change-quantity`,
      )

      const afterRemove = await chat.userSays(lines.remove)
      chat.expectEvent('flow.completed', { flow: 'change-cart' })
      chat.expectReply(lines.removed)
      chat.expectEvent('cart.updated-in-conversation', { variantId: socks, quantity: 0 })
      expect(payloadsOf(afterRemove)).not.toContain(`/intent:remove_from_cart?variant=${socks}`)

      await tapPayload(chat, afterRemove, `variant=${sneakers}&option=change-quantity`)
      chat.expectReply(lines.ask)
      await chat.userSays('2')
      chat.expectReply(lines.changed)
      chat.expectEvent('cart.updated-in-conversation', { variantId: sneakers, quantity: 2 })

      await tapPayload(chat, afterRemove, `variant=${sneakers}&option=change-quantity`)
      await chat.userSays('99')
      chat.expectReply(lines.tooMany)
      chat.expectNoEvent('cart.updated-in-conversation')
    },
  )

  it.each(Object.keys(script) as (keyof typeof script)[])(
    'asks which line when the shopper does not say, and says so when the cart is empty, in %s',
    async (locale) => {
      const lines = script[locale]
      const chat = await environment.startChat({ locale })
      await chat.userSays(lines.remove)
      chat.expectReply(lines.empty)
      chat.expectNoEvent('cart.updated-in-conversation')

      await fillCart(chat)
      const question = await chat.userSays('/intent:remove_from_cart')
      chat.expectReply(lines.which)
      await tapPayload(chat, question, `variant=${sneakers}`)
      chat.expectEvent('cart.updated-in-conversation', { variantId: sneakers, quantity: 0 })
    },
  )

  it('understands a typed answer to "which item?" by name or colour', async () => {
    const chat = await environment.startChat()
    await chat.userSays(`/intent:add_to_cart?variant=${sneakers}`)
    await chat.userSays(`/intent:add_to_cart?variant=${socks}`)
    await chat.userSays('/intent:remove_from_cart')
    chat.expectReply(/Which item should I remove/)
    await chat.userSays('the black one')
    chat.expectEvent('cart.updated-in-conversation', { variantId: sneakers, quantity: 0 })
    chat.expectReply(/Removed Urban Sneakers/)
  })

  it('sets the quantity when "make it 2" (read as adding to the cart) is about a line in the cart', async () => {
    const chat = await environment.startChat()
    await chat.userSays(`/intent:add_to_cart?variant=${sneakers}`)
    await chat.userSays('make it 2')
    chat.expectEvent('cart.updated-in-conversation', { variantId: sneakers, quantity: 2 })
    chat.expectReply(/Done: 2 × Urban Sneakers/)
    await chat.userSays('make it 3')
    chat.expectEvent('cart.updated-in-conversation', { variantId: sneakers, quantity: 3 })
    const cart = await environment.database.db
      .selectFrom('cart_lines')
      .innerJoin('carts', 'carts.id', 'cart_lines.cart_id')
      .select(['cart_lines.quantity'])
      .where('cart_lines.variant_id', '=', sneakers)
      .where('carts.status', '=', 'open')
      .orderBy('cart_lines.updated_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(cart.quantity).toBe(3)
  })

  it('takes some units out when the shopper says how many to remove', async () => {
    const chat = await environment.startChat()
    await chat.userSays(`/intent:add_to_cart?variant=${socks}&quantity=3`)
    await chat.userSays('remove 2 socks')
    chat.expectEvent('cart.updated-in-conversation', { variantId: socks, quantity: 1 })
    chat.expectReply(/1 × Sport Socks/)
  })
})
