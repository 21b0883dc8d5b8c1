/**
 * τ²-bench parity harness (`npm run test:tau2`): for each of the 114 retail tasks, replays the gold
 * tool calls of `evaluation_criteria.actions` through Kedai's agent tools on a fresh copy of the store
 * (one migrated in-memory SQLite database holding τ²'s `db.json`; each task runs in a transaction
 * that is rolled back), exports the store back to τ²'s JSON shape and compares with
 * `data/demo/tau2/expected-replay.json`: every call's result or error, the changed users/orders with
 * their final values, and the sha256 of the whole final database. Prints `N passed, M failed` with a
 * diff per failing task; exits non-zero on any failure.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import pg from 'pg'
import { readTestEnvironment, repositoryRoot } from '../src/app/config.ts'
import { runRetailTool } from '../src/assistant/agent/tools/retail-tools.ts'
import {
  exportTau2Database,
  type Tau2Export,
} from '../src/assistant/agent/tau2/export-tau2-database.ts'
import { dumpPythonJson } from '../src/assistant/agent/tau2/python-json.ts'
import {
  createDatabase,
  migrateToLatest,
  type DatabaseHandle,
  type Db,
} from '../src/db/database.ts'
import { importTau2Database } from '../src/db/seed/import-tau2-database.ts'
import { readTau2Database } from '../src/db/seed/load-demo-store.ts'
import { createSqlEventStore } from '../src/db/sql-event-store.ts'
import { createCustomerService } from '../src/domains/customers/index.ts'
import { createOrderService } from '../src/domains/orders/index.ts'
import { createManualClock } from '../src/shared/clock.ts'
import { createEventBus } from '../src/shared/event-bus.ts'
import { createId } from '../src/shared/ids.ts'
import { createOrderOperations } from '../src/workflows/order-operations/index.ts'

const dataDirectory = join(repositoryRoot, 'data', 'demo', 'tau2')
const currency = 'USD'

const tasksSchema = z.array(
  z.object({
    id: z.string(),
    evaluation_criteria: z.object({
      actions: z
        .array(z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()) }))
        .nullable(),
    }),
  }),
)
const expectedSchema = z.object({
  initial_db_sha256: z.string(),
  tasks: z.array(
    z.object({
      task_id: z.string(),
      calls: z.array(
        z.object({
          name: z.string(),
          arguments: z.unknown(),
          result: z.unknown().optional(),
          error: z.string().optional(),
        }),
      ),
      changed: z.record(z.string(), z.unknown()),
      final_db_sha256: z.string(),
    }),
  ),
})

class Rollback extends Error {}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Each user/order record dumped like Python, and the whole export's dump assembled from them. */
interface DumpedExport {
  readonly records: Map<string, string>
  readonly text: string
}

function dumpExport(exported: Tau2Export): DumpedExport {
  const records = new Map<string, string>()
  const areas = (['orders', 'products', 'users'] as const).map((area) => {
    const keys = Object.keys(exported[area]).sort((first, second) =>
      first < second ? -1 : first > second ? 1 : 0,
    )
    const entries = keys.map((key) => {
      const text = dumpPythonJson(exported[area][key])
      if (area !== 'products') records.set(`${area}/${key}`, text)
      return `${dumpPythonJson(key)}: ${text}`
    })
    return `${dumpPythonJson(area)}: {${entries.join(', ')}}`
  })
  return { records, text: `{${areas.join(', ')}}` }
}

function changedRecords(before: DumpedExport, after: DumpedExport): Set<string> {
  const changed = new Set<string>()
  for (const key of new Set([...before.records.keys(), ...after.records.keys()])) {
    if (before.records.get(key) !== after.records.get(key)) changed.add(key)
  }
  return changed
}

