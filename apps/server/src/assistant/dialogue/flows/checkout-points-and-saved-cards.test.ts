import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createContainerTranscriptEnvironment,
  payloadsOf,
  type Transcript,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { readPointsChoice } from './checkout-flow.ts'
import { readSaveAnswer } from './save-card-flow.ts'
import { defaultLoyaltyConfiguration } from '../../../workflows/place-order/index.ts'

const script = {
  en: {
    saveCard: 'yes, save it',
    checkout: 'I want to check out',
    usePoints: 'use my points',
    askPoints: /You have 2,000 points\. Use 2,000 of them to take (?:RM|MYR)\s?20\.00 off/,
    confirmPoints: /2,000 points taking (?:RM|MYR)\s?20\.00 off, delivered to Kuala Lumpur\?/,
    yes: 'yes',
    askCard: /type the card number/,
    placed: /Order (#K\w+) is placed/,
    pointsUsed: /You used 2,000 points \((?:RM|MYR)\s?20\.00 off\) and earned \d+ points/,
    askSave: /Save Visa •••• 4242 for next time\?/,
    saved: /Saved\. Next time you can pay with Visa •••• 4242/,
    askPayment: /How would you like to pay\?/,
    confirmSaved: /paid with Visa •••• 4242\?/,
  },
  'zh-Hant': {
    saveCard: '好，幫我儲存',
    checkout: '我要結帳',
    usePoints: '用積分',
    askPoints: /您有 2,000 點。要用其中 2,000 點折抵 (?:RM|MYR)\s?20\.00 嗎/,
    confirmPoints: /使用 2,000 點折抵 (?:RM|MYR)\s?20\.00，送至Kuala Lumpur？/,
    yes: '好',
    askCard: /卡號/,
    placed: /訂單 (#K\w+) 已成立/,
    pointsUsed: /本次使用 2,000 點（折抵 (?:RM|MYR)\s?20\.00），並獲得 \d+ 點/,
    askSave: /要儲存 Visa •••• 4242 供下次使用嗎/,
    saved: /已儲存。下次可直接用 Visa •••• 4242 付款/,
    askPayment: /您想用什麼方式付款/,
    confirmSaved: /以 Visa •••• 4242 付款？/,
  },
  'zh-Hans': {
    saveCard: '保存',
    checkout: '我要结账',
    usePoints: '用积分',
    askPoints: /您有 2,000 积分。要用其中 2,000 积分抵扣 (?:RM|MYR)\s?20\.00 吗/,
    confirmPoints: /用 2,000 积分抵扣 (?:RM|MYR)\s?20\.00，送到Kuala Lumpur？/,
    yes: '好的',
    askCard: /卡号/,
    placed: /订单 (#K\w+) 已下单/,
    pointsUsed: /本单用了 2,000 积分（抵扣 (?:RM|MYR)\s?20\.00），并获得 \d+ 积分/,
    askSave: /要保存 Visa •••• 4242 下次用吗/,
    saved: /已保存。下次可以直接用 Visa •••• 4242 付款/,
    askPayment: /您想用什么方式付款/,
    confirmSaved: /用 Visa •••• 4242 付款？/,
  },
  ms: {
    saveCard: 'ya, simpan',
    checkout: 'Saya nak bayar sekarang',
    usePoints: 'guna mata saya',
    askPoints: /Anda ada 2,000 mata\. Guna 2,000 mata untuk potongan (?:RM|MYR)\s?20\.00/,
    confirmPoints: /2,000 mata memberi potongan (?:RM|MYR)\s?20\.00, dihantar ke Kuala Lumpur\?/,
    yes: 'ya',
    askCard: /nombor kad/,
    placed: /Pesanan (#K\w+) telah dibuat/,
    pointsUsed: /Anda guna 2,000 mata \(potongan (?:RM|MYR)\s?20\.00\) dan dapat \d+ mata/,
    askSave: /Simpan Visa •••• 4242 untuk kali seterusnya\?/,
    saved: /Disimpan\. Lain kali anda boleh bayar dengan Visa •••• 4242/,
    askPayment: /Bagaimana anda mahu membayar/,
    confirmSaved: /dibayar dengan Visa •••• 4242\?/,
  },
} as const
const locales = Object.keys(script) as (keyof typeof script)[]

describe('checkout in chat: loyalty points and cards saved for next time', () => {
  let environment: TranscriptEnvironment
  let variant: string
  let counter = 0

  /** A signed-in member with `points` points, a Malaysian default address and no saved card. */
  async function insertMember(points: number, locale: string): Promise<string> {
    counter += 1
    const id = `cus_pointsmember${String(counter).padStart(4, '0')}`
    const now = new Date().toISOString()
    const db = environment.database.db
    await db
      .insertInto('customers')
      .values({
        id,
        handle: null,
        first_name: 'Nur',
        last_name: 'Member',
        email: `member-${String(counter)}@example.com`,
        phone: null,
        locale,
        marketing_consent: 0,
        loyalty_points: points,
        loyalty_tier: 'gold',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    await db
      .insertInto('customer_addresses')
      .values({
        id: `adr_pointsmember${String(counter)}`,
        customer_id: id,
        line1: '12 Jalan Ampang',
        line2: '',
        city: 'Kuala Lumpur',
        state: 'Wilayah Persekutuan',
        postcode: '50450',
        country: 'MY',
        is_default: 1,
        created_at: now,
      })
      .execute()
    return id
  }

  async function pointsOf(customerId: string): Promise<number> {
    const row = await environment.database.db
      .selectFrom('customers')
      .select('loyalty_points')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
    return Number(row.loyalty_points)
  }

  async function savedMethodsOf(customerId: string) {
    return environment.database.db
      .selectFrom('payment_methods')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('removed_at', 'is', null)
      .execute()
  }

  async function startCheckout(chat: Transcript, text: string) {
    await chat.userSays(`/intent:add_to_cart?variant=${variant}`)
    chat.expectEvent('cart.updated-in-conversation')
    return chat.userSays(text)
  }

  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment()
    // A RM259 item, restocked for every checkout here: 2,000 points (RM20) is well within half of it.
    const row = await environment.database.db
      .selectFrom('product_variants')
      .select('id')
      .where('sku', '=', 'KD-SNK-URB-9-BLK')
      .executeTakeFirstOrThrow()
    variant = row.id
    await environment.database.db
      .updateTable('stock_levels')
      .set({ on_hand: 500, reserved: 0 })
      .where('variant_id', '=', variant)
      .execute()
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  it.each(locales)(
    'spends points typed as "use my points", saves the typed card when asked to, and pays with it next time in one confirmation in %s',
    async (locale) => {
      const lines = script[locale]
      const customerId = await insertMember(2_000, locale)
      const chat = await environment.startChat({ locale, customerId })

      await startCheckout(chat, lines.checkout)
      chat.expectReply(lines.askPoints)
      await chat.userSays(lines.usePoints)
      chat.expectReply(lines.confirmPoints)
      await chat.userSays(lines.yes)
      chat.expectReply(lines.askCard)
      await chat.userSays('4242 4242 4242 4242')
      chat.expectReply(lines.placed)
      chat.expectReply(lines.pointsUsed)
      chat.expectReply(lines.askSave)
      chat.expectEvent('order.placed-in-conversation')
      const placed = chat.expectEvent('order.placed')
      const order = await environment.database.db
        .selectFrom('orders')
        .select(['discount_amount', 'total_amount', 'shipping_amount'])
        .where('id', '=', String(placed.payload['orderId']))
        .executeTakeFirstOrThrow()
      expect(Number(order.discount_amount)).toBe(2_000)
      expect(Number(order.total_amount)).toBe(25_900 - 2_000 + Number(order.shipping_amount))
      // Gold earns 1.25 points per RM1 on the RM239 paid for the goods.
      expect(await pointsOf(customerId)).toBe(298)
      expect(await savedMethodsOf(customerId)).toEqual([])

      chat.expectChoice(/^(Yes, save it|好，儲存|好，保存|Ya, simpan)$/)
      // Typed, and read by the question itself (not only the recognizer's yes).
      await chat.userSays(lines.saveCard)
      chat.expectReply(lines.saved)
      chat.expectEvent('checkout.card-saved-in-conversation', { customerId })
      const saved = await savedMethodsOf(customerId)
      expect(saved).toHaveLength(1)
      expect(saved[0]).toMatchObject({
        kind: 'credit-card',
        brand: 'visa',
        last_four: '4242',
        provider: 'sandbox',
        provider_token: 'tok_sandbox_approve_visa_4242',
      })
      expect(JSON.stringify(saved)).not.toContain('4242424242424242')
      // The token waited in the conversation only for the question.
      expect(JSON.stringify(await chat.conversation())).not.toContain('tok_sandbox')

      // The second checkout: the saved card, one confirmation, no card typed (298 points: no offer).
      await startCheckout(chat, lines.checkout)
      chat.expectReply(lines.askPayment)
      await chat.userTaps('Visa •••• 4242')
      chat.expectReply(lines.confirmSaved)
      await chat.userSays(lines.yes)
      chat.expectReply(lines.placed)
      expect(chat.lastReplyText()).not.toMatch(lines.askSave)
      const second = chat.expectEvent('order.placed-in-conversation')
      const payment = await environment.database.db
        .selectFrom('payment_transactions')
        .select(['payment_method_reference', 'status'])
        .where('order_id', '=', String(second.payload['orderId']))
        .executeTakeFirstOrThrow()
      expect(payment).toMatchObject({
        payment_method_reference: saved[0]?.reference,
        status: 'captured',
      })
    },
  )

  it('gives the points back and takes the earned ones away when the shopper cancels the order in the chat', async () => {
    const customerId = await insertMember(2_000, 'en')
    const chat = await environment.startChat({ locale: 'en', customerId })
    await startCheckout(chat, 'I want to check out')
    await chat.userSays('use my points')
    await chat.userSays('yes')
    await chat.userSays('4242 4242 4242 4242')
    chat.expectReply(/Order #K\w+ is placed/)
    const number = /Order (#K\w+) is placed/.exec(chat.lastReplyText())?.[1] ?? ''
    // Gold: 1.25 points per RM1 on RM239 paid for the goods.
    expect(await pointsOf(customerId)).toBe(298)
    await chat.userTaps('No thanks')
    await chat.userSays('Please cancel my order')
    await chat.userSays(number)
    chat.expectReply(/Why would you like to cancel/)
    await chat.userTaps('I no longer need it')
    chat.expectReply(/Cancel order/)
    await chat.userSays('yes')
    chat.expectReply(new RegExp(`Order ${number} is cancelled`))
    chat.expectReply(
      /The 2,000 points you used are back in your balance, and the 298 points this order earned are removed\./,
    )
    expect(await pointsOf(customerId)).toBe(2_000)
  })

  it('keeps the points when the shopper taps "Not this time" and keeps no card on "No thanks"', async () => {
    const customerId = await insertMember(2_000, 'en')
    const chat = await environment.startChat({ locale: 'en', customerId })
    const asked = await startCheckout(chat, 'I want to check out')
    expect(payloadsOf(asked)).toContain('/intent:checkout?loyalty_points=2000')
    chat.expectChoice(/^Use 2,000 points \(RM\s?20\.00 off\)$/)
    await chat.userTaps('Not this time')
    chat.expectReply(
      /Place the order: 1 item\(s\), (?:RM|MYR)\s?259\.00 before shipping and discounts, delivered to Kuala Lumpur\?/,
    )
    await chat.userSays('yes')
    await chat.userSays('5555 5555 5555 4444')
    chat.expectReply(/Order #K\w+ is placed/)
    chat.expectReply(/Save Mastercard •••• 4444 for next time\?/)
    expect(chat.lastReplyText()).not.toMatch(/You used/)
    // Gold: 1.25 points per RM1 on RM259.
    expect(await pointsOf(customerId)).toBe(2_323)
    await chat.userTaps('No thanks')
    chat.expectReply(/Okay, the card isn't kept\./)
    expect(await savedMethodsOf(customerId)).toEqual([])
  })

  it('explains that the points are no longer there when the balance fell before paying, and charges nothing', async () => {
    const customerId = await insertMember(2_000, 'en')
    const chat = await environment.startChat({ locale: 'en', customerId })
    await startCheckout(chat, 'I want to check out')
    await chat.userTaps(/^Use 2,000 points \(RM\s?20\.00 off\)$/)
    chat.expectReply(/2,000 points taking (?:RM|MYR)\s?20\.00 off/)
    await environment.database.db
      .updateTable('customers')
      .set({ loyalty_points: 300 })
      .where('id', '=', customerId)
      .execute()
    await chat.userSays('yes')
    await chat.userSays('4242 4242 4242 4242')
    chat.expectReply(/You don't have enough points for that any more, so nothing was ordered/)
    chat.expectChoice('Check out')
    chat.expectNoEvent('order.placed-in-conversation')
    expect(await pointsOf(customerId)).toBe(300)
  })

  it('re-asks when the shopper names a number of points the order does not allow', async () => {
    const customerId = await insertMember(2_000, 'en')
    const chat = await environment.startChat({ locale: 'en', customerId })
    await startCheckout(chat, 'I want to check out')
    await chat.userSays('use 650 points')
    chat.expectReply(/That number of points can't be used on this order\./)
    chat.expectReply(/Use 2,000 of them/)
    await chat.userSays('use 1,500 points')
    chat.expectReply(/1,500 points taking (?:RM|MYR)\s?15\.00 off/)
  })

  it('offers a shopper verified in the chat (not signed in) the points, asks only the address, and no card saving', async () => {
    const member = await environment.database.db
      .selectFrom('customers')
      .innerJoin('orders', 'orders.customer_id', 'customers.id')
      .select(['customers.id', 'customers.email', 'orders.number'])
      .where('customers.email', 'is not', null)
      .orderBy('customers.id', 'desc')
      .executeTakeFirstOrThrow()
    await environment.database.db
      .updateTable('customers')
      .set({ loyalty_points: 2_000, loyalty_tier: 'gold' })
      .where('id', '=', member.id)
      .execute()
    const chat = await environment.startChat({ locale: 'en' })
    await chat.userSays('Where is my order?')
    await chat.userSays(member.number)
    await chat.userSays(member.email ?? '')
    chat.expectReply(member.number)
    await startCheckout(chat, 'I want to check out')
    chat.expectReply(/Where should we deliver\?/)
    await chat.userSays('12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia')
    chat.expectReply(/You have 2,000 points/)
    await chat.userSays('use my points')
    chat.expectReply(/2,000 points taking (?:RM|MYR)\s?20\.00 off, delivered to Kuala Lumpur\?/)
    await chat.userSays('yes')
    await chat.userSays('4242 4242 4242 4242')
    chat.expectReply(/Order #K\w+ is placed/)
    chat.expectReply(/You used 2,000 points/)
    expect(chat.lastReplyText()).not.toMatch(/Save Visa/)
    const placed = chat.expectEvent('order.placed')
    expect(placed.payload['customerId']).toBe(member.id)
    expect(await pointsOf(member.id)).toBe(298)
  })

  it('offers a guest no points and no card saving', async () => {
    const chat = await environment.startChat({ locale: 'en' })
    await startCheckout(chat, 'I want to check out')
    await chat.userSays('guest-points@example.com')
    await chat.userSays('Mei Lin')
    await chat.userSays('12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia')
    chat.expectReply(/Place the order/)
    await chat.userSays('yes')
    await chat.userSays('4242 4242 4242 4242')
    chat.expectReply(/Order #K\w+ is placed/)
    expect(chat.lastReplyText()).not.toMatch(/points|Save Visa/)
  })

  it('seeds demo members with points and a chargeable sandbox card, beside τ²’s customers', async () => {
    const members = await environment.database.db
      .selectFrom('customers')
      .innerJoin('payment_methods', 'payment_methods.customer_id', 'customers.id')
      .select([
        'customers.handle',
        'customers.loyalty_points',
        'customers.loyalty_tier',
        'payment_methods.provider',
        'payment_methods.provider_token',
        'payment_methods.last_four',
      ])
      .where('customers.handle', 'like', 'demo_%')
      .orderBy('customers.handle')
      .execute()
    expect(members.map((member) => [member.handle, member.loyalty_tier, member.last_four])).toEqual(
      [
        ['demo_aisyah_rahman', 'silver', '4242'],
        ['demo_chen_meilin', 'gold', '4444'],
        ['demo_jason_lim', 'platinum', '4242'],
      ],
    )
    expect(members.every((member) => member.provider === 'sandbox')).toBe(true)
    const jason = await environment.database.db
      .selectFrom('customers')
      .select('id')
      .where('handle', '=', 'demo_jason_lim')
      .executeTakeFirstOrThrow()
    const chat = await environment.startChat({ locale: 'en', customerId: jason.id })
    await startCheckout(chat, 'I want to check out')
    chat.expectChoice('Visa •••• 4242')
    // τ²'s imported methods still carry no token.
    const imported = await environment.database.db
      .selectFrom('payment_methods')
      .select('id')
      .where('provider', '=', 'imported')
      .where('provider_token', 'is not', null)
      .execute()
    expect(imported).toEqual([])
  })
})

describe('readPointsChoice', () => {
  const loyalty = defaultLoyaltyConfiguration
  it('reads taps, typed phrases in four languages, allowed numbers and no', () => {
    expect(readPointsChoice('/intent:checkout?loyalty_points=700', 700, loyalty)).toBe('700')
    for (const text of ['use my points', 'guna mata saya', '用积分', '用積分', 'redeem points'])
      expect(readPointsChoice(text, 700, loyalty)).toBe('700')
    expect(readPointsChoice('use 600 points', 700, loyalty)).toBe('600')
    expect(readPointsChoice('use 650 points', 700, loyalty)).toBe('invalid')
    expect(readPointsChoice('800 points', 700, loyalty)).toBe('invalid')
    for (const text of ['no', 'not this time', 'tak nak', '这次不用', '不用'])
      expect(readPointsChoice(text, 700, loyalty)).toBe('0')
    expect(readPointsChoice('yes', 700, loyalty)).toBe('700')
    expect(readPointsChoice('what is this', 700, loyalty)).toBeUndefined()
  })
})

describe('readSaveAnswer', () => {
  it('reads "save my card" as yes and "don\'t save it" as no in four languages', () => {
    for (const text of ['save my card', 'yes keep it', 'simpan kad ini', '保存', '幫我儲存'])
      expect(readSaveAnswer(text)).toBe('yes')
    for (const text of ["don't save it", 'jangan simpan', '不要保存', '不用儲存'])
      expect(readSaveAnswer(text)).toBe('no')
    expect(readSaveAnswer('where is my order')).toBeUndefined()
  })
})
