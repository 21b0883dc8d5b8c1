import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { SqliteFileInUseError } from '../db/claim-sqlite-file.ts'
import { isPostgresReachable } from '../testing/test-database.ts'
import { loadConfiguration, readTestEnvironment } from './config.ts'
import { createContainer, type Container } from './container.ts'

const silent = pino({ level: 'silent' })

async function expectDemoStore(container: Container): Promise<void> {
  const { db } = container.database
  const count = async (
    table: 'products' | 'product_variants' | 'customers' | 'orders' | 'locations' | 'staff_members',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((builder) => builder.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  expect(await count('products')).toBeGreaterThanOrEqual(58)
  expect(await count('product_variants')).toBeGreaterThanOrEqual(591 + 100)
  // τ²'s 500 customers and the demo's three members with points and a saved sandbox card.
  expect(await count('customers')).toBe(503)
  expect(await count('orders')).toBe(1000)
  expect(await count('locations')).toBe(4)
  expect(await count('staff_members')).toBe(4)
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('number', '=', '#W2378156')
    .executeTakeFirstOrThrow()
  const items = await db
    .selectFrom('order_items')
    .select(['sku', 'unit_price_amount'])
    .where('order_id', '=', order.id)
    .orderBy('position')
    .execute()
  expect(items.length).toBeGreaterThan(0)
  expect(order.subtotal_amount).toBe(items.reduce((sum, item) => sum + item.unit_price_amount, 0))
  const policies = await db.selectFrom('policy_documents').select(['slug', 'locale']).execute()
  expect(new Set(policies.map((policy) => policy.locale))).toEqual(
    new Set(['en', 'zh-Hant', 'zh-Hans', 'ms']),
  )
}

describe('createContainer', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  it('refuses to start a second server on a SQLite data folder another server is using', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kedai-container-'))
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }))
    const configuration = loadConfiguration({
      KEDAI_DATA_DIR: folder,
      LOG_LEVEL: 'silent',
      KEDAI_SEED_DEMO: 'false',
      NODE_ENV: 'test',
    })
    const first = await createContainer(configuration, { logger: silent })
    try {
      await expect(createContainer(configuration, { logger: silent })).rejects.toThrow(
        SqliteFileInUseError,
      )
    } finally {
      await first.close()
    }
    // Once the first server stopped, the folder is free again.
    const next = await createContainer(configuration, { logger: silent })
    await next.close()
  })

  it('migrates and loads the demo store into an empty SQLite database, once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kedai-container-'))
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }))
    const configuration = loadConfiguration({ KEDAI_DATA_DIR: folder, LOG_LEVEL: 'silent' })
    const first = await createContainer(configuration, { logger: silent })
    expect(first.seed?.seeded).toBe(true)
    expect(first.migrations.applied[0]).toBe('0001-core')
    await expectDemoStore(first)
    await first.close()
    const second = await createContainer(configuration, { logger: silent })
    expect(second.seed?.seeded).toBe(false)
    expect(second.migrations.applied).toEqual([])
    await expectDemoStore(second)
    await second.close()
  })

  it('lets two instances start together on one empty PostgreSQL database and seeds once', async () => {
    const environment = readTestEnvironment()
    if (!(await isPostgresReachable())) {
      if (environment.requirePostgres) throw new Error('PostgreSQL is required but unreachable')
      console.warn('[kedai tests] PostgreSQL unreachable: skipping the two-instance start test')
      return
    }
    const schema = `kedai_test_pair_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: environment.postgresUrl })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    cleanups.push(async () => {
      await admin.query(`drop schema ${schema} cascade`)
      await admin.end()
    })
    const url = new URL(environment.postgresUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    const configuration = loadConfiguration({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' })
    const [first, second] = await Promise.all([
      createContainer(configuration, { logger: silent }),
      createContainer(configuration, { logger: silent }),
    ])
    expect([first.seed?.seeded, second.seed?.seeded].filter(Boolean)).toEqual([true])
    await expectDemoStore(first)
    await expectDemoStore(second)
    await first.close()
    await second.close()
  })
})
