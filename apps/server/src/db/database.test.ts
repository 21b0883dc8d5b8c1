import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { createId } from '../shared/ids.ts'
import { describeEachEngine } from '../testing/test-database.ts'
import { migrateToLatest } from './database.ts'
import { createSqlEventStore } from './sql-event-store.ts'

describeEachEngine('database', (getDatabase) => {
  it('is reachable and has applied every migration once', async () => {
    const handle = getDatabase()
    expect(await handle.isReachable()).toBe(true)
    const again = await migrateToLatest(handle)
    expect(again.applied).toEqual([])
  })

  it('applies a migration of one area that sorts before migrations already applied', async () => {
    const handle = getDatabase()
    // As if this database was migrated before 0402 existed, while 0500 and later were applied.
    await handle.db.schema.alterTable('conversation_messages').dropColumn('author_name').execute()
    await sql`delete from kysely_migration where name = '0402-conversation-message-author-name'`.execute(
      handle.db,
    )
    const report = await migrateToLatest(handle)
    expect(report.applied).toEqual(['0402-conversation-message-author-name'])
    await sql`select author_name from conversation_messages`.execute(handle.db)
  })

  it('keeps money as integer numbers and refuses negative stock', async () => {
    const { db } = getDatabase()
    const now = new Date().toISOString()
    const productId = createId('prd')
    const variantId = createId('var')
    const locationId = createId('loc')
    await db
      .insertInto('products')
      .values({
        id: productId,
        external_id: null,
        slug: `p-${productId}`,
        category_key: null,
        name: '{"en":"P"}',
        description: '{"en":"P"}',
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
        sku: `sku-${variantId}`,
        options: '{}',
        price_amount: 9_007_199_254,
        currency: 'MYR',
        is_available: 1,
        created_at: now,
        updated_at: now,
      })
      .execute()
    const row = await db
      .selectFrom('product_variants')
      .select('price_amount')
      .where('id', '=', variantId)
      .executeTakeFirstOrThrow()
    expect(row.price_amount).toBe(9_007_199_254)
    await db
      .insertInto('locations')
      .values({
        id: locationId,
        code: `l-${locationId}`,
        kind: 'warehouse',
        name: '{}',
        address: '{}',
        phone: null,
        timezone: 'UTC',
        opening_hours: null,
        holidays_closed: '[]',
        aisles: '{}',
        created_at: now,
      })
      .execute()
    await expect(
      db
        .insertInto('stock_levels')
        .values({
          variant_id: variantId,
          location_id: locationId,
          on_hand: -1,
          reserved: 0,
          aisle: null,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow()
  })

  it('stores domain events with their payload', async () => {
    const { db } = getDatabase()
    const id = createId('evt')
    await createSqlEventStore(db).append([
      {
        id,
        type: 'cart.updated',
        aggregateId: 'crt_1',
        payload: { lines: 2 },
        occurredAt: '2026-11-24T00:00:00.000Z',
      },
    ])
    const row = await db
      .selectFrom('domain_events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(row.payload)).toEqual({ lines: 2 })
    expect(row.type).toBe('cart.updated')
  })
})
