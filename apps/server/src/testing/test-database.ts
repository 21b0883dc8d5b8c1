import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import {
  createDatabase,
  migrateToLatest,
  type DatabaseEngine,
  type DatabaseHandle,
} from '../db/database.ts'
import { readTestEnvironment } from '../app/config.ts'

/**
 * Test support: real databases for repository contract suites. SQLite uses a temporary file;
 * PostgreSQL uses `KEDAI_TEST_DATABASE_URL` with a fresh schema per suite, dropped afterwards, so
 * test runs never see each other's rows.
 */

const testEnvironment = readTestEnvironment()
let postgresReachable: Promise<boolean> | undefined

/** True when the test PostgreSQL answers (checked once per process). */
export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({
      connectionString: testEnvironment.postgresUrl,
      connectionTimeoutMillis: 2_000,
    })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => undefined)
    }
  })()
  return postgresReachable
}

/** A migrated, empty database of the given engine, and a function that removes it. */
export async function createTestDatabase(
  engine: DatabaseEngine,
): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'kedai-test-'))
    const handle = await createDatabase({ sqliteFile: join(folder, 'test.db') })
    await migrateToLatest(handle)
    return {
      handle,
      dispose: async () => {
        await handle.close()
        rmSync(folder, { recursive: true, force: true })
      },
    }
  }
  const schema = `kedai_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const handle = await createDatabase({ url: testEnvironment.postgresUrl, schema, poolSize: 20 })
  await migrateToLatest(handle)
  return {
    handle,
    dispose: async () => {
      await handle.close()
      const client = new pg.Client({ connectionString: testEnvironment.postgresUrl })
      await client.connect()
      try {
        await client.query(`drop schema if exists ${schema} cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

const postgresAvailable = await isPostgresReachable()
if (!postgresAvailable && testEnvironment.requirePostgres) {
  throw new Error(
    `PostgreSQL is required (KEDAI_REQUIRE_POSTGRES=1) but ${testEnvironment.postgresUrl} is unreachable`,
  )
}
if (!postgresAvailable) {
  console.warn(
    `[kedai tests] PostgreSQL at ${testEnvironment.postgresUrl} is unreachable: PostgreSQL suites are skipped. Set KEDAI_TEST_DATABASE_URL or start PostgreSQL; KEDAI_REQUIRE_POSTGRES=1 makes this an error.`,
  )
}

/**
 * Runs the same suite against SQLite and PostgreSQL. `getDatabase()` gives the suite's migrated
 * database (one per engine per suite; clean up rows yourself or create what you need with unique ids).
 */
export function describeEachEngine(
  name: string,
  suite: (getDatabase: () => DatabaseHandle, engine: DatabaseEngine) => void,
): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const skip = engine === 'postgres' && !postgresAvailable
    describe.skipIf(skip)(`${name} [${engine}]`, () => {
      let current: { handle: DatabaseHandle; dispose: () => Promise<void> } | undefined
      beforeAll(async () => {
        current = await createTestDatabase(engine)
      })
      afterAll(async () => {
        await current?.dispose()
      })
      suite(() => {
        if (current === undefined) throw new Error('test database not ready')
        return current.handle
      }, engine)
    })
  }
}
