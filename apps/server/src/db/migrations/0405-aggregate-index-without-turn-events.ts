import { sql, type Kysely } from 'kysely'

/**
 * `domain_events_aggregate` leaves out the events every chat turn writes (their aggregate is the
 * conversation, and nothing reads them by aggregate: a conversation's story is in its messages).
 * Those five or six rows per turn all went into this index at one place per conversation, which made
 * it the costliest part of a turn's write on SQLite (about a fifth of the write, commit included).
 * Queries by aggregate say the same condition (`notTurnEvent` in `db/sql-event-store.ts`) so both
 * engines can use the index.
 */
const turnEventTypes = [
  'message.received',
  'message.sent',
  'intent.recognized',
  'flow.started',
  'flow.completed',
  'flow.abandoned',
  'policy.answered',
  'product.shown',
]

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('domain_events_aggregate').ifExists().execute()
  await db.schema
    .createIndex('domain_events_aggregate')
    .on('domain_events')
    .column('aggregate_id')
    .where(sql<boolean>`type not in (${sql.join(turnEventTypes.map((type) => sql.lit(type)))})`)
    .execute()
}
