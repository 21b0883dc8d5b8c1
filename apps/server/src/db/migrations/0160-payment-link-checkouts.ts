import type { Kysely } from 'kysely'

/**
 * `payment_link_checkouts`: a checkout started in a conversation and waiting for the shopper to pay
 * on a hosted page; the order is placed (and the conversation told) when the payment completes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payment_link_checkouts')
    .addColumn('payment_id', 'text', (column) => column.primaryKey())
    .addColumn('checkout_key', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('input', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('order_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('payment_link_checkouts_checkout_key')
    .on('payment_link_checkouts')
    .column('checkout_key')
    .execute()
}
