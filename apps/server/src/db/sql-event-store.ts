import { sql, type SqlBool } from 'kysely'
import type { EventStore, RecordedEvent } from '../shared/event-bus.ts'
import type { Db } from './database.ts'
import { prepareRowInsert } from './prepared-query.ts'

/**
 * The event types every chat turn writes, with the conversation as aggregate. Nothing reads them by
 * aggregate, so the `domain_events_aggregate` index leaves them out (migration 0405): a query by
 * `aggregate_id` must say {@link notTurnEvent} too, or it reads the whole table.
 */
export const turnEventTypes = [
  'message.received',
  'message.sent',
  'intent.recognized',
  'flow.started',
  'flow.completed',
  'flow.abandoned',
  'policy.answered',
  'product.shown',
] as const

/**
 * The condition of the `domain_events_aggregate` index, word for word (the types as literals: a
 * database uses a partial index only for a query that says the same).
 */
export const notTurnEvent = sql<SqlBool>`type not in (${sql.join(turnEventTypes.map((type) => sql.lit(type)))})`

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
  const prepared = prepareRowInsert(columns, (rows) =>
    db.insertInto('domain_events').values(rows.map((row) => ({ ...row }))),
  )
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
    await executor.executeQuery(
      prepared(
        rows.map((row) => [row.id, row.type, row.aggregate_id, row.payload, row.occurred_at]),
      ),
    )
  }
}

/** Stores domain events in the `domain_events` table. */
export function createSqlEventStore(db: Db): EventStore {
  const write = createDomainEventWriter(db)
  return {
    append: (events) => write(db, events),
  }
}
