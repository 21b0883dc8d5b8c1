import type { Kysely } from 'kysely'

/** Indexes messages by the inbound message they answer (duplicate deliveries read the replies). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('conversation_messages_reply_to')
    .on('conversation_messages')
    .column('reply_to_message_id')
    .execute()
}
