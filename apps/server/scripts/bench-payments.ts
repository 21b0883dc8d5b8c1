/**
 * Payments and promotions benchmark: on SQLite (temporary file) and PostgreSQL (a throw-away schema
 * of `KEDAI_TEST_DATABASE_URL`, skipped when unreachable) it starts sandbox payment links, delivers
 * every webhook three times (sequentially, then three copies at once) and prints deliveries per
 * second with p50/p95 latency, checking each payment was captured exactly once; then prints the
 * latency of a promotions evaluation (SAVE10 + the run-kit bundle) and of a delivery estimate.
 * Run: `npx tsx apps/server/scripts/bench-payments.ts [payments, default 1000]`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import {
  createSandboxPaymentProvider,
  sandboxSignatureHeader,
  signSandboxWebhook,
} from '../src/adapters/payment-sandbox/index.ts'
import { readTestEnvironment } from '../src/app/config.ts'
import { createDatabase, migrateToLatest, type DatabaseHandle } from '../src/db/database.ts'
import { createSqlEventStore } from '../src/db/sql-event-store.ts'
import { createPaymentsService } from '../src/domains/payments/index.ts'
import { createPromotionsService, seedDemoPromotions } from '../src/domains/promotions/index.ts'
import { createShippingService, loadShippingConfiguration } from '../src/domains/shipping/index.ts'
import { systemClock } from '../src/shared/clock.ts'
import { createEventBus } from '../src/shared/event-bus.ts'
import { createId } from '../src/shared/ids.ts'
import { money } from '../src/shared/money.ts'

const paymentCount = Number(process.argv[2] ?? 1000)
const secret = 'bench-sandbox-secret'
const demo = (name: string) => fileURLToPath(new URL(`../../../data/demo/${name}`, import.meta.url))

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN
}

function summarize(label: string, durations: number[], totalMs: number): void {
  const sorted = [...durations].sort((a, b) => a - b)
  console.log(
    `${label.padEnd(46)} ${String(durations.length).padStart(6)} in ${totalMs.toFixed(0).padStart(6)} ms = ${((durations.length / totalMs) * 1000).toFixed(0).padStart(6)}/s  p50 ${percentile(sorted, 0.5).toFixed(2)} ms  p95 ${percentile(sorted, 0.95).toFixed(2)} ms`,
  )
}

async function benchEngine(name: string, handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle)
  const db = handle.db
  const eventBus = createEventBus({
    store: createSqlEventStore(db),
    now: () => systemClock.now(),
    createId: () => createId('evt'),
  })
  const payments = createPaymentsService({
    db,
    clock: systemClock,
    eventBus,
    createId,
    providers: [
      createSandboxPaymentProvider({ publicUrl: 'http://bench.local', webhookSecret: secret }),
    ],
    publicUrl: 'http://bench.local',
  })
  const ids: string[] = []
  let started = performance.now()
  const startDurations: number[] = []
  for (let index = 0; index < paymentCount * 2; index += 1) {
    const before = performance.now()
    const result = await payments.startPayment({
      checkoutReference: `crt_bench_${index}`,
      amount: money(25900, 'MYR'),
      description: 'bench',
      paymentMethod: { kind: 'hosted-page' },
    })
    startDurations.push(performance.now() - before)
    if (result.ok) ids.push(result.value.id)
  }
  summarize(`[${name}] start payment link`, startDurations, performance.now() - started)

  const delivery = (paymentId: string) => {
    const rawBody = JSON.stringify({
      id: `evt_${paymentId}`,
      kind: 'payment-captured',
      paymentId,
      amount: 25900,
    })
    return { rawBody, headers: { [sandboxSignatureHeader]: signSandboxWebhook(rawBody, secret) } }
  }
  const sequential = ids.slice(0, paymentCount)
  const concurrent = ids.slice(paymentCount)
  const durations: number[] = []
  let applied = 0
  started = performance.now()
  for (const paymentId of sequential) {
    for (let copy = 0; copy < 3; copy += 1) {
      const before = performance.now()
      const result = await payments.handleWebhook('sandbox', delivery(paymentId))
      durations.push(performance.now() - before)
      if (result.ok && result.value.applied) applied += 1
    }
  }
  summarize(
    `[${name}] webhook deliveries, 3 copies in a row`,
    durations,
    performance.now() - started,
  )
  const concurrentDurations: number[] = []
  started = performance.now()
  for (const paymentId of concurrent) {
    const before = performance.now()
    const results = await Promise.all(
      [0, 1, 2].map(() => payments.handleWebhook('sandbox', delivery(paymentId))),
    )
    const elapsed = performance.now() - before
    for (const result of results) {
      concurrentDurations.push(elapsed)
      if (result.ok && result.value.applied) applied += 1
    }
  }
  summarize(
    `[${name}] webhook deliveries, 3 copies at once`,
    concurrentDurations,
    performance.now() - started,
  )
  const captured = await db
    .selectFrom('domain_events')
    .select((builder) => builder.fn.countAll().as('count'))
    .where('type', '=', 'payment.captured')
    .executeTakeFirstOrThrow()
  console.log(
    `[${name}] applied ${applied} of ${(sequential.length + concurrent.length) * 3} deliveries; payment.captured events: ${String(captured.count)} (expected ${ids.length})`,
  )

  const promotions = createPromotionsService({ db, clock: systemClock, createId })
  await seedDemoPromotions(promotions, { file: demo('promotions.json') })
  const cart = {
    currency: 'MYR',
    shippingAmount: 800,
    lines: [
      {
        productId: 'prd_1',
        variantId: 'var_1',
        sku: 'KD-RUN-STR-9-BLK',
        unitPrice: 32900,
        quantity: 1,
      },
      {
        productId: 'prd_2',
        variantId: 'var_2',
        sku: 'KD-SCK-SPT-M-WHT',
        unitPrice: 2990,
        quantity: 1,
      },
      { productId: 'prd_3', variantId: 'var_3', sku: 'KD-TOP-1', unitPrice: 5900, quantity: 2 },
    ],
  }
  const evaluationDurations: number[] = []
  started = performance.now()
  for (let index = 0; index < 2000; index += 1) {
    const before = performance.now()
    await promotions.evaluate(cart, ['SAVE10'], { customerId: 'cus_bench', previousOrderCount: 2 })
    evaluationDurations.push(performance.now() - before)
  }
  summarize(
    `[${name}] promotions.evaluate (SAVE10 + run kit)`,
    evaluationDurations,
    performance.now() - started,
  )
}

console.log(
  `bench-payments: ${paymentCount} payments per mode; ${cpus().length} cores, load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}; node ${process.version}`,
)

const folder = mkdtempSync(join(tmpdir(), 'kedai-bench-'))
const sqlite = await createDatabase({ sqliteFile: join(folder, 'bench.db') })
try {
  await benchEngine('sqlite', sqlite)
} finally {
  await sqlite.close()
  rmSync(folder, { recursive: true, force: true })
}

const postgresUrl = readTestEnvironment().postgresUrl
const schema = `kedai_bench_${process.pid}`
let postgres: DatabaseHandle | undefined
try {
  postgres = await createDatabase({ url: postgresUrl, schema, poolSize: 10 })
  if (await postgres.isReachable()) await benchEngine('postgres', postgres)
  else console.log(`[postgres] ${postgresUrl} unreachable: skipped`)
} catch (error) {
  console.log(`[postgres] skipped: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await postgres?.close()
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect().then(
    () => client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end()),
    () => undefined,
  )
}

const shipping = createShippingService({
  configuration: loadShippingConfiguration(demo('shipping.json')),
  clock: systemClock,
})
const estimateDurations: number[] = []
const estimateStart = performance.now()
for (let index = 0; index < 20_000; index += 1) {
  const before = performance.now()
  shipping.estimateDelivery(
    'standard',
    { country: 'MY', state: 'Sabah' },
    new Date(Date.UTC(2026, 11, 1 + (index % 40), index % 24)),
  )
  estimateDurations.push(performance.now() - before)
}
summarize('shipping.estimateDelivery', estimateDurations, performance.now() - estimateStart)
