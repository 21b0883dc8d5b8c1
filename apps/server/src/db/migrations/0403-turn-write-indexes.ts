import type { Kysely } from 'kysely'

/**
 * Indexes that every chat turn had to update for no reader: `conversations_status` (no query reads
 * conversations by status; the inbox reads hand-overs) is dropped, and the analytics index on
 * `domain_events` leads with the time instead of the type, so new events go to the end of one index
 * instead of to one place per event type. Analytics reads events by period, then type.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('conversations_status').ifExists().execute()
  await db.schema.dropIndex('domain_events_type_time').ifExists().execute()
  await db.schema
    .createIndex('domain_events_time_type')
    .on('domain_events')
    .columns(['occurred_at', 'type'])
    .execute()
}
