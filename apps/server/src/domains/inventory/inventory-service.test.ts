import { beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { createInventoryService, type InventoryService } from './inventory-service.ts'

interface Fixture {
  readonly variantId: string
  readonly warehouseId: string
  readonly storeId: string
}

let fixtureCounter = 0

/** Inserts a location pair (warehouse + store) and a variant with the given stock. */
async function insertFixture(
  handle: DatabaseHandle,
  warehouseUnits: number,
  storeUnits: number,
): Promise<Fixture> {
  fixtureCounter += 1
  const suffix = `${fixtureCounter}_${Math.random().toString(36).slice(2, 8)}`
  const now = '2026-11-24T09:00:00.000Z'
  const db = handle.db
  const productId = `prd_${suffix}`
  const variantId = `var_${suffix}`
  const warehouseId = `loc_w_${suffix}`
  const storeId = `loc_s_${suffix}`
  const location = (id: string, code: string, kind: string) => ({
    id,
    code,
    kind,
    name: JSON.stringify({ en: code }),
    address: '{}',
    phone: null,
    timezone: 'Asia/Kuala_Lumpur',
    opening_hours: null,
    holidays_closed: '[]',
    aisles: '{}',
    created_at: now,
  })
  await db
    .insertInto('locations')
    .values([
      location(warehouseId, `warehouse-${suffix}`, 'warehouse'),
      location(storeId, `store-${suffix}`, 'store'),
    ])
    .execute()
  await db
    .insertInto('products')
    .values({
      id: productId,
      external_id: null,
      slug: `product-${suffix}`,
      category_key: null,
      name: JSON.stringify({ en: 'Test product' }),
      description: JSON.stringify({ en: 'Test' }),
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
  await db
    .insertInto('product_variants')
    .values({
      id: variantId,
      product_id: productId,
      sku: `SKU-${suffix}`,
      options: '{}',
      price_amount: 1000,
      currency: 'MYR',
      is_available: 1,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('stock_levels')
    .values([
      {
        variant_id: variantId,
        location_id: warehouseId,
        on_hand: warehouseUnits,
        reserved: 0,
        aisle: null,
        updated_at: now,
      },
      {
        variant_id: variantId,
        location_id: storeId,
        on_hand: storeUnits,
        reserved: 0,
        aisle: null,
        updated_at: now,
      },
    ])
    .execute()
  return { variantId, warehouseId, storeId }
}

async function stockOf(handle: DatabaseHandle, variantId: string, locationId: string) {
  const row = await handle.db
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirstOrThrow()
  return { onHand: Number(row.on_hand), reserved: Number(row.reserved) }
}

describeEachEngine('InventoryService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const events: RecordedEvent[] = []
  let inventory: InventoryService

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
    // Each fixture has its own warehouse; the priority names kinds, so every warehouse serves.
    inventory = createInventoryService({
      db: handle.db,
      clock,
      eventBus,
      createId,
      configuration: { reservationMinutes: 15 },
    })
  })

  it('holds units from the warehouse and refuses more than remain when reserving twice', async () => {
    const fixture = await insertFixture(getDatabase(), 5, 10)
    const first = await inventory.reserve('chk_a1', [{ variantId: fixture.variantId, quantity: 3 }])
    expect(first.ok).toBe(true)
    const second = await inventory.reserve('chk_a2', [
      { variantId: fixture.variantId, quantity: 3 },
    ])
    expect(second).toMatchObject({
      ok: false,
      reason: 'out-of-stock',
      variantId: fixture.variantId,
      available: 2,
    })
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 5,
      reserved: 3,
    })
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.storeId)).toEqual({
      onHand: 10,
      reserved: 0,
    })
  })

  it('returns the same reservations when the same reference reserves again', async () => {
    const fixture = await insertFixture(getDatabase(), 5, 0)
    const first = await inventory.reserve('chk_same', [
      { variantId: fixture.variantId, quantity: 2 },
    ])
    const again = await inventory.reserve('chk_same', [
      { variantId: fixture.variantId, quantity: 2 },
    ])
    expect(first.ok && again.ok && again.value.map((reservation) => reservation.id)).toEqual(
      first.ok ? first.value.map((reservation) => reservation.id) : [],
    )
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 5,
      reserved: 2,
    })
  })

  it('never oversells when 60 checkouts race for 5 units', async () => {
    const fixture = await insertFixture(getDatabase(), 5, 0)
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        inventory.reserve(`chk_race_${fixture.variantId}_${index}`, [
          { variantId: fixture.variantId, quantity: 1 },
        ]),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(5)
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 5,
      reserved: 5,
    })
  })

  it('never deadlocks when concurrent checkouts list the same two variants in opposite orders', async () => {
    const first = await insertFixture(getDatabase(), 50, 0)
    const second = await insertFixture(getDatabase(), 50, 0)
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => {
        const lines = [
          { variantId: first.variantId, quantity: 1 },
          { variantId: second.variantId, quantity: 1 },
        ]
        return inventory.reserve(
          `chk_order_${first.variantId}_${index}`,
          index % 2 === 0 ? lines : lines.reverse(),
        )
      }),
    )
    expect(results.every((result) => result.ok)).toBe(true)
    expect(await stockOf(getDatabase(), first.variantId, first.warehouseId)).toEqual({
      onHand: 50,
      reserved: 40,
    })
    expect(await stockOf(getDatabase(), second.variantId, second.warehouseId)).toEqual({
      onHand: 50,
      reserved: 40,
    })
  })

  it('holds nothing when one line of several is short', async () => {
    const first = await insertFixture(getDatabase(), 5, 0)
    const second = await insertFixture(getDatabase(), 1, 0)
    const result = await inventory.reserve('chk_partial', [
      { variantId: first.variantId, quantity: 2 },
      { variantId: second.variantId, quantity: 2 },
    ])
    expect(result).toMatchObject({
      ok: false,
      reason: 'out-of-stock',
      variantId: second.variantId,
      available: 1,
    })
    expect(await stockOf(getDatabase(), first.variantId, first.warehouseId)).toEqual({
      onHand: 5,
      reserved: 0,
    })
    expect(await inventory.listReservations('chk_partial')).toEqual([])
  })

  it('refuses a zero or fractional quantity when reserving', async () => {
    const fixture = await insertFixture(getDatabase(), 5, 0)
    expect(
      await inventory.reserve('chk_zero', [{ variantId: fixture.variantId, quantity: 0 }]),
    ).toMatchObject({ ok: false, reason: 'invalid-quantity' })
    expect(
      await inventory.reserve('chk_frac', [{ variantId: fixture.variantId, quantity: 1.5 }]),
    ).toMatchObject({ ok: false, reason: 'invalid-quantity' })
  })

  it('gives units back once when a reservation is released twice', async () => {
    const fixture = await insertFixture(getDatabase(), 4, 0)
    await inventory.reserve('chk_release', [{ variantId: fixture.variantId, quantity: 4 }])
    expect(await inventory.release('chk_release')).toBe(1)
    expect(await inventory.release('chk_release')).toBe(0)
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 4,
      reserved: 0,
    })
  })

  it('sells the held units and publishes inventory.committed when committing', async () => {
    const fixture = await insertFixture(getDatabase(), 4, 0)
    await inventory.reserve('chk_commit', [{ variantId: fixture.variantId, quantity: 3 }])
    const committed = await inventory.commit('chk_commit')
    expect(committed.ok).toBe(true)
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 1,
      reserved: 0,
    })
    expect(await inventory.commit('chk_commit')).toEqual({ ok: false, reason: 'not-held' })
    expect(
      events.some(
        (event) => event.type === 'inventory.committed' && event.aggregateId === 'chk_commit',
      ),
    ).toBe(true)
    expect(await inventory.revertCommit('chk_commit')).toBe(1)
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 4,
      reserved: 0,
    })
  })

  it('expires stale reservations so their units can be sold when the time limit passes', async () => {
    const fixture = await insertFixture(getDatabase(), 2, 0)
    await inventory.reserve('chk_stale', [{ variantId: fixture.variantId, quantity: 2 }])
    expect(
      await inventory.reserve('chk_blocked', [{ variantId: fixture.variantId, quantity: 1 }]),
    ).toMatchObject({ ok: false, reason: 'out-of-stock' })
    clock.advance(16 * 60_000)
    // Expiry runs lazily before reserving.
    const later = await inventory.reserve('chk_later', [
      { variantId: fixture.variantId, quantity: 2 },
    ])
    expect(later.ok).toBe(true)
    expect((await inventory.listReservations('chk_stale'))[0]?.status).toBe('expired')
    expect(await inventory.commit('chk_stale')).toEqual({ ok: false, reason: 'not-held' })
    expect(await stockOf(getDatabase(), fixture.variantId, fixture.warehouseId)).toEqual({
      onHand: 2,
      reserved: 2,
    })
  })

  it('adds units and publishes inventory.restocked with availability before and after when restocking', async () => {
    const fixture = await insertFixture(getDatabase(), 0, 0)
    const level = await inventory.restock({
      variantId: fixture.variantId,
      locationId: fixture.warehouseId,
      quantity: 7,
    })
    expect(level).toMatchObject({ onHand: 7, reserved: 0, available: 7, locationKind: 'warehouse' })
    const restocked = events.find(
      (event) => event.type === 'inventory.restocked' && event.aggregateId === fixture.variantId,
    )
    expect(restocked?.payload).toMatchObject({ quantity: 7, availableBefore: 0, availableAfter: 7 })
    await expect(
      inventory.restock({
        variantId: fixture.variantId,
        locationId: fixture.warehouseId,
        quantity: 0,
      }),
    ).rejects.toThrow(RangeError)
  })

  it('serves from a store only when stores are in the configured priority', async () => {
    const fixture = await insertFixture(getDatabase(), 1, 3)
    expect(
      await inventory.reserve('chk_store_default', [{ variantId: fixture.variantId, quantity: 3 }]),
    ).toMatchObject({ ok: false, available: 1 })
    const handle = getDatabase()
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const withStores = createInventoryService({
      db: handle.db,
      clock,
      eventBus,
      createId,
      configuration: { onlineLocationPriority: ['warehouse', 'store'] },
    })
    const reserved = await withStores.reserve('chk_store_allowed', [
      { variantId: fixture.variantId, quantity: 3 },
    ])
    expect(reserved.ok && reserved.value[0]?.locationId).toBe(fixture.storeId)
  })
})
