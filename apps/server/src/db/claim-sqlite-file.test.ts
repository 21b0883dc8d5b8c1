import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { claimSqliteFile, SqliteFileInUseError } from './claim-sqlite-file.ts'

const folder = mkdtempSync(join(tmpdir(), 'kedai-claim-'))
const claimModule = fileURLToPath(new URL('./claim-sqlite-file.ts', import.meta.url))

/** Starts another Node process that claims `file` and keeps it until killed. */
async function claimInAnotherProcess(file: string) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { claimSqliteFile } = await import(${JSON.stringify(claimModule)}); claimSqliteFile(${JSON.stringify(file)}); console.log('claimed'); setInterval(() => {}, 1000)`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('claimed')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`the other process exited with ${String(code)}`)))
  })
  return child
}

describe('claimSqliteFile', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('refuses a second claim of the same file until the first is released', () => {
    const file = join(folder, 'same-process.db')
    const first = claimSqliteFile(file)
    expect(() => claimSqliteFile(file)).toThrow(SqliteFileInUseError)
    expect(() => claimSqliteFile(file)).toThrow(/Another Kedai server is already using/)
    first.release()
    const again = claimSqliteFile(file)
    again.release()
  })

  it('lets different files be claimed at the same time', () => {
    const first = claimSqliteFile(join(folder, 'one.db'))
    const second = claimSqliteFile(join(folder, 'two.db'))
    first.release()
    second.release()
  })

  it('refuses a file another process holds, and takes it once that process is killed', async () => {
    const file = join(folder, 'other-process.db')
    const child = await claimInAnotherProcess(file)
    try {
      expect(() => claimSqliteFile(file)).toThrow(SqliteFileInUseError)
    } finally {
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
    }
    const claim = claimSqliteFile(file)
    claim.release()
  })
})
