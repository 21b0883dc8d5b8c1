import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { isLocale, type Locale } from '../../shared/locale.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { createSignedToken, verifySignedToken } from '../../shared/signed-token.ts'

/** Where a return stands. */
export const returnStatuses = [
  'requested',
  'label-issued',
  'received',
  'refunded',
  'cancelled',
] as const

/** One of {@link returnStatuses}. */
export type ReturnStatus = (typeof returnStatuses)[number]

/** A return merchandise authorisation. */
export interface ReturnRecord {
  readonly id: string
  readonly rmaNumber: string
  readonly orderId: string
  readonly orderNumber: string
  readonly customerId: string
  readonly status: ReturnStatus
  readonly items: readonly string[]
  readonly refundPaymentMethodReference: string
  readonly locale: Locale
  readonly createdAt: string
}

/** What the return service is built from. */
export interface ReturnServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: Pick<EventBus, 'publish'>
  readonly createId: IdGenerator
  /** Signs label download links. */
  readonly secret: string
  /** How long a label link works (default 14 days). */
  readonly labelLinkLifetimeSeconds?: number
}

/** Why a label link was refused. */
export type LabelLinkRefusal =
  'invalid-link' | 'expired-link' | 'wrong-customer' | 'return-not-found'

/** Returns (RMAs): creation with a human RMA number, and signed label links bound to the customer. */
export interface ReturnService {
  createReturn(input: {
    orderId: string
    orderNumber: string
    customerId: string
    items: readonly string[]
    refundPaymentMethodReference: string
    locale: string
  }): Promise<ReturnRecord>
  getReturn(id: string): Promise<ReturnRecord | undefined>
  listReturnsOfOrder(orderId: string): Promise<ReturnRecord[]>
  /** A signed link token for the label, valid for this customer until it expires. */
  issueLabelToken(record: ReturnRecord): { token: string; expiresAt: string }
  /** Checks a label token; `customerId` (when the caller is signed in) must be the return's customer. */
  resolveLabelToken(
    token: string,
    customerId: string | undefined,
  ): Promise<Result<ReturnRecord, LabelLinkRefusal>>
}

const labelTokenUse = 'return-label'

type ReturnRow = {
  id: string
  rma_number: string
  order_id: string
  order_number: string
  customer_id: string
  status: string
  items: string
  refund_payment_method_reference: string
  locale: string
  created_at: string
}

function mapReturn(row: ReturnRow): ReturnRecord {
  return {
    id: row.id,
    rmaNumber: row.rma_number,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    status: (returnStatuses as readonly string[]).includes(row.status)
      ? (row.status as ReturnStatus)
      : 'requested',
    items: JSON.parse(row.items) as string[],
    refundPaymentMethodReference: row.refund_payment_method_reference,
    locale: isLocale(row.locale) ? row.locale : 'en',
    createdAt: row.created_at,
  }
}

/** The RMA number of the `sequence`-th return of an order: `RMA-<order digits>-<sequence>`. */
export function formatRmaNumber(orderNumber: string, sequence: number): string {
  const digits = orderNumber.replace(/[^0-9A-Za-z]/g, '').replace(/^[A-Za-z]+/, '')
  return `RMA-${digits.length > 0 ? digits : orderNumber.replace(/[^0-9A-Za-z]/g, '')}-${sequence}`
}

/** Which statuses a return may be in when its items arrive, or when it is refunded. */
const openStatusesBefore: Readonly<Record<'received' | 'refunded', readonly ReturnStatus[]>> = {
  received: ['requested', 'label-issued'],
  refunded: ['requested', 'label-issued', 'received'],
}

/**
 * Moves an order's open returns to `received` (its items arrived) or `refunded`, with the order's own
 * step and in the caller's transaction when `db` is one. Returns already there, refunded or cancelled
 * are left alone, so a repeated step changes nothing. Returns how many moved.
 */
export async function advanceReturnsOfOrder(
  db: Db,
  input: { orderId: string; to: 'received' | 'refunded'; at: string },
): Promise<number> {
  const updated = await db
    .updateTable('returns')
    .set({ status: input.to, updated_at: input.at })
    .where('order_id', '=', input.orderId)
    .where('status', 'in', [...openStatusesBefore[input.to]])
    .executeTakeFirst()
  return Number(updated.numUpdatedRows)
}

/** Creates the {@link ReturnService}. */
export function createReturnService(dependencies: ReturnServiceDependencies): ReturnService {
  const { db } = dependencies
  const lifetime = dependencies.labelLinkLifetimeSeconds ?? 14 * 86_400

  async function getReturn(id: string): Promise<ReturnRecord | undefined> {
    const row = await db.selectFrom('returns').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? undefined : mapReturn(row)
  }

  return {
    async createReturn(input) {
      const existing = await db
        .selectFrom('returns')
        .select('id')
        .where('order_id', '=', input.orderId)
        .execute()
      const at = dependencies.clock.now().toISOString()
      const id = dependencies.createId('ret')
      const rmaNumber = formatRmaNumber(input.orderNumber, existing.length + 1)
      await db
        .insertInto('returns')
        .values({
          id,
          rma_number: rmaNumber,
          order_id: input.orderId,
          order_number: input.orderNumber,
          customer_id: input.customerId,
          status: 'requested',
          items: JSON.stringify(input.items),
          refund_payment_method_reference: input.refundPaymentMethodReference,
          locale: isLocale(input.locale) ? input.locale : 'en',
          created_at: at,
          updated_at: at,
        })
        .execute()
      const record = await getReturn(id)
      if (record === undefined) throw new Error(`return ${id} vanished after insert`)
      await dependencies.eventBus.publish({
        type: 'return.created',
        aggregateId: id,
        payload: { rmaNumber, orderNumber: input.orderNumber, items: input.items },
      })
      return record
    },
    getReturn,
    async listReturnsOfOrder(orderId) {
      const rows = await db
        .selectFrom('returns')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute()
      return rows.map(mapReturn)
    },
    issueLabelToken(record) {
      const expiresAtSeconds = Math.floor(dependencies.clock.now().getTime() / 1000) + lifetime
      const token = createSignedToken(
        {
          use: labelTokenUse,
          exp: expiresAtSeconds,
          returnId: record.id,
          customerId: record.customerId,
        },
        dependencies.secret,
      )
      return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() }
    },
    async resolveLabelToken(token, customerId) {
      const verified = verifySignedToken(
        token,
        dependencies.secret,
        labelTokenUse,
        dependencies.clock.now(),
      )
      if (!verified.ok)
        return fail(verified.problem === 'expired' ? 'expired-link' : 'invalid-link')
      const { returnId, customerId: owner } = verified.claims
      if (typeof returnId !== 'string' || typeof owner !== 'string') return fail('invalid-link')
      if (customerId !== undefined && customerId !== owner) return fail('wrong-customer')
      const record = await getReturn(returnId)
      if (record === undefined) return fail('return-not-found')
      if (record.customerId !== owner) return fail('wrong-customer')
      return succeed(record)
    },
  }
}
