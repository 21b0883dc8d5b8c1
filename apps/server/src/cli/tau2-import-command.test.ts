import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfiguration, repositoryRoot } from '../app/config.ts'
import { createDatabase } from '../db/database.ts'
import { runTau2Import } from './tau2-import-command.ts'

describe('kedai tau2 import', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kedai-tau2-import-'))
  const configuration = loadConfiguration({
    KEDAI_DATA_DIR: folder,
    KEDAI_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  })
  const output: string[] = []
  const errors: string[] = []
  const io = {
    out: (text: string) => output.push(text),
    error: (text: string) => errors.push(text),
  }
  const tau2File = join(repositoryRoot, 'data', 'demo', 'tau2', 'db.json')
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('loads τ²’s products, users and orders when the database is empty', async () => {
    expect(await runTau2Import([tau2File], io, configuration)).toBe(0)
    expect(output.at(-1)).toBe(
      'Imported the τ² retail database into sqlite: 50 products, 591 variants, 500 customers, 1000 orders.',
    )
    const handle = await createDatabase({ sqliteFile: join(folder, 'kedai.db') })
    try {
      const order = await handle.db
        .selectFrom('orders')
        .select(['status', 'total_amount'])
        .where('number', '=', '#W2378156')
        .executeTakeFirstOrThrow()
      expect(order).toEqual({ status: 'delivered', total_amount: 181992 })
    } finally {
      await handle.close()
    }
  })

  it('imports nothing and exits 1 when the records are already there', async () => {
    expect(await runTau2Import([tau2File], io, configuration)).toBe(1)
    expect(errors.at(-1)).toMatch(/^Nothing imported: the database already has τ² user/)
  })

  it('exits 2 with a clear message when the file is missing or not a τ² database', async () => {
    expect(await runTau2Import([join(folder, 'missing.json')], io, configuration)).toBe(2)
    expect(errors.at(-1)).toContain('No such file')
    const broken = join(folder, 'broken.json')
    writeFileSync(broken, JSON.stringify({ products: {}, users: [] }))
    expect(await runTau2Import([broken], io, configuration)).toBe(2)
    expect(errors.at(-1)).toContain('is not a τ²-bench retail database')
    expect(await runTau2Import([], io, configuration)).toBe(2)
  })
})
