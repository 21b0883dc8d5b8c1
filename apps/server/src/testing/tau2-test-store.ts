import { join } from 'node:path'
import { repositoryRoot } from '../app/config.ts'
import type { Db, DatabaseHandle } from '../db/database.ts'
import { importTau2Database } from '../db/seed/import-tau2-database.ts'
import { readTau2Database } from '../db/seed/load-demo-store.ts'
import type { Tau2Database } from '../db/seed/demo-files.ts'
import { createSqlEventStore } from '../db/sql-event-store.ts'
import { createManualClock, type ManualClock } from '../shared/clock.ts'
import { createEventBus, type EventBus, type RecordedEvent } from '../shared/event-bus.ts'
import { createId } from '../shared/ids.ts'

let cached: Tau2Database | undefined

/** τ²-bench's retail database from `data/demo/tau2/db.json` (read once per process). */
export function readTau2TestData(): Tau2Database {
  cached ??= readTau2Database(join(repositoryRoot, 'data', 'demo', 'tau2', 'db.json'))
  return cached
}

/** Loads τ²'s retail store into a migrated, empty test database (USD, fixed clock). */
export async function loadTau2TestStore(
  handle: DatabaseHandle,
  clock: ManualClock = createManualClock(),
): Promise<void> {
  await importTau2Database(handle, readTau2TestData(), {
    currency: 'USD',
    now: () => clock.now(),
    createId,
  })
}

/** Real services' shared dependencies over a test database, with the events they publish collected. */
export function createTestDependencies(
  db: Db,
  clock: ManualClock = createManualClock(),
): {
  db: Db
  clock: ManualClock
  eventBus: EventBus
  createId: typeof createId
  events: RecordedEvent[]
} {
  const events: RecordedEvent[] = []
  const eventBus = createEventBus({
    store: createSqlEventStore(db),
    now: () => clock.now(),
    createId: () => createId('evt'),
  })
  eventBus.subscribe('*', (event) => {
    events.push(event)
  })
  return { db, clock, eventBus, createId, events }
}
