import { sql, type Kysely } from 'kysely'

/** At most one open hand-over per conversation, even when two requests race. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('hand_overs_one_open')
    .on('hand_overs')
    .column('conversation_id')
    .unique()
    .where(sql.ref('status'), 'in', ['queued', 'offered', 'assigned'])
    .execute()
}
