/**
 * Conversation throughput benchmark: N simulated shoppers chat concurrently over HTTP with the real
 * server (real database, recognizer, dialogue engine and policy retrieval), and the same load client
 * then hits a Fastify hello-world route in the same run, as the ceiling of this machine. Prints turns
 * per second and latency p50/p95/p99 for both.
 *
 *   npm run bench:turns -- [--shoppers 10] [--seconds 10] [--engine sqlite|postgres]
 *                          [--postgres-url postgres://root@127.0.0.1:5432/test]
 *
 * The load client runs in a child process so it does not share the server's event loop.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import Fastify from 'fastify'
import pg from 'pg'
import { loadConfiguration } from '../src/app/config.ts'
import { createContainer } from '../src/app/container.ts'
import { buildServer } from '../src/http/build-server.ts'

interface ClientOptions {
  readonly mode: 'turns' | 'hello'
  readonly port: number
  readonly shoppers: number
  readonly seconds: number
  readonly warmupSeconds: number
}

interface ClientResult {
  readonly requests: number
  /** Every request sent, warm-up included (for the server's CPU time per turn). */
  readonly sent: number
  readonly errors: number
  readonly statuses: Record<string, number>
  readonly latencies: number[]
  readonly measuredSeconds: number
  /** CPU time of the load client itself (user + system), in microseconds. */
  readonly clientCpuMicroseconds: number
}

const script = [
  'hi',
  'What is your return policy?',
  'How much is shipping to Singapore?',
  'thanks',
  'I want to subscribe to your newsletter',
  'bench@example.com',
  'yes',
  '你好',
  '運費多少?',
  '运费多少?',
  'Berapa kos penghantaran?',
  'terima kasih',
  '😀',
  'bye',
]

function post(
  agent: Agent,
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const payload = JSON.stringify(body)
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(payload)
  })
}

async function runClient(options: ClientOptions): Promise<ClientResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.shoppers })
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  let sent = 0
  const cpuAtStart = process.cpuUsage()
  const started = performance.now()
  const measureFrom = started + options.warmupSeconds * 1000
  const stopAt = measureFrom + options.seconds * 1000
  const shopper = async (index: number) => {
    let path = '/hello'
    let headers: Record<string, string> = {}
    if (options.mode === 'turns') {
      const opened = await post(agent, options.port, '/api/conversations', { locale: 'en' })
      const body = JSON.parse(opened.body) as {
        conversation: { id: string }
        conversationToken: string
      }
      path = `/api/conversations/${body.conversation.id}/messages`
      headers = { 'x-kedai-conversation-token': body.conversationToken }
    }
    let turn = 0
    while (performance.now() < stopAt) {
      const text = script[(index + turn) % script.length] ?? 'hi'
      turn += 1
      sent += 1
      const sentAt = performance.now()
      try {
        const response = await post(
          agent,
          options.port,
          path,
          options.mode === 'turns'
            ? { clientMessageId: `m${turn}`, content: { type: 'text', text } }
            : { hello: text },
          headers,
        )
        const finished = performance.now()
        if (sentAt >= measureFrom && finished <= stopAt) {
          latencies.push(finished - sentAt)
          statuses[response.status] = (statuses[response.status] ?? 0) + 1
        }
        if (response.status >= 500) errors += 1
      } catch {
        errors += 1
      }
    }
  }
  await Promise.all(Array.from({ length: options.shoppers }, (_, index) => shopper(index)))
  agent.destroy()
  const clientCpu = process.cpuUsage(cpuAtStart)
  return {
    clientCpuMicroseconds: clientCpu.user + clientCpu.system,
    requests: latencies.length,
    sent,
    errors,
    statuses,
    latencies,
    measuredSeconds: options.seconds,
  }
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN
}

function summarize(label: string, result: ClientResult): string {
  const sorted = [...result.latencies].sort((left, right) => left - right)
  const perSecond = result.requests / result.measuredSeconds
  return `${label.padEnd(34)} ${perSecond.toFixed(0).padStart(7)}/s   p50 ${percentile(sorted, 0.5).toFixed(2).padStart(6)} ms   p95 ${percentile(sorted, 0.95).toFixed(2).padStart(6)} ms   p99 ${percentile(sorted, 0.99).toFixed(2).padStart(6)} ms   requests ${result.requests}   errors ${result.errors}   statuses ${JSON.stringify(result.statuses)}`
}

function runInWorker(options: ClientOptions): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--client', JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited with ${code}`))
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ClientResult)
    })
  })
}

