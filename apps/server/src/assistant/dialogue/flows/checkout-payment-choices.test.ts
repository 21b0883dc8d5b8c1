import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConversationMessage } from '../../../domains/conversations/index.ts'
import {
  startLocalStripeServer,
  type LocalStripeServer,
} from '../../../testing/local-stripe-server.ts'
import {
  createContainerTranscriptEnvironment,
  type Transcript,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { describeSavedCard, readPaymentChoice } from './checkout-flow.ts'

const script = {
  en: {
    checkout: 'I want to check out',
    askPayment: /How would you like to pay\?/,
    confirmSaved: /paid with Visa •••• 4242\?/,
    yes: 'yes',
    name: 'Mei Lin',
    address: '12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia',
    payLink: /on our secure payment page/,
    placed: /Order (#K\w+) is placed/,
  },
  'zh-Hant': {
    checkout: '我要結帳',
    askPayment: /您想用什麼方式付款/,
    confirmSaved: /以 Visa •••• 4242 付款？/,
    yes: '好',
    name: '林美美',
    address: '信義路五段 7 號, 台北, 110, 台灣',
    payLink: /請在安全付款頁面支付/,
    placed: /訂單 (#K\w+) 已成立/,
  },
  'zh-Hans': {
    checkout: '我要结账',
    askPayment: /您想用什么方式付款/,
    confirmSaved: /用 Visa •••• 4242 付款？/,
    yes: '好的',
    name: '陈小明',
    address: '中山路 8 号, 新山, 80000, 马来西亚',
    payLink: /请在安全支付页面支付/,
    placed: /订单 (#K\w+) 已下单/,
  },
  ms: {
    checkout: 'Saya nak bayar sekarang',
    askPayment: /Bagaimana anda mahu membayar/,
    confirmSaved: /dibayar dengan Visa •••• 4242\?/,
    yes: 'ya',
    name: 'Siti Aminah',
    address: '5 Jalan Tun Razak, Kuala Lumpur, 50400, Malaysia',
    payLink: /Bayar .* di halaman pembayaran selamat/,
    placed: /Pesanan (#K\w+) telah dibuat/,
  },
} as const
const locales = Object.keys(script) as (keyof typeof script)[]

async function variantId(environment: TranscriptEnvironment, sku: string): Promise<string> {
  const row = await environment.database.db
    .selectFrom('product_variants')
    .select('id')
    .where('sku', '=', sku)
    .executeTakeFirstOrThrow()
  return row.id
}

/** The link button of the bot's payment-link message. */
function linkOf(replies: readonly ConversationMessage[]): string {
  for (const reply of replies) {
    if (reply.content.type !== 'buttons') continue
    const button = reply.content.buttons.find((candidate) => candidate.kind === 'link')
    if (button?.kind === 'link') return button.url
  }
  throw new Error('no payment link in the replies')
}

/** Guest checkout in chat up to the payment-link message; returns the link. */
async function checkOutWithPaymentLink(
  chat: Transcript,
  locale: keyof typeof script,
  variant: string,
): Promise<string> {
  const lines = script[locale]
  await chat.userSays(`/intent:add_to_cart?variant=${variant}`)
  await chat.userSays(lines.checkout)
  await chat.userSays(`link-${locale.toLowerCase()}-${chat.conversationId}@example.com`)
  await chat.userSays(lines.name)
  await chat.userSays(lines.address)
  await chat.userSays(lines.yes)
  chat.expectChoice(/secure page|安全頁面|安全页面|halaman selamat/)
  const replies = await chat.userTaps(/secure page|安全頁面|安全页面|halaman selamat/)
  chat.expectReply(lines.payLink)
  chat.expectEvent('checkout.payment-link-sent')
  chat.expectNoEvent('order.placed-in-conversation')
  return linkOf(replies)
}

async function botMessagesSince(
  environment: TranscriptEnvironment,
  chat: Transcript,
  sequence: number,
): Promise<ConversationMessage[]> {
  const messages = await environment.conversations.listMessages(chat.conversationId, {
    limit: 200,
  })
  return messages.filter(
    (message) => message.sequence > sequence && message.direction === 'outbound',
  )
}

async function lastSequence(environment: TranscriptEnvironment, chat: Transcript) {
  return (await environment.conversations.getConversation(chat.conversationId)).lastSequence
}

describe('checkout payment choices: saved cards and the sandbox payment page', () => {
  let environment: TranscriptEnvironment
  let variant: string
  let customers: string[]
  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment({ listen: true })
    variant = await variantId(environment, 'KD-SNK-URB-9-BLK')
    const rows = await environment.database.db
      .selectFrom('customers')
      .innerJoin('customer_addresses', 'customer_addresses.customer_id', 'customers.id')
      .select('customers.id')
      .where('customers.email', 'is not', null)
      .orderBy('customers.id')
      .limit(5)
      .execute()
    customers = rows.map((row) => row.id)
    for (const [index, customerId] of customers.entries()) {
      // A returning customer: a Malaysian delivery address and a card saved at an earlier checkout.
      await environment.database.db
        .updateTable('customer_addresses')
        .set({
          line1: `${String(index + 1)} Jalan Ampang`,
          line2: '',
          city: 'Kuala Lumpur',
          state: 'Wilayah Persekutuan',
          postcode: '50450',
          country: 'MY',
        })
        .where('customer_id', '=', customerId)
        .execute()
      await environment.database.db
        .insertInto('payment_methods')
        .values({
          id: `pm_savedcard${String(index)}`,
          customer_id: customerId,
          reference: `credit_card_saved_${String(index)}`,
          kind: 'credit-card',
          brand: 'visa',
          last_four: '4242',
          balance_amount: null,
          currency: 'MYR',
          provider: 'sandbox',
          provider_token: 'tok_sandbox_approve_visa_4242',
          created_at: new Date().toISOString(),
          removed_at: null,
        })
        .execute()
    }
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  it.each(locales.map((locale, index) => [locale, index] as const))(
    'lets a returning customer pay with a saved card and one confirmation in %s',
    async (locale, index) => {
      const lines = script[locale]
      const customerId = customers[index] ?? ''
      const chat = await environment.startChat({ locale, customerId })
      await chat.userSays(`/intent:add_to_cart?variant=${variant}`)
      await chat.userSays(lines.checkout)
      chat.expectReply(lines.askPayment)
      chat.expectChoice('Visa •••• 4242')
      await chat.userTaps('Visa •••• 4242')
      chat.expectReply(lines.confirmSaved)
      chat.expectNoEvent('order.placed-in-conversation')
      await chat.userSays(lines.yes)
      chat.expectReply(lines.placed)
      expect(chat.lastReplyText()).not.toMatch(/4242 4242/)
      const placed = chat.expectEvent('order.placed-in-conversation')
      const order = await environment.database.db
        .selectFrom('payment_transactions')
        .select(['payment_method_reference', 'status'])
        .where('order_id', '=', String(placed.payload['orderId']))
        .executeTakeFirstOrThrow()
      expect(order).toMatchObject({
        payment_method_reference: `credit_card_saved_${String(index)}`,
        status: 'captured',
      })
      // The paid cart is history: the cart is empty again.
      await chat.userSays('/intent:view_cart')
      chat.expectReply(/cart is empty|購物車是空的|购物车是空的|kosong/)
    },
  )

  it('offers the secure payment page after a declined card, as a new attempt', async () => {
    const chat = await environment.startChat()
    await chat.userSays(`/intent:add_to_cart?variant=${variant}`)
    await chat.userSays('I want to check out')
    await chat.userSays('declined-then-link@example.com')
    await chat.userSays('Mei Lin')
    await chat.userSays('12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia')
    await chat.userSays('yes')
    await chat.userSays('4000 0000 0000 0002')
    chat.expectReply(/payment was declined/)
    await chat.userTaps('Pay on a secure page')
    await chat.userSays('declined-then-link@example.com')
    await chat.userSays('Mei Lin')
    await chat.userSays('12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia')
    chat.expectReply(/I'll send you a secure payment link/)
    const replies = await chat.userSays('yes')
    chat.expectReply(/on our secure payment page/)
    expect(linkOf(replies)).toMatch(/\/sandbox\/payments\/pay_/)
  })

  it('says nothing was ordered when the shopper declines the confirmation', async () => {
    const chat = await environment.startChat({ customerId: customers[4] ?? '' })
    await chat.userSays(`/intent:add_to_cart?variant=${variant}`)
    await chat.userSays('I want to check out')
    await chat.userTaps('Visa •••• 4242')
    await chat.userTaps('No')
    chat.expectReply(/stopped/)
    chat.expectNoEvent('order.placed-in-conversation')
  })

  it.each(locales)(
    'sends a payment link, and confirms the order in the chat once the sandbox page is paid in %s',
    async (locale) => {
      const chat = await environment.startChat({ locale })
      const link = await checkOutWithPaymentLink(chat, locale, variant)
      expect(link.startsWith(`${environment.baseUrl ?? ''}/sandbox/payments/pay_`)).toBe(true)
      const before = await lastSequence(environment, chat)

      const page = await fetch(link)
      expect(page.status).toBe(200)
      const html = await page.text()
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''
      const submit = (cardNumber: string) =>
        fetch(new URL(action, link), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ cardNumber }).toString(),
        })
      const declined = await submit('4000 0000 0000 0002')
      expect(declined.status).toBe(402)
      expect(await botMessagesSince(environment, chat, before)).toHaveLength(0)

      const paid = await submit('4242 4242 4242 4242')
      expect(paid.status).toBe(200)
      expect(await paid.text()).toContain('Payment received')

      const told = await botMessagesSince(environment, chat, before)
      const text = told
        .map((message) => (message.content.type === 'text' ? message.content.text : ''))
        .join(' ')
      const number = script[locale].placed.exec(text)?.[1]
      expect(number).toBeDefined()
      expect(
        told.find((message) => message.content.type === 'order-summary')?.content,
      ).toMatchObject({ type: 'order-summary', orderNumber: number })
      expect(
        environment.events.some(
          (event) =>
            event.type === 'order.placed-in-conversation' &&
            event.aggregateId === chat.conversationId &&
            event.payload['paidBy'] === 'payment-link',
        ),
      ).toBe(true)
      // Paying the page again changes nothing and tells the conversation nothing new.
      const after = await lastSequence(environment, chat)
      await submit('4242 4242 4242 4242')
      expect(await botMessagesSince(environment, chat, after)).toHaveLength(0)
    },
  )
})

describe('checkout payment link when the cart changes before the payment', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createContainerTranscriptEnvironment({ listen: true })
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  it('places no order and releases the payment when the cart changed after the link was sent', async () => {
    const chat = await environment.startChat()
    const link = await checkOutWithPaymentLink(
      chat,
      'en',
      await variantId(environment, 'KD-SNK-URB-9-BLK'),
    )
    await chat.userSays(
      `/intent:add_to_cart?variant=${await variantId(environment, 'KD-SCK-SPT-M-WHT')}`,
    )
    chat.expectEvent('cart.updated-in-conversation')
    const before = await lastSequence(environment, chat)
    const paymentId = /\/(pay_\w+)$/.exec(link)?.[1] ?? ''
    const paid = await fetch(new URL(`/sandbox/payments/${paymentId}`, link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'cardNumber=4242424242424242',
    })
    expect(paid.status).toBe(200)
    const told = await botMessagesSince(environment, chat, before)
    expect(
      told.some(
        (message) =>
          message.content.type === 'quick-replies' &&
          /couldn't place the order.*Nothing was charged/.test(message.content.text),
      ),
    ).toBe(true)
    expect(told.some((message) => message.content.type === 'order-summary')).toBe(false)
    expect(
      environment.events.some(
        (event) =>
          event.type === 'checkout.payment-link-failed' &&
          event.aggregateId === chat.conversationId &&
          event.payload['reason'] === 'invalid-cart',
      ),
    ).toBe(true)
    const payment = await environment.container?.payments?.getPayment(paymentId)
    expect(payment?.status).toBe('canceled')
    const orders = await environment.database.db
      .selectFrom('orders')
      .select('id')
      .where('conversation_id', '=', chat.conversationId)
      .execute()
    expect(orders).toHaveLength(0)
  })
})

describe('checkout payment link through Stripe Checkout (local Stripe protocol server)', () => {
  const webhookSecret = 'whsec_local_chat_secret'
  let stripeServer: LocalStripeServer
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    stripeServer = await startLocalStripeServer()
    environment = await createContainerTranscriptEnvironment({
      listen: true,
      environment: {
        PAYMENT_PROVIDER: 'stripe',
        PAYMENT_CAPTURE: 'manual',
        STRIPE_SECRET_KEY: 'sk_test_local',
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        STRIPE_API_BASE: stripeServer.url,
      },
    })
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
    await stripeServer.close()
  })

  it('confirms the order in the chat when Stripe reports the Checkout Session paid', async () => {
    const chat = await environment.startChat()
    const link = await checkOutWithPaymentLink(
      chat,
      'en',
      await variantId(environment, 'KD-SNK-URB-9-BLK'),
    )
    const sessionId = /\/(cs_test_\w+)$/.exec(link)?.[1] ?? ''
    expect(sessionId).not.toBe('')
    const before = await lastSequence(environment, chat)
    const session = (await (
      await fetch(`${stripeServer.url}/v1/checkout/sessions/${sessionId}`, {
        headers: { authorization: 'Bearer sk_test_local' },
      })
    ).json()) as Record<string, unknown>
    const payload = JSON.stringify({
      id: 'evt_local_checkout_completed_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          ...session,
          status: 'complete',
          payment_status: 'paid',
          payment_intent: 'pi_local_checkout_1',
        },
      },
    })
    const delivered = await fetch(`${environment.baseUrl ?? ''}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: webhookSecret,
        }),
      },
      body: payload,
    })
    expect(await delivered.json()).toMatchObject({ received: true, applied: true })
    const told = await botMessagesSince(environment, chat, before)
    expect(
      told.some(
        (message) =>
          message.content.type === 'text' && /Order #K\w+ is placed/.test(message.content.text),
      ),
    ).toBe(true)
    expect(told.some((message) => message.content.type === 'order-summary')).toBe(true)
  })
})

describe('payment choices', () => {
  it('reads tapped and typed payment choices', () => {
    expect(readPaymentChoice('/intent:checkout?payment_method=pm_123')).toBe('pm_123')
    expect(readPaymentChoice('pay on a secure page please')).toBe('link')
    expect(readPaymentChoice('用另一張卡')).toBe('card')
    expect(readPaymentChoice('the one ending 4242')).toBe('last4:4242')
    expect(readPaymentChoice('hello')).toBeUndefined()
  })

  it('shows a saved card by brand and last four digits only', () => {
    expect(describeSavedCard({ brand: 'mastercard', lastFour: '4444' })).toBe(
      'Mastercard •••• 4444',
    )
  })
})
