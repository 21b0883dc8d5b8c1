import type { Transaction } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { PaymentRefundTable, PaymentTable } from '../../db/tables/commerce-b.ts'

/** A stored payment row. */
export type PaymentRow = PaymentTable

/** A stored refund row. */
export type PaymentRefundRow = PaymentRefundTable

/** The idempotency key of a payment's refund: `<payment id>:refund:<refund reference>`. */
export function refundKeyOf(paymentId: string, refundReference: string): string {
  return `${paymentId}:refund:${refundReference}`
}

/** The refund reference back from a refund row's idempotency key. */
export function refundReferenceOf(row: Pick<PaymentRefundRow, 'payment_id' | 'idempotency_key'>) {
  const prefix = refundKeyOf(row.payment_id, '')
  return row.idempotency_key.startsWith(prefix)
    ? row.idempotency_key.slice(prefix.length)
    : row.idempotency_key
}

/** Reads a refund by its idempotency key. */
export function findRefundByKey(
  executor: Executor,
  key: string,
): Promise<PaymentRefundRow | undefined> {
  return executor
    .selectFrom('payment_refunds')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

/** Reads a payment's refund by the provider's id of the refund. */
export function findRefundByProviderReference(
  executor: Executor,
  paymentId: string,
  providerReference: string,
): Promise<PaymentRefundRow | undefined> {
  return executor
    .selectFrom('payment_refunds')
    .selectAll()
    .where('payment_id', '=', paymentId)
    .where('provider_reference', '=', providerReference)
    .executeTakeFirst()
}

/** Every payment linked to an order, oldest first. */
export function listPaymentsByOrderId(executor: Executor, orderId: string): Promise<PaymentRow[]> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** A database connection or an open transaction; repository functions accept either. */
export type Executor = Db | Transaction<Database>

/** Reads a payment by id. */
export function findPaymentById(executor: Executor, id: string): Promise<PaymentRow | undefined> {
  return executor.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Reads a payment by its create idempotency key. */
export function findPaymentByIdempotencyKey(
  executor: Executor,
  key: string,
): Promise<PaymentRow | undefined> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('idempotency_key', '=', key)
    .executeTakeFirst()
}

/** Reads a provider's payment by the provider's reference (payment or capture id). */
export function findPaymentByProviderReference(
  executor: Executor,
  provider: string,
  reference: string,
): Promise<PaymentRow | undefined> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('provider', '=', provider)
    .where((builder) =>
      builder.or([
        builder('provider_reference', '=', reference),
        builder('provider_capture_reference', '=', reference),
      ]),
    )
    .executeTakeFirst()
}

/** Every payment for a checkout or order reference, oldest first. */
export function listPaymentsByCheckoutReference(
  executor: Executor,
  checkoutReference: string,
): Promise<PaymentRow[]> {
  return executor
    .selectFrom('payments')
    .selectAll()
    .where('checkout_reference', '=', checkoutReference)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Stores a new payment. */
export async function insertPayment(executor: Executor, row: PaymentRow): Promise<void> {
  await executor.insertInto('payments').values(row).execute()
}

/** Updates a payment's changing columns. */
export async function updatePayment(
  executor: Executor,
  id: string,
  changes: Partial<Omit<PaymentRow, 'id' | 'idempotency_key' | 'created_at'>>,
): Promise<void> {
  await executor.updateTable('payments').set(changes).where('id', '=', id).execute()
}

/**
 * Records that a provider event was applied. Returns false when it was already recorded, which is
 * how a webhook delivered several times is applied once (the primary key is (provider, event id)).
 */
export async function recordWebhookEvent(
  executor: Executor,
  row: {
    provider: string
    event_id: string
    type: string
    payment_id: string | null
    received_at: string
  },
): Promise<boolean> {
  const result = await executor
    .insertInto('payment_webhook_events')
    .values(row)
    .onConflict((conflict) => conflict.columns(['provider', 'event_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0
}
