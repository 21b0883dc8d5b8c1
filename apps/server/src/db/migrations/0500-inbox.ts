import type { Kysely } from 'kysely'

/** Creates the inbox: hand-overs, routing cursors, canned responses, notes, ratings, training. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hand_overs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('reasons', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('team', 'text')
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('offered_agent_id', 'text')
    .addColumn('offer_expires_at', 'text')
    .addColumn('excluded_agent_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('assigned_agent_id', 'text')
    .addColumn('contact', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('assigned_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('hand_overs_conversation')
    .on('hand_overs')
    .columns(['conversation_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('hand_overs_status')
    .on('hand_overs')
    .columns(['status', 'created_at'])
    .execute()

  await db.schema
    .createTable('inbox_routing_cursors')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('last_agent_id', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()

  await db.schema
    .createTable('canned_responses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('shortcut', 'text', (column) => column.notNull().unique())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  await db.schema
    .createTable('inbox_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('author_id', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('inbox_notes_conversation')
    .on('inbox_notes')
    .columns(['conversation_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('csat_ratings')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('hand_over_id', 'text', (column) => column.notNull().unique())
    .addColumn('agent_id', 'text')
    .addColumn('score', 'integer', (column) => column.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  await db.schema
    .createTable('training_candidates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('message_id', 'text', (column) => column.notNull().unique())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('predicted_intent', 'text')
    .addColumn('confidence', 'real')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('label', 'text')
    .addColumn('labelled_by', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('training_candidates_status')
    .on('training_candidates')
    .columns(['status', 'created_at'])
    .execute()
}
