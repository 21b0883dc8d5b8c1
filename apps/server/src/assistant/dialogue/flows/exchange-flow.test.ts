import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  payloadsOf,
  tapPayload,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { demoOrderAt } from '../../../testing/demo-orders.ts'

interface DemoOrder {
  readonly number: string
  readonly email: string
}

describe('exchange flow (verification, delivered only, item, in-stock variant, confirmation)', () => {
  let environment: TranscriptEnvironment
  let exchangeable: DemoOrder[]
  let pending: DemoOrder[]

  const statusOf = async (number: string) =>
    (
      await environment.database.db
        .selectFrom('orders')
        .select('status')
        .where('number', '=', number)
        .executeTakeFirstOrThrow()
    ).status

  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const db = environment.database.db
    const rows = await db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .innerJoin('payment_transactions', 'payment_transactions.order_id', 'orders.id')
      .innerJoin('order_items', 'order_items.order_id', 'orders.id')
      .select([
        'orders.number',
        'orders.status',
        'customers.email',
        'payment_transactions.payment_method_reference as reference',
        'order_items.product_id as productId',
        'order_items.sku',
      ])
      .where('customers.email', 'is not', null)
      .where('payment_transactions.position', '=', 0)
      .where('order_items.position', '=', 0)
      .orderBy('orders.number')
      .execute()
    // Delivered, paid with a saved card or PayPal (a price difference can be settled), and whose
    // first item has another variant on sale and in stock in the warehouse.
    const inStock = new Set(
      (
        await db
          .selectFrom('product_variants')
          .innerJoin('stock_levels', 'stock_levels.variant_id', 'product_variants.id')
          .innerJoin('locations', 'locations.id', 'stock_levels.location_id')
          .select(['product_variants.product_id', 'product_variants.sku'])
          .where('product_variants.is_available', '=', 1)
          .where('locations.kind', '=', 'warehouse')
          .whereRef('stock_levels.on_hand', '>', 'stock_levels.reserved')
          .execute()
      ).map((variant) => `${variant.product_id}/${variant.sku}`),
    )
    const hasReplacement = (productId: string, sku: string) =>
      [...inStock].some((key) => key.startsWith(`${productId}/`) && key !== `${productId}/${sku}`)
    exchangeable = rows
      .filter(
        (row) =>
          row.status === 'delivered' &&
          !row.reference.startsWith('gift_card') &&
          hasReplacement(row.productId, row.sku),
      )
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
    pending = rows
      .filter((row) => row.status === 'pending')
      .map((row) => ({ number: row.number, email: row.email ?? '' }))
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      0,
      'I want to exchange an item',
      /Which item of order #W\d+ would you like to exchange\?/,
      /What would you like instead of .+\? These are in stock:/,
      /Exchange .+ for .+\? (There is no price difference|The difference of (RM|MYR)\s?[\d,.]+ is (charged|refunded) to the original payment method when we receive the item you send back)/,
      'yes',
      /Your exchange RMA-\d+-\d+ is open/,
      /Return label RMA-.*\(PDF\)/,
    ],
    [
      'zh-Hant',
      1,
      '我要換貨',
      /請問要換訂單 #W\d+ 的哪一件商品？/,
      /想換成哪一款？以下有現貨：/,
      /確定要把 .+ 換成 .+ 嗎？(沒有價差|我們收到您寄回的商品後，價差 (RM|MYR)\s?[\d,.]+ 將)/,
      '好',
      /換貨 RMA-\d+-\d+ 已建立/,
      /退貨標籤 RMA-/,
    ],
    [
      'zh-Hans',
      2,
      '我要换货',
      /请问要换订单 #W\d+ 的哪件商品？/,
      /想换成哪一款？以下有现货：/,
      /确定要把 .+ 换成 .+ 吗？(没有差价|我们收到您寄回的商品后，差价 (RM|MYR)\s?[\d,.]+ 将)/,
      '好的',
      /换货 RMA-\d+-\d+ 已创建/,
      /退货标签 RMA-/,
    ],
    [
      'ms',
      3,
      'saya nak tukar barang',
      /Barang mana dalam pesanan #W\d+ yang anda mahu tukar\?/,
      /Anda mahu tukar .+ dengan yang mana\? Yang ini ada stok:/,
      /Tukar .+ dengan .+\? (Tiada beza harga|Beza harga (RM|MYR)\s?[\d,.]+ akan (dicaj ke|dibayar balik ke) kaedah pembayaran asal apabila kami menerima barang yang anda pulangkan)/,
      'ya',
      /Pertukaran RMA-\d+-\d+ telah dibuka/,
      /Label pemulangan RMA-/,
    ],
  ] as const)(
    'exchanges a delivered item for an in-stock variant and sends the label in %s',
    async (locale, index, ask, askItem, askVariant, confirm, yes, started, label) => {
      const order = demoOrderAt(exchangeable, index)
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      chat.expectEvent('flow.started', { flow: 'exchange' })
      await chat.userSays(order.number)
      const items = await chat.userSays(order.email)
      chat.expectReply(askItem)
      const variants = await tapPayload(chat, items, '/item:')
      chat.expectReply(askVariant)
      expect(
        payloadsOf(variants).filter((payload) => payload.startsWith('/variant:')).length,
      ).toBeGreaterThan(0)
      await tapPayload(chat, variants, '/variant:')
      chat.expectReply(confirm)
      chat.expectNoEvent('order.exchange-requested-in-conversation')
      expect(await statusOf(order.number)).toBe('delivered')
      const replies = await chat.userSays(yes)
      chat.expectReply(started)
      chat.expectReply(label)
      const file = replies.find((reply) => reply.content.type === 'file')
      expect(file?.content).toMatchObject({ type: 'file', mediaType: 'application/pdf' })
      expect(JSON.stringify(file?.content)).toMatch(
        /\/api\/store\/returns\/ret_[^/]+\/label\?token=/,
      )
      chat.expectEvent('order.exchange-requested-in-conversation', { orderNumber: order.number })
      expect(await statusOf(order.number)).toBe('exchange-requested')
    },
  )

  it('takes the item by its position and the variant by its options typed in words', async () => {
    const order = demoOrderAt(exchangeable, 4)
    const chat = await environment.startChat()
    await chat.userSays('can I swap for another size')
    await chat.userSays(order.number)
    await chat.userSays(order.email)
    const variants = await chat.userSays('1')
    chat.expectReply(/What would you like instead of/)
    const first = variants
      .flatMap((reply) => (reply.content.type === 'quick-replies' ? reply.content.choices : []))
      .find((choice) => choice.payload?.startsWith('/variant:') === true)
    if (first === undefined) throw new Error('no variant offered')
    await chat.userSays(`the ${first.label} one please`)
    chat.expectReply(new RegExp(`for .*\\(${first.label.replace(/[()]/g, '\\$&')}\\)\\?`))
    await chat.userTaps('Yes')
    chat.expectEvent('order.exchange-requested-in-conversation', {
      newSku: first.payload?.slice('/variant:'.length),
    })
  })

  it('changes nothing when the shopper declines the confirmation', async () => {
    const order = demoOrderAt(exchangeable, 5)
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('我想換尺寸')
    await chat.userSays(order.number)
    const items = await chat.userSays(order.email)
    await tapPayload(chat, await tapPayload(chat, items, '/item:'), '/variant:')
    await chat.userTaps('否')
    chat.expectReply(/已經取消了/)
    chat.expectNoEvent('order.exchange-requested-in-conversation')
    expect(await statusOf(order.number)).toBe('delivered')
  })

  it.each([
    ['en', 'I want to exchange an item', /can't be exchanged in chat because it is pending/],
    ['zh-Hant', '我要換貨', /目前待處理，無法在聊天中換貨/],
    ['zh-Hans', '我要换货', /目前待处理，无法在聊天中换货/],
    ['ms', 'saya nak tukar saiz', /tidak boleh ditukar dalam sembang kerana belum diproses/],
  ] as const)(
    'explains with its status that a pending order cannot be exchanged, in %s',
    async (locale, ask, refusal) => {
      const order = demoOrderAt(pending, ['en', 'zh-Hant', 'zh-Hans', 'ms'].indexOf(locale))
      const chat = await environment.startChat({ locale })
      await chat.userSays(ask)
      await chat.userSays(order.number)
      await chat.userSays(order.email)
      chat.expectReply(refusal)
      chat.expectChoice(/./)
      expect(await statusOf(order.number)).toBe('pending')
    },
  )

  it('refuses with the attempts left when the e-mail does not match', async () => {
    const order = demoOrderAt(exchangeable, 6)
    const chat = await environment.startChat({ locale: 'zh-Hans' })
    await chat.userSays('我要换货')
    await chat.userSays(order.number)
    await chat.userSays('someone.else@example.com')
    chat.expectReply(/资料与我们的记录不符，您还可以再试 2 次/)
    expect(chat.lastReplyText()).not.toMatch(/哪件商品/)
    expect(await statusOf(order.number)).toBe('delivered')
  })
})
