import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import type { CheckoutAddress } from './checkout-ports.ts'

/**
 * The workflow's own storage: the checkout records (idempotency keys), order rows in the core
 * `orders`/`order_items`/`payment_transactions` tables (the orders domain has no `createOrder` in its
 * public API yet), guest customers and loyalty points in `customers`.
 */

/** A line of a placed order. */
export interface PlacedOrderLine {
  readonly productId: string
  readonly variantId: string
  readonly sku: string
  readonly name: string
  readonly options: Record<string, string>
  readonly unitPriceAmount: number
  readonly quantity: number
}

/** What {@link insertPlacedOrder} writes. */
export interface NewPlacedOrder {
  readonly id: string
  readonly number: string
  readonly customerId: string
  readonly currency: string
  readonly address: CheckoutAddress
  readonly subtotalAmount: number
  readonly discountAmount: number
  readonly shippingAmount: number
  readonly taxAmount: number
  readonly totalAmount: number
  readonly lines: readonly PlacedOrderLine[]
  readonly payment: {
    readonly paymentMethodReference: string
    readonly providerReference: string | null
    readonly status: string
  }
  readonly details: Record<string, unknown>
  readonly conversationId: string | null
  readonly placedAt: string
}

/** Writes a placed order, its items and its payment transaction in one transaction. */
export async function insertPlacedOrder(
  db: Db,
  createId: IdGenerator,
  order: NewPlacedOrder,
): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await transaction
      .insertInto('orders')
      .values({
        id: order.id,
        number: order.number,
        customer_id: order.customerId,
        status: 'pending',
        currency: order.currency,
        shipping_address: JSON.stringify(order.address),
        subtotal_amount: order.subtotalAmount,
        discount_amount: order.discountAmount,
        shipping_amount: order.shippingAmount,
        tax_amount: order.taxAmount,
        total_amount: order.totalAmount,
        items_modified: 0,
        cancel_reason: null,
        details: JSON.stringify(order.details),
        conversation_id: order.conversationId,
        placed_at: order.placedAt,
        created_at: order.placedAt,
        updated_at: order.placedAt,
      })
      .execute()
    await transaction
      .insertInto('order_items')
      .values(
        order.lines.map((line, position) => ({
          id: createId('oli'),
          order_id: order.id,
          position,
          product_id: line.productId,
          variant_id: line.variantId,
          sku: line.sku,
          name: line.name,
          options: JSON.stringify(line.options),
          unit_price_amount: line.unitPriceAmount,
          quantity: line.quantity,
        })),
      )
      .execute()
    await transaction
      .insertInto('payment_transactions')
      .values({
        id: createId('pay'),
        order_id: order.id,
        position: 0,
        kind: 'payment',
        amount: order.totalAmount,
        currency: order.currency,
        payment_method_id: null,
        payment_method_reference: order.payment.paymentMethodReference,
        status: order.payment.status,
        provider_reference: order.payment.providerReference,
        created_at: order.placedAt,
      })
      .execute()
  })
}

/** Removes an order written by {@link insertPlacedOrder} (compensation when a later step fails). */
export async function deletePlacedOrder(db: Db, orderId: string): Promise<void> {
  await db.transaction().execute(async (transaction) => {
    await transaction.deleteFrom('payment_transactions').where('order_id', '=', orderId).execute()
    await transaction.deleteFrom('order_items').where('order_id', '=', orderId).execute()
    await transaction.deleteFrom('orders').where('id', '=', orderId).execute()
  })
}

/** A checkout record by key. */
export interface CheckoutRecord {
  readonly key: string
  readonly cartId: string
  readonly status: 'in-progress' | 'awaiting-action' | 'succeeded' | 'failed'
  readonly orderId: string | null
  readonly outcome: string | null
}

