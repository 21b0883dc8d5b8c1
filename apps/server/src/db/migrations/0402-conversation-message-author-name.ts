import type { Kysely } from 'kysely'

/** Adds the display name of a message's author (the agent a shopper sees, "Aisha"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('conversation_messages').addColumn('author_name', 'text').execute()
}
