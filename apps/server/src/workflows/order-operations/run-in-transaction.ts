import type { Db } from '../../db/database.ts'
import type { DomainEvent, EventBus } from '../../shared/event-bus.ts'

/**
 * Runs `work` in one database transaction (or inside the caller's, when `db` already is one) with an
 * event publisher that holds events until the transaction committed, then publishes them on `eventBus`.
 * Nothing is published when `work` throws.
 */
export async function runInTransaction<T>(
  db: Db,
  eventBus: Pick<EventBus, 'publish'>,
  work: (transaction: Db, publisher: Pick<EventBus, 'publish'>) => Promise<T>,
): Promise<T> {
  const held: DomainEvent<object>[] = []
  const publisher: Pick<EventBus, 'publish'> = {
    publish: async (...events) => {
      held.push(...events)
      return []
    },
  }
  const result = db.isTransaction
    ? await work(db, publisher)
    : await db.transaction().execute((transaction) => work(transaction, publisher))
  if (held.length > 0) await eventBus.publish(...held)
  return result
}