function shorten(text: string, limit = 600): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`
}

async function openStore(
  engine: 'sqlite' | 'postgres',
): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const handle = await createDatabase({ sqliteFile: ':memory:' })
    return { handle, dispose: () => handle.close() }
  }
  const url = readTestEnvironment().postgresUrl
  const schema = `kedai_tau2_${process.pid}_${Date.now().toString(36)}`
  const handle = await createDatabase({ url, schema, poolSize: 4 })
  return {
    handle,
    dispose: async () => {
      await handle.close()
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`drop schema if exists ${schema} cascade`)
      } finally {
        await client.end()
      }
    },
  }
}

async function main(argumentList: readonly string[]): Promise<number> {
  const engineIndex = argumentList.indexOf('--engine')
  const engine = engineIndex === -1 ? 'sqlite' : argumentList[engineIndex + 1]
  if (engine !== 'sqlite' && engine !== 'postgres') {
    console.error('usage: replay-tau2.ts [--engine sqlite|postgres]')
    return 2
  }
  const started = performance.now()
  const tasks = tasksSchema.parse(
    JSON.parse(readFileSync(join(dataDirectory, 'tasks.json'), 'utf8')),
  )
  const expected = expectedSchema.parse(
    JSON.parse(readFileSync(join(dataDirectory, 'expected-replay.json'), 'utf8')),
  )
  const expectedById = new Map(expected.tasks.map((task) => [task.task_id, task]))
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const store = await openStore(engine)
  const handle = store.handle
  await migrateToLatest(handle)
  await importTau2Database(handle, readTau2Database(join(dataDirectory, 'db.json')), {
    currency,
    now: () => clock.now(),
    createId,
  })
  const loadedAt = performance.now()

  const servicesOver = (db: Db) => {
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const shared = { db, clock, eventBus, createId }
    return {
      orders: createOrderService(shared),
      customers: createCustomerService(shared),
      operations: createOrderOperations(shared),
    }
  }
  const initial = dumpExport(await exportTau2Database({ ...servicesOver(handle.db), currency }))
  const initialSha = sha256(initial.text)
  const problems: string[] = []
  if (initialSha !== expected.initial_db_sha256) {
    problems.push(
      `initial export sha256 ${initialSha} differs from the reference ${expected.initial_db_sha256}`,
    )
  }

  let passed = 0
  let failed = 0
  for (const task of tasks) {
    const reference = expectedById.get(task.id)
    const differences: string[] = []
    if (reference === undefined) differences.push('no expected replay for this task')
    try {
      await handle.db.transaction().execute(async (transaction) => {
        const services = servicesOver(transaction)
        const context = { ...services, access: { kind: 'staff' as const }, currency }
        const actions = task.evaluation_criteria.actions ?? []
        for (const [index, action] of actions.entries()) {
          const outcome = await runRetailTool(action.name, action.arguments, context)
          const call = reference?.calls[index]
          if (call === undefined || call.name !== action.name) {
            differences.push(`call ${index} ${action.name}: no matching reference call`)
            continue
          }
          if (call.error !== undefined) {
            if (outcome.ok)
              differences.push(
                `call ${index} ${action.name}: reference raised "${call.error}", Kedai returned ${shorten(dumpPythonJson(outcome.output))}`,
              )
            else if (outcome.error !== call.error)
              differences.push(
                `call ${index} ${action.name}: error "${outcome.error}", reference "${call.error}"`,
              )
          } else if (!outcome.ok) {
            differences.push(
              `call ${index} ${action.name}: Kedai raised "${outcome.error}", reference returned ${shorten(dumpPythonJson(call.result))}`,
            )
          } else if (dumpPythonJson(outcome.output) !== dumpPythonJson(call.result)) {
            differences.push(
              `call ${index} ${action.name}: result differs\n      Kedai:     ${shorten(dumpPythonJson(outcome.output))}\n      reference: ${shorten(dumpPythonJson(call.result))}`,
            )
          }
        }
        const final = dumpExport(await exportTau2Database({ ...services, currency }))
        const changed = changedRecords(initial, final)
        const wanted = new Map(Object.entries(reference?.changed ?? {}))
        for (const key of new Set([...changed.keys(), ...wanted.keys()])) {
          if (!wanted.has(key))
            differences.push(`${key}: changed by Kedai, unchanged in the reference`)
          else if (!changed.has(key))
            differences.push(`${key}: changed in the reference, unchanged by Kedai`)
          else if (final.records.get(key) !== dumpPythonJson(wanted.get(key))) {
            differences.push(
              `${key}: final values differ\n      Kedai:     ${shorten(final.records.get(key) ?? 'null', 2000)}\n      reference: ${shorten(dumpPythonJson(wanted.get(key)), 2000)}`,
            )
          }
        }
        const finalSha = sha256(final.text)
        if (reference !== undefined && finalSha !== reference.final_db_sha256) {
          differences.push(
            `final database sha256 ${finalSha} differs from the reference ${reference.final_db_sha256}`,
          )
        }
        throw new Rollback()
      })
    } catch (error) {
      if (!(error instanceof Rollback))
        differences.push(
          `crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        )
    }
    if (differences.length === 0) passed += 1
    else {
      failed += 1
      problems.push(`task ${task.id}:\n  - ${differences.join('\n  - ')}`)
    }
  }
  const after = dumpExport(await exportTau2Database({ ...servicesOver(handle.db), currency }))
  if (sha256(after.text) !== initialSha)
    problems.push('the store changed after all tasks were rolled back')
  await store.dispose()

  for (const problem of problems) console.log(problem)
  const finished = performance.now()
  console.log(
    `τ² retail parity on ${handle.engine}: ${passed} passed, ${failed} failed (of ${tasks.length} tasks; load ${Math.round(loadedAt - started)} ms, replay ${Math.round(finished - loadedAt)} ms)`,
  )
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 && problems.length === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))