/** Claims a checkout key; false when it already exists (a retried or concurrent request). */
export async function claimCheckoutKey(
  db: Db,
  key: string,
  cartId: string,
  now: string,
): Promise<boolean> {
  try {
    await db
      .insertInto('checkouts')
      .values({
        key,
        cart_id: cartId,
        status: 'in-progress',
        order_id: null,
        outcome: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    return true
  } catch (error) {
    if ((await findCheckout(db, key)) !== undefined) return false
    throw error
  }
}

/** The checkout record of a key, if any. */
export async function findCheckout(db: Db, key: string): Promise<CheckoutRecord | undefined> {
  const row = await db.selectFrom('checkouts').selectAll().where('key', '=', key).executeTakeFirst()
  if (row === undefined) return undefined
  return {
    key: row.key,
    cartId: row.cart_id,
    status: row.status as CheckoutRecord['status'],
    orderId: row.order_id,
    outcome: row.outcome,
  }
}

/** Records how a checkout ended (or that it waits for the shopper). */
export async function finishCheckout(
  db: Db,
  key: string,
  update: {
    status: CheckoutRecord['status']
    orderId: string | null
    outcome: unknown
    now: string
  },
): Promise<void> {
  await db
    .updateTable('checkouts')
    .set({
      status: update.status,
      order_id: update.orderId,
      outcome: JSON.stringify(update.outcome),
      updated_at: update.now,
    })
    .where('key', '=', key)
    .execute()
}

/** Frees a key whose attempt failed before anything happened, so the shopper can retry with it. */
export async function releaseCheckoutKey(db: Db, key: string): Promise<void> {
  await db
    .deleteFrom('checkouts')
    .where('key', '=', key)
    .where('status', '=', 'in-progress')
    .execute()
}

/** A customer as checkout needs it. */
export interface CheckoutCustomer {
  readonly id: string
  readonly firstName: string
  readonly phone: string | null
  readonly email: string | null
  readonly locale: string
  readonly loyaltyPoints: number
  readonly loyaltyTier: string
}

/** A customer by id; `undefined` when unknown or erased. */
export async function findCustomer(
  db: Db,
  customerId: string,
): Promise<CheckoutCustomer | undefined> {
  const row = await db
    .selectFrom('customers')
    .select(['id', 'first_name', 'phone', 'email', 'locale', 'loyalty_points', 'loyalty_tier'])
    .where('id', '=', customerId)
    .where('erased_at', 'is', null)
    .executeTakeFirst()
  return row === undefined
    ? undefined
    : {
        id: row.id,
        firstName: row.first_name,
        phone: row.phone,
        email: row.email,
        locale: row.locale,
        loyaltyPoints: Number(row.loyalty_points),
        loyaltyTier: row.loyalty_tier,
      }
}

/** The customer with this e-mail, or a new guest customer (orders always belong to a customer). */
export async function findOrCreateGuestCustomer(
  db: Db,
  createId: IdGenerator,
  guest: { email: string; firstName: string; lastName: string; locale: string; now: string },
): Promise<CheckoutCustomer> {
  const email = guest.email.toLowerCase()
  const existing = await db
    .selectFrom('customers')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst()
  if (existing !== undefined) {
    const customer = await findCustomer(db, existing.id)
    if (customer !== undefined) return customer
  }
  const id = createId('cus')
  try {
    await db
      .insertInto('customers')
      .values({
        id,
        handle: null,
        first_name: guest.firstName,
        last_name: guest.lastName,
        email,
        phone: null,
        locale: guest.locale,
        marketing_consent: 0,
        loyalty_points: 0,
        loyalty_tier: 'silver',
        created_at: guest.now,
        updated_at: guest.now,
        erased_at: null,
      })
      .execute()
  } catch (error) {
    // Two guest checkouts with one e-mail at once: the other one created the customer.
    const raced = await db
      .selectFrom('customers')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    if (raced === undefined) throw error
    const customer = await findCustomer(db, raced.id)
    if (customer !== undefined) return customer
    throw error
  }
  return {
    id,
    firstName: guest.firstName,
    phone: null,
    email,
    locale: guest.locale,
    loyaltyPoints: 0,
    loyaltyTier: 'silver',
  }
}

/** The customer's default (or first) saved address. */
export async function findSavedAddress(
  db: Db,
  customerId: string,
  addressId: string | undefined,
): Promise<CheckoutAddress | undefined> {
  const row = await db
    .selectFrom('customer_addresses')
    .select(['line1', 'line2', 'city', 'state', 'postcode', 'country'])
    .where('customer_id', '=', customerId)
    .$if(addressId !== undefined, (query) => query.where('id', '=', addressId ?? ''))
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .executeTakeFirst()
  return row
}

/** Takes points from a customer only when they have enough (atomic); false otherwise. */
export async function spendLoyaltyPoints(
  db: Db,
  customerId: string,
  points: number,
  now: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('customers')
    .set({ loyalty_points: sql<number>`loyalty_points - ${points}`, updated_at: now })
    .where('id', '=', customerId)
    .where('loyalty_points', '>=', points)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

/** How many orders a customer placed (first-order promotions read it). */
export async function countCustomerOrders(db: Db, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((expression) => expression.fn.countAll<number>().as('count'))
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}
