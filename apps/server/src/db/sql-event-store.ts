import type { EventStore, RecordedEvent } from '../shared/event-bus.ts'
import type { Db } from './database.ts'
import { prepareQueryShapes } from './prepared-query.ts'

/** Inserts of at most this many events use SQL prepared once per row count. */
const preparedRowLimit = 16

/** Writes events to `domain_events` with an executor: the database or a caller's transaction. */
export type DomainEventWriter = (executor: Db, events: readonly RecordedEvent[]) => Promise<void>

/**
 * Creates a {@link DomainEventWriter} whose SQL is built for the engine of `db`, once per row count
 * (a chat turn writes a few events thousands of times a second).
 */
export function createDomainEventWriter(db: Db): DomainEventWriter {
  const columns = ['id', 'type', 'aggregate_id', 'payload', 'occurred_at'] as const
  const prepared = prepareQueryShapes((key) => {
    const count = Number(key)
    const names = Array.from({ length: count }, (_, row) =>
      columns.map((column) => `${column}${row}`),
    ).flat()
    return {
      names,
      build: (values) =>
        db.insertInto('domain_events').values(
          Array.from({ length: count }, (_, row) => ({
            id: values[`id${row}`] as never,
            type: values[`type${row}`] as never,
            aggregate_id: values[`aggregate_id${row}`] as never,
            payload: values[`payload${row}`] as never,
            occurred_at: values[`occurred_at${row}`] as never,
          })),
        ),
    }
  })
  return async (executor, events) => {
    if (events.length === 0) return
    const rows = events.map((event) => ({
      id: event.id,
      type: event.type,
      aggregate_id: event.aggregateId,
      payload: JSON.stringify(event.payload),
      occurred_at: event.occurredAt,
    }))
    if (events.length > preparedRowLimit) {
      await executor.insertInto('domain_events').values(rows).execute()
      return
    }
    const values: Record<string, unknown> = {}
    rows.forEach((row, index) => {
      for (const column of columns) values[`${column}${index}`] = row[column]
    })
    await executor.executeQuery(prepared(String(rows.length), values))
  }
}

/** Stores domain events in the `domain_events` table. */
export function createSqlEventStore(db: Db): EventStore {
  const write = createDomainEventWriter(db)
  return {
    append: (events) => write(db, events),
  }
}
