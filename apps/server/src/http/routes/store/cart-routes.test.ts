import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'

const address = {
  line1: '1 Jalan Test',
  city: 'Kuala Lumpur',
  state: 'WP',
  postcode: '50000',
  country: 'MY',
}
const guest = { email: 'route-test@example.com', firstName: 'Wei', lastName: 'Ling' }
// Demo linen dress, size S sage: 6 units in the online warehouse.
const sku = 'KD-DRS-LIN-S-SGE'

describe('cart routes', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    await server.close()
  })

  async function openCart(): Promise<string> {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/store/carts',
      payload: { locale: 'en' },
    })
    expect(response.statusCode).toBe(201)
    return (response.json() as { token: string }).token
  }

  function addLine(token: string, payload: unknown) {
    return server.app.inject({
      method: 'POST',
      url: `/api/store/carts/${token}/lines`,
      payload: payload as object,
    })
  }

  it('adds a line by SKU and returns totals with the 6 % tax included when the item is in stock', async () => {
    const token = await openCart()
    const response = await addLine(token, { variant: sku, quantity: 2 })
    expect(response.statusCode).toBe(201)
    const cart = response.json() as {
      lines: { sku: string; quantity: number }[]
      totals: { subtotal: { amount: number }; tax: { amount: number }; total: { amount: number } }
    }
    expect(cart.lines).toMatchObject([{ sku, quantity: 2 }])
    expect(cart.totals.subtotal.amount).toBe(37_800)
    expect(cart.totals.total.amount).toBe(37_800)
    expect(cart.totals.tax.amount).toBe(Math.round((37_800 * 600) / 10_600))
  })

  it('answers 400 naming the field when the quantity is not a whole number from 1 to 99', async () => {
    const token = await openCart()
    for (const quantity of [0, 100, 1.5, 'two', -1]) {
      const response = await addLine(token, { variant: sku, quantity })
      expect(response.statusCode).toBe(400)
      expect(
        (response.json() as { error: { issues: { path: string }[] } }).error.issues[0]?.path,
      ).toBe('body.quantity')
    }
  })

  it('answers 422 unknown-variant when the variant does not exist', async () => {
    const token = await openCart()
    const response = await addLine(token, { variant: 'NO-SUCH-SKU', quantity: 1 })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ error: { details: { reason: 'unknown-variant' } } })
  })

  it('answers 409 insufficient-stock with what is available when asking for more than the warehouse holds', async () => {
    const token = await openCart()
    const response = await addLine(token, { variant: sku, quantity: 50 })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({
      error: { code: 'conflict', details: { reason: 'insufficient-stock', available: 6 } },
    })
  })

  it('answers 404 cart-not-found when the token is unknown', async () => {
    const response = await server.app.inject({ url: '/api/store/carts/this-token-does-not-exist' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ error: { details: { reason: 'cart-not-found' } } })
  })

  it('changes, then removes a line when setting its quantity and then 0', async () => {
    const token = await openCart()
    const added = (await addLine(token, { variant: sku, quantity: 1 })).json() as {
      lines: { id: string }[]
    }
    const lineId = added.lines[0]?.id ?? ''
    const changed = await server.app.inject({
      method: 'PATCH',
      url: `/api/store/carts/${token}/lines/${lineId}`,
      payload: { quantity: 3 },
    })
    expect(changed.statusCode).toBe(200)
    expect((changed.json() as { lines: { quantity: number }[] }).lines[0]?.quantity).toBe(3)
    const removed = await server.app.inject({
      method: 'PATCH',
      url: `/api/store/carts/${token}/lines/${lineId}`,
      payload: { quantity: 0 },
    })
    expect((removed.json() as { lines: unknown[] }).lines).toEqual([])
    const again = await server.app.inject({
      method: 'DELETE',
      url: `/api/store/carts/${token}/lines/${lineId}`,
    })
    expect(again.statusCode).toBe(404)
    expect(again.json()).toMatchObject({ error: { details: { reason: 'line-not-found' } } })
  })

  it('answers 402 payment-declined and keeps the cart open when the card is declined', async () => {
    const token = await openCart()
    await addLine(token, { variant: sku, quantity: 1 })
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/store/carts/${token}/checkout`,
      payload: {
        checkoutKey: 'route-declined-1',
        guest,
        shippingAddress: address,
        payment: { kind: 'card', number: '4000 0000 0000 0002' },
      },
    })
    expect(response.statusCode).toBe(402)
    expect(response.json()).toMatchObject({
      ok: false,
      reason: 'payment-declined',
      declineReason: 'card-declined',
    })
    const cart = (await server.app.inject({ url: `/api/store/carts/${token}` })).json() as {
      status: string
    }
    expect(cart.status).toBe('open')
  })

  it('places the order with 201 and replays it with 200 when the same key is sent again', async () => {
    const token = await openCart()
    await addLine(token, { variant: sku, quantity: 1 })
    const request = {
      method: 'POST' as const,
      url: `/api/store/carts/${token}/checkout`,
      payload: {
        checkoutKey: 'route-approved-1',
        guest,
        shippingAddress: address,
        payment: { kind: 'card', number: '4242 4242 4242 4242' },
      },
    }
    const first = await server.app.inject(request)
    expect(first.statusCode).toBe(201)
    const order = (first.json() as { order: { id: string; number: string; paymentStatus: string } })
      .order
    expect(order.number).toMatch(/^#K/)
    expect(order.paymentStatus).toBe('captured')
    const second = await server.app.inject(request)
    expect(second.statusCode).toBe(200)
    expect(second.json() as { order: { id: string }; replayed: boolean }).toMatchObject({
      order: { id: order.id },
      replayed: true,
    })
  })

  it('answers 400 naming the field when the checkout body is malformed', async () => {
    const token = await openCart()
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/store/carts/${token}/checkout`,
      payload: { checkoutKey: 'short', payment: { kind: 'bitcoin' } },
    })
    expect(response.statusCode).toBe(400)
    const paths = (response.json() as { error: { issues: { path: string }[] } }).error.issues.map(
      (issue) => issue.path,
    )
    expect(paths).toEqual(expect.arrayContaining(['body.checkoutKey']))
  })

  it('quotes the coupon discount, shipping and delivery estimate without changing the cart', async () => {
    const token = await openCart()
    await addLine(token, { variant: sku, quantity: 2 })
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/store/carts/${token}/quote`,
      payload: {
        couponCode: 'SAVE10',
        shippingAddress: { country: 'MY', state: 'Selangor', postcode: '40000' },
      },
    })
    expect(response.statusCode).toBe(200)
    const quote = response.json() as {
      totals: {
        subtotal: { amount: number }
        discount: { amount: number }
        total: { amount: number }
        shipping: { amount: number }
      }
      shippingMethod: string | null
      estimatedDelivery: { earliest: string } | null
      promotionKeys: string[]
    }
    expect(quote.totals.subtotal.amount).toBe(37_800)
    expect(quote.totals.discount.amount).toBe(3_780)
    expect(quote.promotionKeys).toContain('save10')
    expect(quote.shippingMethod).toBe('standard')
    expect(quote.estimatedDelivery?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}/)
    expect(quote.totals.total.amount).toBe(37_800 - 3_780 + quote.totals.shipping.amount)
    const rejected = await server.app.inject({
      method: 'POST',
      url: `/api/store/carts/${token}/quote`,
      payload: { couponCode: 'NOPE-NOT-A-CODE' },
    })
    expect((rejected.json() as { rejectedCodes: { code: string }[] }).rejectedCodes[0]?.code).toBe(
      'NOPE-NOT-A-CODE',
    )
    const missing = await server.app.inject({
      method: 'POST',
      url: '/api/store/carts/unknown-token-000000/quote',
      payload: {},
    })
    expect(missing.statusCode).toBe(404)
  })
})
