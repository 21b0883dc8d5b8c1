import { beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createCartService, type CartService, type CartVariant } from './cart-service.ts'

/**
 * The cart's variant port answered from the real tables (`product_variants`, `stock_levels`), as the
 * catalog does in production; a domain test may not import another domain, so it is spelled out here.
 */
function createTableVariantCatalog(handle: DatabaseHandle) {
  return {
    async findVariantsForSale(idsOrSkus: readonly string[]): Promise<CartVariant[]> {
      if (idsOrSkus.length === 0) return []
      const rows = await handle.db
        .selectFrom('product_variants')
        .selectAll()
        .where((expression) =>
          expression.or([
            expression('id', 'in', [...idsOrSkus]),
            expression('sku', 'in', [...idsOrSkus]),
          ]),
        )
        .execute()
      const stock =
        rows.length === 0
          ? []
          : await handle.db
              .selectFrom('stock_levels')
              .selectAll()
              .where(
                'variant_id',
                'in',
                rows.map((row) => row.id),
              )
              .execute()
      return rows.map((row) => ({
        id: row.id,
        productId: row.product_id,
        sku: row.sku,
        name: { en: `Item ${row.sku}` },
        options: JSON.parse(row.options) as Record<string, string>,
        price: { amount: Number(row.price_amount), currency: row.currency },
        isAvailable: row.is_available === 1,
        availableOnline: stock
          .filter((level) => level.variant_id === row.id)
          .reduce((sum, level) => sum + Number(level.on_hand) - Number(level.reserved), 0),
      }))
    },
  }
}

let counter = 0

