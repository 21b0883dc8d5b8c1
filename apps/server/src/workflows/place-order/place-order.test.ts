import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { createFraudService } from '../../domains/fraud/index.ts'
import { createNotificationsService } from '../../domains/notifications/index.ts'
import { createOrderConfirmationNotifier } from '../send-order-confirmation/index.ts'
import { createPromotionsService } from '../../domains/promotions/index.ts'
import { createShippingService, loadShippingConfiguration } from '../../domains/shipping/index.ts'
import { createCommerceServices, type CommerceServices } from '../../app/commerce-services.ts'
import type { DatabaseHandle } from '../../db/database.ts'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type EventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createOrderOperations } from '../order-operations/index.ts'
import { defaultPlaceOrderConfiguration, tierOfBalance } from './index.ts'
import type { PlaceOrderInput } from './place-order.ts'

const now = '2026-11-24T09:00:00.000Z'
const demoDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../data/demo')
const address = {
  line1: '1 Jalan Test',
  line2: '',
  city: 'Kuala Lumpur',
  state: 'WP',
  postcode: '50000',
  country: 'MY',
}
const approvingCard = { kind: 'card', number: '4242 4242 4242 4242' } as const
const decliningCard = { kind: 'card', number: '4000 0000 0000 0002' } as const

let counter = 0

