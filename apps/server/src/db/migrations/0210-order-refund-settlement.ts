import type { Kysely } from 'kysely'

/**
 * Refunds of an order sent to its payment provider: why a refund failed, how many times it was
 * tried and when the next try is due (a provider that did not answer is tried again later).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('payment_transactions').addColumn('failure_reason', 'text').execute()
  await db.schema
    .alterTable('payment_transactions')
    .addColumn('attempt_count', 'integer', (column) => column.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('payment_transactions').addColumn('next_attempt_at', 'text').execute()
  await db.schema
    .createIndex('payment_transactions_pending_refunds')
    .on('payment_transactions')
    .columns(['kind', 'status'])
    .execute()
}