async function insertVariant(
  handle: DatabaseHandle,
  priceAmount: number,
  onHand: number,
  isAvailable = true,
): Promise<string> {
  counter += 1
  const suffix = `${counter}_${Math.random().toString(36).slice(2, 8)}`
  const now = '2026-11-24T09:00:00.000Z'
  await handle.db
    .insertInto('products')
    .values({
      id: `prd_${suffix}`,
      external_id: null,
      slug: `cart-product-${suffix}`,
      category_key: null,
      name: '{"en":"Item"}',
      description: '{"en":"Item"}',
      brand: null,
      tags: '[]',
      option_names: '[]',
      image_url: null,
      complements: '[]',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute()
  await handle.db
    .insertInto('product_variants')
    .values({
      id: `var_${suffix}`,
      product_id: `prd_${suffix}`,
      sku: `SKU-${suffix}`,
      options: '{"size":"M"}',
      price_amount: priceAmount,
      currency: 'MYR',
      is_available: isAvailable ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await handle.db
    .insertInto('locations')
    .values({
      id: `loc_${suffix}`,
      code: `warehouse-${suffix}`,
      kind: 'warehouse',
      name: '{"en":"Warehouse"}',
      address: '{}',
      phone: null,
      timezone: 'Asia/Kuala_Lumpur',
      opening_hours: null,
      holidays_closed: '[]',
      aisles: '{}',
      created_at: now,
    })
    .execute()
  await handle.db
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
  return `var_${suffix}`
}

describeEachEngine('CartService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const events: RecordedEvent[] = []
  let carts: CartService

  beforeAll(() => {
    const handle = getDatabase()
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    eventBus.subscribe('*', (event) => {
      events.push(event)
    })
    carts = createCartService({
      db: handle.db,
      clock,
      eventBus,
      createId,
      variants: createTableVariantCatalog(handle),
      currency: 'MYR',
    })
  })

  it('adds to an existing line and publishes cart.updated with the cart time when the same variant is added twice', async () => {
    const variantId = await insertVariant(getDatabase(), 5_000, 10)
    const cart = await carts.createCart({ locale: 'en' })
    await carts.addLine(cart.token, { variant: variantId, quantity: 2 })
    clock.advance(60_000)
    const result = await carts.addLine(cart.token, { variant: variantId, quantity: 3 })
    expect(result.ok && result.value.lines.map((line) => line.quantity)).toEqual([5])
    expect(result.ok && result.value.totals.subtotal.amount).toBe(25_000)
    const updated = events.filter(
      (event) => event.type === 'cart.updated' && event.aggregateId === cart.id,
    )
    expect(updated).toHaveLength(2)
    expect(updated[1]?.payload).toMatchObject({
      itemCount: 5,
      updatedAt: clock.now().toISOString(),
    })
  })

  it('refuses with a reason when the variant is unknown, not sold, short of stock, or the quantity is out of range', async () => {
    const cart = await carts.createCart({ locale: 'en' })
    expect(await carts.addLine(cart.token, { variant: 'var_missing', quantity: 1 })).toEqual({
      ok: false,
      reason: 'unknown-variant',
    })
    const hidden = await insertVariant(getDatabase(), 1_000, 5, false)
    expect(await carts.addLine(cart.token, { variant: hidden, quantity: 1 })).toMatchObject({
      ok: false,
      reason: 'unavailable',
    })
    const scarce = await insertVariant(getDatabase(), 1_000, 2)
    expect(await carts.addLine(cart.token, { variant: scarce, quantity: 3 })).toMatchObject({
      ok: false,
      reason: 'insufficient-stock',
      available: 2,
    })
    expect(await carts.addLine(cart.token, { variant: scarce, quantity: 0 })).toMatchObject({
      ok: false,
      reason: 'invalid-quantity',
    })
    expect(await carts.addLine(cart.token, { variant: scarce, quantity: 100 })).toMatchObject({
      ok: false,
      reason: 'invalid-quantity',
    })
    expect(await carts.addLine('no-such-token', { variant: scarce, quantity: 1 })).toEqual({
      ok: false,
      reason: 'cart-not-found',
    })
    expect((await carts.getCart(cart.token))?.lines).toEqual([])
  })

  it('finds a line by variant id and removes it when its quantity is set to 0', async () => {
    const variantId = await insertVariant(getDatabase(), 1_000, 5)
    const cart = await carts.createCart({ locale: 'en' })
    await carts.addLine(cart.token, { variant: variantId, quantity: 1 })
    const raised = await carts.setLineQuantity(cart.token, variantId, 4)
    expect(raised.ok && raised.value.lines[0]?.quantity).toBe(4)
    expect(await carts.setLineQuantity(cart.token, variantId, 6)).toMatchObject({
      ok: false,
      reason: 'insufficient-stock',
    })
    const removed = await carts.setLineQuantity(cart.token, variantId, 0)
    expect(removed.ok && removed.value.lines).toEqual([])
    expect(await carts.removeLine(cart.token, variantId)).toEqual({
      ok: false,
      reason: 'line-not-found',
    })
  })

  it("moves a guest cart's lines into the customer's cart, adding quantities, when the shopper signs in", async () => {
    const shared = await insertVariant(getDatabase(), 2_000, 99)
    const guestOnly = await insertVariant(getDatabase(), 3_000, 99)
    const customerId = `cus_${Math.random().toString(36).slice(2, 10)}`
    const customerCart = await carts.createCart({ customerId, locale: 'en' })
    await carts.addLine(customerCart.token, { variant: shared, quantity: 95 })
    const guest = await carts.createCart({ locale: 'ms' })
    await carts.addLine(guest.token, { variant: shared, quantity: 10 })
    await carts.addLine(guest.token, { variant: guestOnly, quantity: 1 })
    const merged = await carts.mergeGuestCart(guest.token, customerId)
    if (!merged.ok) throw new Error(merged.reason)
    expect(merged.value.id).toBe(customerCart.id)
    const quantities = Object.fromEntries(
      merged.value.lines.map((line) => [line.variantId, line.quantity]),
    )
    expect(quantities).toEqual({ [shared]: 99, [guestOnly]: 1 })
    expect((await carts.getCart(guest.token))?.status).toBe('merged')
    expect(await carts.addLine(guest.token, { variant: shared, quantity: 1 })).toEqual({
      ok: false,
      reason: 'cart-closed',
    })
    expect((await carts.createCart({ customerId, locale: 'en' })).id).toBe(customerCart.id)
  })

  it('shows the catalog price beside the stored one when the price changed after adding', async () => {
    const variantId = await insertVariant(getDatabase(), 1_000, 5)
    const cart = await carts.createCart({ locale: 'en' })
    await carts.addLine(cart.token, { variant: variantId, quantity: 1 })
    await getDatabase()
      .db.updateTable('product_variants')
      .set({ price_amount: 1_200 })
      .where('id', '=', variantId)
      .execute()
    const view = await carts.getCart(cart.token)
    expect(view?.lines[0]?.unitPrice.amount).toBe(1_000)
    expect(view?.lines[0]?.currentUnitPrice?.amount).toBe(1_200)
  })

  it('closes the cart once and publishes cart.checked-out when marking it checked out', async () => {
    const cart = await carts.createCart({ locale: 'en' })
    expect(await carts.markCheckedOut(cart.id, 'ord_test_1')).toBe(true)
    expect(await carts.markCheckedOut(cart.id, 'ord_test_2')).toBe(false)
    expect((await carts.getCart(cart.token))?.orderId).toBe('ord_test_1')
    expect(
      events.filter((event) => event.type === 'cart.checked-out' && event.aggregateId === cart.id),
    ).toHaveLength(1)
  })
})
