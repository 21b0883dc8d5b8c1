import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { createGroupCommitSqliteDialect } from './group-commit-sqlite-dialect.ts'
import { migrations } from './migrations/index.ts'
import { startBackgroundCheckpoint } from './sqlite-background-checkpoint.ts'
import type { Database } from './schema.ts'

/** The storage engines Kedai runs on. */
export const databaseEngines = ['sqlite', 'postgres'] as const

/** One of {@link databaseEngines}. */
export type DatabaseEngine = (typeof databaseEngines)[number]

/** The query builder every repository uses; the same code runs on both engines. */
export type Db = Kysely<Database>

/** An open database: the query builder, which engine is behind it, and how to close it. */
export interface DatabaseHandle {
  readonly db: Db
  readonly engine: DatabaseEngine
  /** PostgreSQL schema in use (tests run each in their own), when not the default. */
  readonly schema: string | undefined
  /** True when the database answers a trivial query. */
  isReachable(): Promise<boolean>
  close(): Promise<void>
}

/** How to open the database: a PostgreSQL URL, or else a SQLite file. */
export interface DatabaseOptions {
  /** `postgres://…`; when absent, SQLite at `sqliteFile`. */
  readonly url?: string | undefined
  /** SQLite file path; `:memory:` for a private in-memory database. */
  readonly sqliteFile?: string
  /** PostgreSQL schema to use (created when missing). */
  readonly schema?: string
  /** Most PostgreSQL connections in the pool. */
  readonly poolSize?: number
}

// PostgreSQL returns BIGINT (money) as text to protect precision; Kedai's amounts fit in a double.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

/** Opens the database described by `options` (without migrating it). */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url !== undefined) return openPostgres(options.url, options)
  return openSqlite(options.sqliteFile ?? './data/kedai.db')
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const connection = new SqliteDatabase(file)
  connection.pragma('journal_mode = WAL')
  connection.pragma('synchronous = NORMAL')
  connection.pragma('foreign_keys = ON')
  connection.pragma('busy_timeout = 5000')
  // Chat turns write small rows all the time: keep the working set in memory (64 MB page cache,
  // reads through a memory map). The write-ahead log is copied back into the file by another thread
  // (a checkpoint of thousands of pages held the event loop for tens of milliseconds); this
  // connection checkpoints itself only as a safety net, past ~400 MB of log.
  connection.pragma('cache_size = -65536')
  connection.pragma('mmap_size = 268435456')
  const checkpoint = file === ':memory:' ? undefined : startBackgroundCheckpoint(file)
  connection.pragma(`wal_autocheckpoint = ${checkpoint === undefined ? 10_000 : 100_000}`)
  const db = new Kysely<Database>({ dialect: createGroupCommitSqliteDialect(connection) })
  return {
    db,
    engine: 'sqlite',
    schema: undefined,
    isReachable: () => isReachable(db),
    async close() {
      // The application's connection closes last: it makes the final checkpoint.
      await checkpoint?.stop()
      await db.destroy()
    },
  }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const schema = options.schema
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RangeError(`invalid schema name: ${schema}`)
    const setup = new pg.Client({ connectionString: url })
    await setup.connect()
    try {
      await setup.query(`create schema if not exists ${schema}`)
    } finally {
      await setup.end()
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    engine: 'postgres',
    schema,
    isReachable: () => isReachable(db),
    close: () => db.destroy(),
  }
}

async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `work` while holding a database-wide start-up lock, so several instances starting together
 * on one PostgreSQL database migrate and seed one after the other (a session-level advisory lock on
 * a dedicated connection). SQLite is one process's file: the work just runs.
 */
export async function runExclusively<T>(
  handle: DatabaseHandle,
  work: () => Promise<T>,
): Promise<T> {
  if (handle.engine !== 'postgres') return work()
  return handle.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${startupLockKey})`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${startupLockKey})`.execute(connection)
    }
  })
}

const startupLockKey = 72_620_231

/** What {@link migrateToLatest} applied. */
export interface MigrationReport {
  readonly applied: string[]
}

/**
 * Applies every pending migration in order. Safe with several instances starting together on
 * PostgreSQL: Kysely's migrator holds a lock row while it works.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; name the schema
  // in use so another schema's tables (other tests, other installations) are never mistaken for ours.
  const schema =
    handle.schema ??
    (handle.engine === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db))
          .rows[0]?.schema
      : undefined)
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Migration numbers are ranges per area (see migrations/index.ts), so a new migration of one
    // area can sort before one already applied by another; each still runs exactly once.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) throw error
  return {
    applied: (results ?? [])
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  }
}
