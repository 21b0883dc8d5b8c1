import type { Kysely } from 'kysely'

/** Creates stock reservations, carts with their lines, and checkouts (idempotency keys). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stock_reservations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('reference', 'text', (column) => column.notNull())
    .addColumn('variant_id', 'text', (column) => column.notNull())
    .addColumn('location_id', 'text', (column) => column.notNull())
    .addColumn('quantity', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('stock_reservations_reference')
    .on('stock_reservations')
    .column('reference')
    .execute()
  await db.schema
    .createIndex('stock_reservations_status_expiry')
    .on('stock_reservations')
    .columns(['status', 'expires_at'])
    .execute()

  await db.schema
    .createTable('carts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('token', 'text', (column) => column.notNull().unique())
    .addColumn('customer_id', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('currency', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('order_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('carts_customer')
    .on('carts')
    .columns(['customer_id', 'status'])
    .execute()
  await db.schema
    .createIndex('carts_status_updated')
    .on('carts')
    .columns(['status', 'updated_at'])
    .execute()

  await db.schema
    .createTable('cart_lines')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('cart_id', 'text', (column) => column.notNull().references('carts.id'))
    .addColumn('variant_id', 'text', (column) => column.notNull())
    .addColumn('quantity', 'integer', (column) => column.notNull())
    .addColumn('unit_price_amount', 'bigint', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('cart_lines_cart_variant', ['cart_id', 'variant_id'])
    .execute()

  await db.schema
    .createTable('checkouts')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('cart_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('order_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
}
