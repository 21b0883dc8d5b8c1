import type { Kysely } from 'kysely'

/** Creates conversations, participants, messages and shopper identities. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shopper_identities')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('external_id', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('shopper_identities_channel_external', ['channel', 'external_id'])
    .execute()
  await db.schema
    .createIndex('shopper_identities_customer')
    .on('shopper_identities')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('shopper_identity_id', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('last_sequence', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('dialogue_state', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema
    .createIndex('conversations_identity')
    .on('conversations')
    .columns(['shopper_identity_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('conversations_customer')
    .on('conversations')
    .columns(['customer_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('conversations_status')
    .on('conversations')
    .columns(['status', 'updated_at'])
    .execute()

  await db.schema
    .createTable('conversation_participants')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id'),
    )
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('reference', 'text', (column) => column.notNull())
    .addColumn('joined_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('conversation_participants_unique', [
      'conversation_id',
      'role',
      'reference',
    ])
    .execute()

  await db.schema
    .createTable('conversation_messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) =>
      column.notNull().references('conversations.id'),
    )
    .addColumn('sequence', 'integer', (column) => column.notNull())
    .addColumn('direction', 'text', (column) => column.notNull())
    .addColumn('author_role', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('channel_message_id', 'text')
    .addColumn('reply_to_message_id', 'text')
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('intent', 'text')
    .addColumn('confidence', 'real')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('conversation_messages_sequence', ['conversation_id', 'sequence'])
    .addUniqueConstraint('conversation_messages_channel_id', ['channel', 'channel_message_id'])
    .execute()
}
