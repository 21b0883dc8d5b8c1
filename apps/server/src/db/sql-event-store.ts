import type { EventStore, RecordedEvent } from '../shared/event-bus.ts'
import type { Db } from './database.ts'

/** Stores domain events in the `domain_events` table. */
export function createSqlEventStore(db: Db): EventStore {
  return {
    async append(events: readonly RecordedEvent[]) {
      await db
        .insertInto('domain_events')
        .values(
          events.map((event) => ({
            id: event.id,
            type: event.type,
            aggregate_id: event.aggregateId,
            payload: JSON.stringify(event.payload),
            occurred_at: event.occurredAt,
          })),
        )
        .execute()
    },
  }
}