function readArguments(argumentList: readonly string[]) {
  const value = (name: string) => {
    const index = argumentList.indexOf(`--${name}`)
    return index === -1 ? undefined : argumentList[index + 1]
  }
  const engine = value('engine') ?? 'sqlite'
  if (engine !== 'sqlite' && engine !== 'postgres')
    throw new Error('--engine must be sqlite or postgres')
  return {
    // Ten shoppers who answer at once (no reading time) is the load the figures in the docs use:
    // it already saturates the server; more only queue longer (the mean wait grows as N / rate).
    shoppers: Number(value('shoppers') ?? 10),
    seconds: Number(value('seconds') ?? 10),
    engine,
    postgresUrl: value('postgres-url') ?? 'postgres://root@127.0.0.1:5432/test',
  } as const
}

async function main(): Promise<void> {
  const options = readArguments(process.argv.slice(2))
  const folder = mkdtempSync(join(tmpdir(), 'kedai-bench-turns-'))
  let databaseName: string | undefined
  let databaseUrl: string | undefined
  if (options.engine === 'postgres') {
    databaseName = `kedai_bench_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: options.postgresUrl })
    await admin.connect()
    await admin.query(`create database ${databaseName}`)
    await admin.end()
    const url = new URL(options.postgresUrl)
    url.pathname = `/${databaseName}`
    databaseUrl = url.toString()
  }
  const configuration = loadConfiguration({
    KEDAI_DATA_DIR: folder,
    KEDAI_SEED_DEMO: 'true',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    KEDAI_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  })
  const setupStarted = performance.now()
  const container = await createContainer(configuration)
  const app = await buildServer(container)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  console.log(
    `server ready on ${container.database.engine} in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s (seed + recognizer training); ${options.shoppers} shoppers, ${options.seconds} s measured after 2 s warm-up`,
  )

  const cpuBefore = process.cpuUsage()
  const loopBefore = performance.eventLoopUtilization()
  const turns = await runInWorker({
    mode: 'turns',
    port,
    shoppers: options.shoppers,
    seconds: options.seconds,
    warmupSeconds: 2,
  })
  const cpuUsed = process.cpuUsage(cpuBefore)
  const loopUsed = performance.eventLoopUtilization(loopBefore)
  await app.close()
  await container.close()

  const hello = Fastify({ logger: false })
  hello.post('/hello', async () => ({ ok: true }))
  await hello.listen({ port: 0, host: '127.0.0.1' })
  const helloAddress = hello.server.address()
  const helloPort =
    typeof helloAddress === 'object' && helloAddress !== null ? helloAddress.port : 0
  const ceiling = await runInWorker({
    mode: 'hello',
    port: helloPort,
    shoppers: options.shoppers,
    seconds: options.seconds,
    warmupSeconds: 2,
  })
  await hello.close()

  console.log(summarize(`turns (${options.engine}, ${options.shoppers} shoppers)`, turns))
  console.log(summarize(`fastify hello-world ceiling`, ceiling))
  // CPU time barely depends on what else the machine runs, unlike turns per second.
  const cpuPerTurn = (cpuUsed.user + cpuUsed.system) / Math.max(1, turns.sent)
  console.log(
    `server CPU per turn ${(cpuPerTurn / 1000).toFixed(3)} ms (user + system over ${turns.sent} turns, warm-up included, all threads of the server process)`,
  )
  // The server's main thread is what limits the turn rate on SQLite: its busy time per turn is the
  // figure to lower. It is wall time, so it includes moments the thread was preempted (by the load
  // client, or by PostgreSQL's own processes on that engine).
  console.log(
    `server main thread busy ${(loopUsed.active / Math.max(1, turns.sent)).toFixed(3)} ms per turn (wall time, warm-up included; event-loop utilization ${(loopUsed.utilization * 100).toFixed(1)}%)`,
  )
  console.log(
    `load client CPU per request ${(turns.clientCpuMicroseconds / 1000 / Math.max(1, turns.sent)).toFixed(3)} ms (turns), ${(ceiling.clientCpuMicroseconds / 1000 / Math.max(1, ceiling.sent)).toFixed(3)} ms (hello-world); the client shares the machine's 2 cores`,
  )
  console.log(
    `turns reach ${((turns.requests / ceiling.requests) * 100).toFixed(1)}% of the hello-world ceiling; goal ≥ 3000 turns/s and p99 ≤ 20 ms`,
  )

  rmSync(folder, { recursive: true, force: true })
  if (databaseName !== undefined) {
    const admin = new pg.Client({ connectionString: options.postgresUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${databaseName}`)
    await admin.end()
  }
}

const clientIndex = process.argv.indexOf('--client')
if (clientIndex === -1) {
  await main()
} else {
  const result = await runClient(JSON.parse(process.argv[clientIndex + 1] ?? '{}') as ClientOptions)
  process.stdout.write(JSON.stringify(result))
}
