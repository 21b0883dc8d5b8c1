import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGroupCommitSqliteDialect } from './group-commit-sqlite-dialect.ts'

interface TestTables {
  readonly items: { id: number; label: string }
}

describe('group-commit SQLite dialect', () => {
  let folder: string
  let file: string
  let db: Kysely<TestTables>
  let commits: number[]
  let observer: SqliteDatabase.Database

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-group-commit-'))
    file = join(folder, 'test.db')
    const connection = new SqliteDatabase(file)
    connection.pragma('journal_mode = WAL')
    commits = []
    db = new Kysely<TestTables>({
      dialect: createGroupCommitSqliteDialect(connection, {
        onCommit: (waiting) => commits.push(waiting),
      }),
    })
    await sql`create table items (id integer primary key, label text not null unique)`.execute(db)
    observer = new SqliteDatabase(file, { readonly: true })
  })

  afterEach(async () => {
    observer.close()
    await db.destroy()
    rmSync(folder, { recursive: true, force: true })
  })

  const countSeenByAnotherConnection = () =>
    (observer.prepare('select count(*) as n from items').get() as { n: number }).n

  it('makes a transaction visible to another connection by the time its commit resolves', async () => {
    await db.transaction().execute(async (transaction) => {
      await transaction.insertInto('items').values({ id: 1, label: 'one' }).execute()
    })
    expect(countSeenByAnotherConnection()).toBe(1)
  })

  it('makes a lone write durable before it resolves', async () => {
    await db.insertInto('items').values({ id: 1, label: 'one' }).execute()
    expect(countSeenByAnotherConnection()).toBe(1)
    const returned = await db
      .insertInto('items')
      .values({ id: 2, label: 'two' })
      .returning('label')
      .executeTakeFirst()
    expect(returned?.label).toBe('two')
    expect(countSeenByAnotherConnection()).toBe(2)
  })

  it('commits many concurrent transactions with fewer commits than transactions', async () => {
    commits = []
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        db.transaction().execute(async (transaction) => {
          await transaction
            .insertInto('items')
            .values({ id: index + 1, label: `item ${index}` })
            .execute()
          await transaction
            .updateTable('items')
            .set({ label: `item ${index} updated` })
            .where('id', '=', index + 1)
            .execute()
        }),
      ),
    )
    expect(countSeenByAnotherConnection()).toBe(40)
    expect(commits.reduce((sum, waiting) => sum + waiting, 0)).toBe(40)
    expect(commits.length).toBeLessThan(40)
  })

  it('undoes only the failing transaction of a group', async () => {
    const outcomes = await Promise.allSettled([
      db.transaction().execute(async (transaction) => {
        await transaction.insertInto('items').values({ id: 1, label: 'kept' }).execute()
      }),
      db.transaction().execute(async (transaction) => {
        await transaction.insertInto('items').values({ id: 2, label: 'undone' }).execute()
        // The same label again violates the unique constraint: the whole transaction is undone.
        await transaction.insertInto('items').values({ id: 3, label: 'kept' }).execute()
      }),
      db.transaction().execute(async (transaction) => {
        await transaction.insertInto('items').values({ id: 4, label: 'also kept' }).execute()
      }),
    ])
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ])
    const labels = observer.prepare('select label from items order by id').all() as {
      label: string
    }[]
    expect(labels.map((row) => row.label)).toEqual(['kept', 'also kept'])
  })

  it('rolls back a transaction that throws, without affecting later ones', async () => {
    await expect(
      db.transaction().execute(async (transaction) => {
        await transaction.insertInto('items').values({ id: 1, label: 'gone' }).execute()
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    await db.insertInto('items').values({ id: 2, label: 'stays' }).execute()
    const labels = observer.prepare('select label from items').all() as { label: string }[]
    expect(labels).toEqual([{ label: 'stays' }])
  })

  it('reports a failing lone write and keeps the others of its group', async () => {
    await db.insertInto('items').values({ id: 1, label: 'first' }).execute()
    const outcomes = await Promise.allSettled([
      db.insertInto('items').values({ id: 2, label: 'first' }).execute(),
      db.insertInto('items').values({ id: 3, label: 'third' }).execute(),
    ])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled'])
    expect(countSeenByAnotherConnection()).toBe(2)
  })

  it('keeps a transaction atomic while lone writes of other callers wait for the commit', async () => {
    const seenInside: number[] = []
    await Promise.all([
      db.transaction().execute(async (transaction) => {
        await transaction.insertInto('items').values({ id: 1, label: 'a' }).execute()
        await new Promise((resolve) => setTimeout(resolve, 5))
        const rows = await transaction.selectFrom('items').select('id').execute()
        seenInside.push(rows.length)
      }),
      db.insertInto('items').values({ id: 2, label: 'b' }).execute(),
    ])
    // The lone write waited for the transaction's connection: it did not land inside it.
    expect(seenInside).toEqual([1])
    expect(countSeenByAnotherConnection()).toBe(2)
  })

  it('refuses raw transaction statements and streaming with a clear error', async () => {
    await expect(sql`begin`.execute(db)).rejects.toThrow(/through Kysely/)
    await expect(async () => {
      for await (const row of db.selectFrom('items').selectAll().stream()) void row
    }).rejects.toThrow(/streaming/)
  })

  it('runs connection pragmas every time, and fails every transaction and lone write of a group whose commit fails', async () => {
    await sql`create table children (id integer primary key, item integer references items (id))`.execute(
      db,
    )
    // Pragmas set options of the connection only: SQLite calls them read-only statements, and they
    // must run every time, not only when first prepared (COMMIT turns defer_foreign_keys off again).
    await sql`pragma foreign_keys = on`.execute(db)
    for (const round of [1, 2]) {
      const deferred = await db.transaction().execute(async (transaction) => {
        await sql`pragma defer_foreign_keys = on`.execute(transaction)
        const { rows } = await sql<{
          defer_foreign_keys: number
        }>`pragma defer_foreign_keys`.execute(transaction)
        return rows[0]?.defer_foreign_keys
      })
      expect({ round, deferred }).toEqual({ round, deferred: 1 })
    }
    const failing = await Promise.allSettled([
      db.transaction().execute(async (transaction) => {
        await sql`pragma defer_foreign_keys = on`.execute(transaction)
        await sql`insert into children (id, item) values (1, 99)`.execute(transaction)
      }),
      db.insertInto('items').values({ id: 5, label: 'same group' }).execute(),
    ])
    // The key is checked at COMMIT: the whole group fails and nothing of it is stored.
    expect(failing.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected'])
    expect(countSeenByAnotherConnection()).toBe(0)
    await db.insertInto('items').values({ id: 6, label: 'next group' }).execute()
    expect(countSeenByAnotherConnection()).toBe(1)
  })
})
