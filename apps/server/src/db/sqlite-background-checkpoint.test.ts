import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase } from './database.ts'

describe('SQLite background checkpoint', () => {
  const folders: string[] = []
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })

  async function waitFor(condition: () => boolean, timeoutMilliseconds: number): Promise<boolean> {
    const until = Date.now() + timeoutMilliseconds
    while (Date.now() < until) {
      if (condition()) return true
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return condition()
  }

  it('copies committed writes into the database file on another thread, and closes cleanly', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kedai-checkpoint-'))
    folders.push(folder)
    const file = join(folder, 'kedai.db')
    const handle = await createDatabase({ sqliteFile: file })
    await sql`create table probe (id integer primary key, body text not null)`.execute(handle.db)
    // Let the table creation reach the file, then measure it.
    expect(await waitFor(() => statSync(file).size > 4096, 5_000)).toBe(true)
    const before = statSync(file).size
    const body = 'x'.repeat(4_000)
    for (let index = 0; index < 250; index += 1) {
      await sql`insert into probe (body) values (${body})`.execute(handle.db)
    }
    // About 1 MB of pages: far below the connection's own automatic checkpoint, so only the
    // background thread can have copied them into the file.
    expect(await waitFor(() => statSync(file).size >= before + 900_000, 5_000)).toBe(true)
    const { rows } = await sql<{ count: number }>`select count(*) as count from probe`.execute(
      handle.db,
    )
    expect(Number(rows[0]?.count)).toBe(250)
    await handle.close()
    // The application's connection closed last and removed the write-ahead log.
    expect(existsSync(`${file}-wal`)).toBe(false)
    const reopened = await createDatabase({ sqliteFile: file })
    const again = await sql<{ count: number }>`select count(*) as count from probe`.execute(
      reopened.db,
    )
    expect(Number(again.rows[0]?.count)).toBe(250)
    await reopened.close()
  })
})
