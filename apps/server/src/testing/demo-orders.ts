import type { Db } from '../db/database.ts'

/** A demo order a transcript test can name, with what verifies the shopper. */
export interface DemoOrder {
  readonly id: string
  readonly number: string
  readonly email: string
  readonly customerId: string
  readonly status: string
  readonly itemsModified: number
}

/** The demo store's orders of customers with an e-mail (they can verify in chat), by number. */
export async function listDemoOrders(
  db: Db,
  direction: 'asc' | 'desc' = 'asc',
): Promise<DemoOrder[]> {
  const rows = await db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select([
      'orders.id',
      'orders.number',
      'orders.status',
      'orders.items_modified',
      'customers.email',
      'customers.id as customerId',
    ])
    .where('customers.email', 'is not', null)
    .orderBy('orders.number', direction)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    email: row.email ?? '',
    customerId: row.customerId,
    status: row.status,
    itemsModified: Number(row.items_modified),
  }))
}

/** The order at `index` of a list, or an error saying the demo store has too few of them. */
export function demoOrderAt<T>(list: readonly T[], index: number): T {
  const order = list[index]
  if (order === undefined) throw new Error('the demo store has too few such orders')
  return order
}
