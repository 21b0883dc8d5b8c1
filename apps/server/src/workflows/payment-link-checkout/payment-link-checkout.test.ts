import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PaymentsService } from '../../domains/payments/index.ts'
import { startTestServer, type TestServer } from '../../testing/test-server.ts'
import type { SettledPaymentLinkCheckout } from './payment-link-checkout.ts'

describe('payment-link checkout', () => {
  let server: TestServer
  let payments: PaymentsService
  const settled: SettledPaymentLinkCheckout[] = []
  beforeAll(async () => {
    server = await startTestServer()
    const found = server.container.payments
    if (found === undefined) throw new Error('the server has no payments service')
    payments = found
    server.container.paymentLinks.onSettled(async (checkout) => {
      settled.push(checkout)
    })
  }, 300_000)
  afterAll(async () => {
    await server.close()
  })

  async function cartWithSneakers(): Promise<string> {
    const variant = await server.container.database.db
      .selectFrom('product_variants')
      .select('id')
      .where('sku', '=', 'KD-SNK-URB-9-BLK')
      .executeTakeFirstOrThrow()
    const cart = await server.container.carts.createCart({ locale: 'en' })
    const added = await server.container.carts.addLine(cart.token, {
      variant: variant.id,
      quantity: 1,
    })
    if (!added.ok) throw new Error(`could not fill the cart: ${added.reason}`)
    return cart.token
  }

  function start(cartToken: string, checkoutKey: string) {
    return server.container.paymentLinks.start({
      cartToken,
      checkoutKey,
      conversationId: `conv_${checkoutKey}`,
      guest: { email: `${checkoutKey}@example.com`, firstName: 'Mei', lastName: 'Lin' },
      shippingAddress: {
        line1: '12 Jalan Ampang',
        line2: '',
        city: 'Kuala Lumpur',
        state: 'Wilayah Persekutuan',
        postcode: '50450',
        country: 'MY',
      },
      locale: 'ms',
    })
  }

  async function ordersOf(checkoutKey: string) {
    return server.container.database.db
      .selectFrom('orders')
      .select('id')
      .where('conversation_id', '=', `conv_${checkoutKey}`)
      .execute()
  }

  it('places the order once when the page is paid, however often the news arrives', async () => {
    const key = 'link-once-0001'
    const started = await start(await cartWithSneakers(), key)
    if (!started.ok) throw new Error('expected a payment link')
    expect(await ordersOf(key)).toHaveLength(0)
    const paid = await payments.payWithCard(started.paymentId, { number: '4242424242424242' })
    expect(paid.ok).toBe(true)
    expect(await ordersOf(key)).toHaveLength(1)
    const mine = settled.filter((checkout) => checkout.paymentId === started.paymentId)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ conversationId: `conv_${key}`, locale: 'ms' })
    expect(mine[0]?.outcome.ok).toBe(true)

    const payment = await payments.getPayment(started.paymentId)
    if (payment === undefined) throw new Error('the payment is gone')
    const news = {
      type: 'payment.captured' as const,
      paymentId: payment.id,
      checkoutReference: payment.checkoutReference,
      orderId: payment.orderId,
      previousStatus: 'authorized' as const,
      status: 'captured' as const,
      amount: payment.amount,
      failureReason: null,
      source: { kind: 'call' as const },
    }
    await Promise.all([
      server.container.paymentLinks.handlePaymentStatusChange(news),
      server.container.paymentLinks.handlePaymentStatusChange(news),
    ])
    expect(await ordersOf(key)).toHaveLength(1)
    expect(settled.filter((checkout) => checkout.paymentId === started.paymentId)).toHaveLength(1)
  })

  it('gives the same link again while the payment waits, and nothing is placed for a declined card', async () => {
    const key = 'link-wait-0002'
    const token = await cartWithSneakers()
    const first = await start(token, key)
    const again = await start(token, key)
    if (!first.ok || !again.ok) throw new Error('expected payment links')
    expect(again).toEqual(first)
    const declined = await payments.payWithCard(first.paymentId, { number: '4000000000000002' })
    expect(declined.ok).toBe(false)
    expect(await ordersOf(key)).toHaveLength(0)
    expect(settled.some((checkout) => checkout.paymentId === first.paymentId)).toBe(false)
  })
})
