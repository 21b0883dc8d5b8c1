import type { PaymentStatusChange } from '../../domains/payments/index.ts'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'

/**
 * The order side of a payment status change (a capture, refund or cancellation, by call or by
 * provider webhook): the order's checkout payment transaction takes the new status. The payments
 * domain applies each webhook once, so replays never reach this hook twice; setting a status is
 * idempotent anyway. Changes of payments not yet linked to an order are ignored (the checkout
 * records the status itself when it creates the order).
 */
export function createOrderPaymentHook(
  db: Db,
  clock: Clock,
): (change: PaymentStatusChange) => Promise<void> {
  return async (change) => {
    if (change.orderId === null) return
    const orderId = change.orderId
    const now = clock.now().toISOString()
    await db.transaction().execute(async (transaction) => {
      const updated = await transaction
        .updateTable('payment_transactions')
        .set({ status: change.status })
        .where('order_id', '=', orderId)
        .where('kind', '=', 'payment')
        .where('position', '=', 0)
        .where('status', '!=', change.status)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) > 0) {
        await transaction
          .updateTable('orders')
          .set({ updated_at: now })
          .where('id', '=', orderId)
          .execute()
      }
    })
  }
}