/** A fresh product with one variant at a fresh warehouse (so suites never share stock). */
async function insertVariant(
  handle: DatabaseHandle,
  onHand: number,
  priceAmount = 25_900,
): Promise<{ variantId: string; warehouseId: string }> {
  counter += 1
  const suffix = `${counter}_${Math.random().toString(36).slice(2, 8)}`
  const db = handle.db
  await db
    .insertInto('locations')
    .values({
      id: `loc_${suffix}`,
      code: `warehouse-${suffix}`,
      kind: 'warehouse',
      name: JSON.stringify({ en: 'Warehouse' }),
      address: '{}',
      phone: null,
      timezone: 'Asia/Kuala_Lumpur',
      opening_hours: null,
      holidays_closed: '[]',
      aisles: '{}',
      created_at: now,
    })
    .execute()
  await db
    .insertInto('products')
    .values({
      id: `prd_${suffix}`,
      external_id: null,
      slug: `urban-sneakers-${suffix}`,
      category_key: null,
      name: JSON.stringify({ en: 'Urban Sneakers', 'zh-Hant': '都市休閒鞋' }),
      description: JSON.stringify({ en: 'Sneakers' }),
      brand: null,
      tags: '[]',
      option_names: '["size"]',
      image_url: null,
      complements: '[]',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('product_variants')
    .values({
      id: `var_${suffix}`,
      product_id: `prd_${suffix}`,
      sku: `KD-SNK-${suffix}`,
      options: '{"size":"9"}',
      price_amount: priceAmount,
      currency: 'MYR',
      is_available: 1,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('stock_levels')
    .values({
      variant_id: `var_${suffix}`,
      location_id: `loc_${suffix}`,
      on_hand: onHand,
      reserved: 0,
      aisle: null,
      updated_at: now,
    })
    .execute()
  return { variantId: `var_${suffix}`, warehouseId: `loc_${suffix}` }
}

async function insertCustomer(
  handle: DatabaseHandle,
  points: number,
  tier = 'silver',
): Promise<string> {
  counter += 1
  const id = `cus_${counter}_${Math.random().toString(36).slice(2, 8)}`
  await handle.db
    .insertInto('customers')
    .values({
      id,
      handle: null,
      first_name: 'Aisyah',
      last_name: 'Rahman',
      email: `${id}@example.com`,
      phone: null,
      locale: 'ms',
      marketing_consent: 0,
      loyalty_points: points,
      loyalty_tier: tier,
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
  await handle.db
    .insertInto('customer_addresses')
    .values({ id: `adr_${id}`, customer_id: id, ...address, is_default: 1, created_at: now })
    .execute()
  return id
}

async function stockOf(handle: DatabaseHandle, variantId: string) {
  const row = await handle.db
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('variant_id', '=', variantId)
    .executeTakeFirstOrThrow()
  return { onHand: Number(row.on_hand), reserved: Number(row.reserved) }
}

describeEachEngine('placeOrder', (getDatabase) => {
  const clock = createManualClock(now)
  const events: RecordedEvent[] = []
  let commerce: CommerceServices

  let eventBus: EventBus
  beforeAll(async () => {
    const handle = getDatabase()
    eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    eventBus.subscribe('*', (event) => {
      events.push(event)
    })
    commerce = await createCommerceServices({
      database: handle,
      clock,
      eventBus,
      createId,
      currency: 'MYR',
      publicUrl: 'http://localhost:3000',
      secret: 'test-secret-test-secret-test-secret-1234',
    })
  })

  async function cartWith(variantId: string, quantity: number, customerId: string | null = null) {
    const cart = await commerce.carts.createCart({ customerId, locale: 'en' })
    const added = await commerce.carts.addLine(cart.token, { variant: variantId, quantity })
    if (!added.ok) throw new Error(`could not fill the cart: ${added.reason}`)
    return added.value
  }

  function guestCheckout(
    token: string,
    key: string,
    payment: PlaceOrderInput['payment'] = approvingCard,
  ): PlaceOrderInput {
    return {
      cartToken: token,
      checkoutKey: key,
      guest: { email: `${key}@example.com`, firstName: 'Wei', lastName: 'Ling' },
      shippingAddress: address,
      payment,
    }
  }

  it('places exactly 5 orders when 200 checkouts race for the last 5 units', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 5)
    const carts = await Promise.all(Array.from({ length: 200 }, () => cartWith(variantId, 1)))
    const outcomes = await Promise.all(
      carts.map((cart, index) =>
        commerce.checkout.placeOrder(guestCheckout(cart.token, `race-${variantId}-${index}`)),
      ),
    )
    const placed = outcomes.filter((outcome) => outcome.ok)
    expect(placed).toHaveLength(5)
    expect(
      outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'out-of-stock'),
    ).toHaveLength(195)
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 0, reserved: 0 })
    const held = await handle.db
      .selectFrom('stock_reservations')
      .select('id')
      .where('variant_id', '=', variantId)
      .where('status', '=', 'held')
      .execute()
    expect(held).toEqual([])
    const orders = await handle.db
      .selectFrom('order_items')
      .select('order_id')
      .where('variant_id', '=', variantId)
      .execute()
    expect(orders).toHaveLength(5)
  }, 120_000)

  it('leaves stock, cart and loyalty points exactly as before when the card is declined', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 3)
    const customerId = await insertCustomer(handle, 500)
    const cart = await cartWith(variantId, 2, customerId)
    const stockBefore = await stockOf(handle, variantId)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `declined-${variantId}`,
      customerId,
      payment: decliningCard,
      redeemPoints: 500,
    })
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'payment-declined',
      declineReason: 'card-declined',
    })
    expect(await stockOf(handle, variantId)).toEqual(stockBefore)
    const cartAfter = await commerce.carts.getCart(cart.token)
    expect(cartAfter?.status).toBe('open')
    expect(
      cartAfter?.lines.map((line) => [line.variantId, line.quantity, line.unitPrice.amount]),
    ).toEqual(cart.lines.map((line) => [line.variantId, line.quantity, line.unitPrice.amount]))
    const customer = await handle.db
      .selectFrom('customers')
      .select(['loyalty_points'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
    expect(Number(customer.loyalty_points)).toBe(500)
    const reservations = await commerce.inventory.listReservations(`declined-${variantId}`)
    expect(reservations.map((reservation) => reservation.status)).toEqual(['released'])
    expect(
      await handle.db
        .selectFrom('orders')
        .select('id')
        .where('customer_id', '=', customerId)
        .execute(),
    ).toEqual([])
  })

  it('places one order and replays it when the same checkout key is retried', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 10)
    const customerId = await insertCustomer(handle, 0)
    const cart = await cartWith(variantId, 2, customerId)
    const input: PlaceOrderInput = {
      cartToken: cart.token,
      checkoutKey: `retry-${variantId}`,
      customerId,
      payment: approvingCard,
    }
    const [first, second] = await Promise.all([
      commerce.checkout.placeOrder(input),
      commerce.checkout.placeOrder(input),
    ])
    const third = await commerce.checkout.placeOrder(input)
    const placed = [first, second].filter((outcome) => outcome?.ok)
    expect(placed).toHaveLength(1)
    expect(third).toMatchObject({ ok: true, replayed: true })
    expect(third.ok && placed[0]?.ok && third.order.id === placed[0].order.id).toBe(true)
    expect(
      await handle.db
        .selectFrom('orders')
        .select('id')
        .where('customer_id', '=', customerId)
        .execute(),
    ).toHaveLength(1)
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 8, reserved: 0 })
  })

  it('gives back the points a cancelled order spent and takes back the points it earned', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 10_000)
    const customerId = await insertCustomer(handle, 1_000)
    const cart = await cartWith(variantId, 2, customerId)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `points-cancel-${variantId}`,
      customerId,
      payment: approvingCard,
      redeemPoints: 500,
    })
    if (!outcome.ok) throw new Error(`not placed: ${outcome.reason}`)
    const earned = outcome.order.loyaltyPointsEarned
    expect(earned).toBeGreaterThan(0)
    expect((await balanceOf(handle, customerId)).points).toBe(1_000 - 500 + earned)
    const stored = await handle.db
      .selectFrom('orders')
      .select(['details'])
      .where('id', '=', outcome.order.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(stored.details)).toMatchObject({ pointsSpent: 500, pointsEarned: earned })
    const operations = createOrderOperations({
      db: handle.db,
      clock,
      eventBus,
      createId,
      loyaltyTierOf: (balance) => tierOfBalance(balance, defaultPlaceOrderConfiguration.loyalty),
    })
    const cancelled = await operations.cancelOrder(
      { kind: 'customer', customerId },
      outcome.order.number,
      'no longer needed',
    )
    expect(cancelled.ok).toBe(true)
    expect((await balanceOf(handle, customerId)).points).toBe(1_000)
  })

  it('places a returning customer order with the saved address, captures it, earns points and emits order.placed', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 10_000)
    const customerId = await insertCustomer(handle, 1_990)
    const cart = await cartWith(variantId, 2, customerId)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `saved-${variantId}`,
      customerId,
      payment: approvingCard,
    })
    if (!outcome.ok) throw new Error(`expected an order, got ${outcome.reason}`)
    expect(outcome.order).toMatchObject({
      total: { amount: 20_000, currency: 'MYR' },
      paymentStatus: 'captured',
      loyaltyPointsEarned: 200,
    })
    // 6 % SST included in the price.
    expect(outcome.order.tax.amount).toBe(Math.round((20_000 * 600) / 10_600))
    const order = await handle.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', outcome.order.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(order.shipping_address)).toMatchObject({
      line1: '1 Jalan Test',
      postcode: '50000',
    })
    const customer = await handle.db
      .selectFrom('customers')
      .select(['loyalty_points', 'loyalty_tier'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
    expect({ points: Number(customer.loyalty_points), tier: customer.loyalty_tier }).toEqual({
      points: 2_190,
      tier: 'gold',
    })
    expect((await commerce.carts.getCart(cart.token))?.status).toBe('checked-out')
    expect(
      events.some(
        (event) => event.type === 'order.placed' && event.aggregateId === outcome.order.id,
      ),
    ).toBe(true)
    expect(
      events.some((event) => event.type === 'cart.checked-out' && event.aggregateId === cart.id),
    ).toBe(true)
  })

  it('spends loyalty points as a discount when the shopper redeems them', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 10_000)
    const customerId = await insertCustomer(handle, 1_000)
    const cart = await cartWith(variantId, 1, customerId)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `points-${variantId}`,
      customerId,
      payment: approvingCard,
      redeemPoints: 500,
    })
    if (!outcome.ok) throw new Error(`expected an order, got ${outcome.reason}`)
    expect(outcome.order.discount.amount).toBe(500)
    expect(outcome.order.total.amount).toBe(9_500)
    const customer = await handle.db
      .selectFrom('customers')
      .select('loyalty_points')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
    expect(Number(customer.loyalty_points)).toBe(1_000 - 500 + 95)
  })

  async function balanceOf(handle: DatabaseHandle, customerId: string) {
    const row = await handle.db
      .selectFrom('customers')
      .select(['loyalty_points', 'loyalty_tier'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow()
    return { points: Number(row.loyalty_points), tier: row.loyalty_tier }
  }

  it('refuses points below the minimum, outside blocks, over half the order or over the balance, and leaves everything as before', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 1_000)
    const cases = [
      { points: 400, reason: 'points-below-minimum', allowedPoints: 500 },
      { points: 550, reason: 'points-not-in-blocks', allowedPoints: 500 },
      { points: 600, reason: 'points-over-limit', allowedPoints: 500 },
    ] as const
    const rich: string[] = []
    for (const { points, reason, allowedPoints } of cases) {
      const customerId = await insertCustomer(handle, 50_000)
      rich.push(customerId)
      const cart = await cartWith(variantId, 1, customerId)
      const outcome = await commerce.checkout.placeOrder({
        cartToken: cart.token,
        checkoutKey: `${reason}-${variantId}`,
        customerId,
        payment: approvingCard,
        redeemPoints: points,
      })
      expect(outcome).toMatchObject({ ok: false, reason, allowedPoints })
      expect((await commerce.carts.getCart(cart.token))?.status).toBe('open')
    }
    for (const customerId of rich)
      expect(await balanceOf(handle, customerId)).toEqual({ points: 50_000, tier: 'silver' })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 4, reserved: 0 })

    const poor = await insertCustomer(handle, 450)
    const cart = await cartWith(variantId, 1, poor)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `insufficient-${variantId}`,
      customerId: poor,
      payment: approvingCard,
      redeemPoints: 500,
    })
    expect(outcome).toMatchObject({ ok: false, reason: 'insufficient-points', allowedPoints: 0 })
    expect(await balanceOf(handle, poor)).toEqual({ points: 450, tier: 'silver' })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 4, reserved: 0 })
    expect(
      await handle.db
        .selectFrom('orders')
        .select('id')
        .where('customer_id', 'in', [...rich, poor])
        .execute(),
    ).toEqual([])
  })

  it('spends up to half of the order after the coupon, before shipping, and earns on what is paid', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 1_000)
    const customerId = await insertCustomer(handle, 50_000)
    const cart = await cartWith(variantId, 1, customerId)
    const outcome = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `half-${variantId}`,
      customerId,
      payment: approvingCard,
      redeemPoints: 500,
    })
    if (!outcome.ok) throw new Error(`expected an order, got ${outcome.reason}`)
    expect(outcome.order.loyaltyPointsSpent).toBe(500)
    expect(outcome.order.pointsDiscount.amount).toBe(500)
    expect(outcome.order.total.amount).toBe(500 + outcome.order.shipping.amount)
    // RM5 paid for the goods earns 5 points at silver.
    expect(outcome.order.loyaltyPointsEarned).toBe(5)
    expect(await balanceOf(handle, customerId)).toEqual({
      points: 50_000 - 500 + 5,
      tier: 'platinum',
    })
  })

  it('earns 1.25 points per RM1 at gold and 1.5 at platinum, shipping excluded', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 10_000)
    const earnedBy = async (tier: string, points: number) => {
      const customerId = await insertCustomer(handle, points, tier)
      const cart = await cartWith(variantId, 1, customerId)
      const outcome = await commerce.checkout.placeOrder({
        cartToken: cart.token,
        checkoutKey: `earn-${tier}-${variantId}`,
        customerId,
        payment: approvingCard,
      })
      if (!outcome.ok) throw new Error(`expected an order, got ${outcome.reason}`)
      return [outcome.order.loyaltyPointsEarned, (await balanceOf(handle, customerId)).points]
    }
    expect(await earnedBy('silver', 0)).toEqual([100, 100])
    expect(await earnedBy('gold', 2_000)).toEqual([125, 2_125])
    expect(await earnedBy('platinum', 6_000)).toEqual([150, 6_150])
  })

  it('refuses with the new prices and keeps the stock when a price changed since the item was added', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4, 10_000)
    const cart = await cartWith(variantId, 1)
    await handle.db
      .updateTable('product_variants')
      .set({ price_amount: 12_000 })
      .where('id', '=', variantId)
      .execute()
    const input = guestCheckout(cart.token, `price-${variantId}`)
    const outcome = await commerce.checkout.placeOrder(input)
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'price-changed',
      priceChanges: [{ variantId, previous: { amount: 10_000 }, current: { amount: 12_000 } }],
    })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 4, reserved: 0 })
    expect((await commerce.carts.getCart(cart.token))?.lines[0]?.unitPrice.amount).toBe(12_000)
    const confirmed = await commerce.checkout.placeOrder(input)
    expect(confirmed.ok && confirmed.order.total.amount).toBe(12_000)
  })

  it("keeps a customer's cart and saved details to that customer when someone else holds the cart token", async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 4)
    const customerId = await insertCustomer(handle, 0)
    const cart = await cartWith(variantId, 1, customerId)
    const anonymous = await commerce.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `not-owner-${variantId}`,
      payment: approvingCard,
    })
    expect(anonymous).toMatchObject({ ok: false, reason: 'customer-required' })
    const guestCart = await cartWith(variantId, 1)
    const impersonating = await commerce.checkout.placeOrder({
      cartToken: guestCart.token,
      checkoutKey: `impersonate-${variantId}`,
      guest: { email: `${customerId}@example.com`, firstName: 'Not', lastName: 'Them' },
      payment: approvingCard,
    })
    expect(impersonating).toMatchObject({ ok: false, reason: 'address-required' })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 4, reserved: 0 })
  })

  it('refuses an empty cart, a missing address and an unknown cart with clear reasons', async () => {
    const handle = getDatabase()
    const empty = await commerce.carts.createCart({ locale: 'en' })
    expect(
      await commerce.checkout.placeOrder(guestCheckout(empty.token, `empty-${empty.id}`)),
    ).toMatchObject({ ok: false, reason: 'invalid-cart' })
    const { variantId } = await insertVariant(handle, 2)
    const cart = await cartWith(variantId, 1)
    expect(
      await commerce.checkout.placeOrder({
        cartToken: cart.token,
        checkoutKey: `no-customer-${cart.id}`,
        payment: approvingCard,
      }),
    ).toMatchObject({ ok: false, reason: 'customer-required' })
    expect(
      await commerce.checkout.placeOrder({
        ...guestCheckout(cart.token, `no-address-${cart.id}`),
        shippingAddress: undefined,
      }),
    ).toMatchObject({ ok: false, reason: 'address-required' })
    expect(
      await commerce.checkout.placeOrder(guestCheckout('no-such-cart-token-123', 'unknown-cart')),
    ).toEqual({ ok: false, reason: 'cart-not-found' })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 2, reserved: 0 })
  })

  it('holds the stock while the card needs 3-D Secure and places the order when the shopper confirms again', async () => {
    const handle = getDatabase()
    const { variantId } = await insertVariant(handle, 2)
    const cart = await cartWith(variantId, 1)
    const outcome = await commerce.checkout.placeOrder(
      guestCheckout(cart.token, `3ds-${variantId}`, {
        kind: 'card',
        number: '4000 0027 6000 3184',
      }),
    )
    expect(outcome).toMatchObject({ ok: false, reason: 'requires-action' })
    expect(!outcome.ok && outcome.nextActionUrl).toMatch(/^http:\/\/localhost:3000\//)
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 2, reserved: 1 })
    // The shopper completes 3-D Secure on the provider's page, then confirms again with the same key.
    const paymentId = outcome.ok ? '' : (outcome.paymentId ?? '')
    const completed = await commerce.payments.completePayment(paymentId)
    expect(completed.ok && completed.value.status).toBe('authorized')
    const confirmed = await commerce.checkout.placeOrder(
      guestCheckout(cart.token, `3ds-${variantId}`, {
        kind: 'card',
        number: '4000 0027 6000 3184',
      }),
    )
    expect(confirmed).toMatchObject({ ok: true, order: { paymentId, paymentStatus: 'captured' } })
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 1, reserved: 0 })
  })

  it('applies a coupon and shipping, and leaves coupon usage as before when the card is declined', async () => {
    const handle = getDatabase()
    const promotions = createPromotionsService({ db: handle.db, clock, createId })
    const promotionKey = `save10-${Math.random().toString(36).slice(2, 8)}`
    const code = promotionKey.toUpperCase()
    await promotions.savePromotion({
      key: promotionKey,
      name: { en: '10% off orders over RM100' },
      codes: [code],
      conditions: [{ code: 'minimum-order-amount', args: { amount: 10_000 } }],
      actions: [{ code: 'order-percentage-off', args: { percent: 10 } }],
    })
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const notifications = createNotificationsService({
      db: handle.db,
      clock,
      createId,
      senders: [],
    })
    const wired = await createCommerceServices({
      database: handle,
      clock,
      eventBus,
      createId,
      currency: 'MYR',
      publicUrl: 'http://localhost:3000',
      secret: 'test-secret-test-secret-test-secret-1234',
      promotions,
      shipping: createShippingService({
        configuration: loadShippingConfiguration(join(demoDirectory, 'shipping.json')),
        clock,
      }),
      fraud: createFraudService({ db: handle.db, clock, createId }),
      checkoutPorts: {
        notifier: createOrderConfirmationNotifier({
          db: handle.db,
          notifications,
          trackingUrl: () => 'https://track.example/x',
        }),
      },
      indexSearch: false,
    })
    const usage = async () => {
      const row = await handle.db
        .selectFrom('promotions')
        .select('usage_count')
        .where('key', '=', promotionKey)
        .executeTakeFirstOrThrow()
      const codeRow = await handle.db
        .selectFrom('coupon_codes')
        .select('usage_count')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
      return [Number(row.usage_count), Number(codeRow.usage_count)]
    }
    const { variantId } = await insertVariant(handle, 5, 20_000)
    const customerId = await insertCustomer(handle, 0)
    const cart = await wired.carts.createCart({ customerId, locale: 'en' })
    await wired.carts.addLine(cart.token, { variant: variantId, quantity: 1 })
    const before = await usage()
    const declined = await wired.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `coupon-declined-${variantId}`,
      customerId,
      payment: decliningCard,
      couponCode: code,
    })
    expect(declined).toMatchObject({ ok: false, reason: 'payment-declined' })
    expect(await usage()).toEqual(before)
    expect(await stockOf(handle, variantId)).toEqual({ onHand: 5, reserved: 0 })
    const placed = await wired.checkout.placeOrder({
      cartToken: cart.token,
      checkoutKey: `coupon-approved-${variantId}`,
      customerId,
      payment: approvingCard,
      couponCode: code,
    })
    if (!placed.ok) throw new Error(`expected an order, got ${placed.reason}`)
    expect(placed.order.discount.amount).toBe(2_000)
    expect(placed.order.estimatedDelivery?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}/)
    expect(placed.order.total.amount).toBe(20_000 - 2_000 + placed.order.shipping.amount)
    expect(await usage()).toEqual(before.map((count) => count + 1))
    const customerEmail = `${customerId}@example.com`
    const sent = await notifications.listNotifications({ recipient: customerEmail })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      template: 'order-confirmation',
      channel: 'email',
      locale: 'en',
    })
    expect(sent[0]?.subject).toContain(placed.order.number)
    expect(sent[0]?.body).toContain('Urban Sneakers')
    const expired = await wired.checkout.placeOrder({
      cartToken: (await cartWith(variantId, 1, null)).token,
      checkoutKey: `coupon-unknown-${variantId}`,
      guest: { email: `coupon-${variantId}@example.com`, firstName: 'A', lastName: 'B' },
      shippingAddress: address,
      payment: approvingCard,
      couponCode: 'NO-SUCH-CODE',
    })
    expect(expired).toMatchObject({ ok: false, reason: 'invalid-coupon' })
  })

  it('keeps the order authorized, then marks it captured once when capture is on fulfilment and the payment is captured three times', async () => {
    const handle = getDatabase()
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const deferred = await createCommerceServices({
      database: handle,
      clock,
      eventBus,
      createId,
      currency: 'MYR',
      publicUrl: 'http://localhost:3000',
      secret: 'test-secret-test-secret-test-secret-1234',
      capture: 'on-fulfilment',
      indexSearch: false,
    })
    const { variantId } = await insertVariant(handle, 3, 5_000)
    const cart = await deferred.carts.createCart({ locale: 'en' })
    await deferred.carts.addLine(cart.token, { variant: variantId, quantity: 1 })
    const placed = await deferred.checkout.placeOrder(
      guestCheckout(cart.token, `deferred-${variantId}`),
    )
    if (!placed.ok) throw new Error(`expected an order, got ${placed.reason}`)
    expect(placed.order.paymentStatus).toBe('authorized')
    const transactionStatus = async () =>
      (
        await handle.db
          .selectFrom('payment_transactions')
          .select('status')
          .where('order_id', '=', placed.order.id)
          .execute()
      ).map((row) => row.status)
    expect(await transactionStatus()).toEqual(['authorized'])
    for (let attempt = 0; attempt < 3; attempt += 1)
      await deferred.payments.capturePayment(placed.order.paymentId)
    expect(await transactionStatus()).toEqual(['captured'])
    const payment = await deferred.payments.getPayment(placed.order.paymentId)
    expect(payment).toMatchObject({ status: 'captured', capturedAmount: { amount: 5_000 } })
  })
})
