/**
 * `npm run bench:start`: measures what a user meets when they run `npm start` — time until
 * `/healthz` answers on a fresh data directory (migrations + demo seed) and on a second start of the
 * same directory, and the idle server's resident memory with the demo store loaded. Prints figures.
 * Pass `--postgres <url>` to measure against an empty PostgreSQL schema instead of SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'

const repositoryRoot = resolve(import.meta.dirname, '../../..')
const postgresIndex = process.argv.indexOf('--postgres')
const postgresUrl = postgresIndex > 0 ? process.argv[postgresIndex + 1] : undefined

function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN')
  return kilobytes / 1024
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 25))
  }
}

async function startOnce(
  label: string,
  environment: Record<string, string>,
  measureMemory: boolean,
): Promise<void> {
  const port = 3400 + Math.floor(Math.random() * 500)
  const started = performance.now()
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repositoryRoot,
    env: { ...process.env, ...environment, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let serverPid: number | undefined
  let errors = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    const match = /"pid":(\d+)/.exec(chunk.toString())
    if (match?.[1] !== undefined) serverPid ??= Number(match[1])
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  try {
    await waitForHealth(port, child)
    const seconds = (performance.now() - started) / 1000
    console.log(`${label}: /healthz answered ${seconds.toFixed(2)} s after npm start`)
    if (measureMemory && serverPid !== undefined) {
      // Idle: give V8's memory reducer time to return start-up garbage.
      await new Promise((done) => setTimeout(done, 15_000))
      console.log(
        `${label}: idle resident memory ${residentMegabytes(serverPid).toFixed(1)} MB (server process ${serverPid})`,
      )
    }
  } catch (error) {
    console.error(errors)
    throw error
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}

const dataDirectory = mkdtempSync(join(tmpdir(), 'kedai-bench-start-'))
let schema: string | undefined
try {
  const environment: Record<string, string> = { KEDAI_DATA_DIR: dataDirectory }
  if (postgresUrl !== undefined) {
    schema = `kedai_bench_${Date.now().toString(36)}`
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    await client.query(`create schema ${schema}`)
    await client.end()
    const url = new URL(postgresUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    environment.DATABASE_URL = url.toString()
  }
  console.log(`engine: ${postgresUrl === undefined ? 'sqlite' : 'postgres'}`)
  await startOnce('first start (migrations + demo seed)', environment, true)
  await startOnce('later start', environment, true)
} finally {
  rmSync(dataDirectory, { recursive: true, force: true })
  if (schema !== undefined && postgresUrl !== undefined) {
    const client = new pg.Client({ connectionString: postgresUrl })
    await client.connect()
    await client.query(`drop schema ${schema} cascade`)
    await client.end()
  }
}
