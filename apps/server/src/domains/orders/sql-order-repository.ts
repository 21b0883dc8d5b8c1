import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/app-error.ts'
import type { OrderChange } from './order-change.ts'
import { isOrderStatus, type OrderStatus } from './order-status.ts'
import type {
  Fulfillment,
  Order,
  OrderAddress,
  OrderDetails,
  OrderItem,
  OrderableVariant,
  PaymentTransaction,
  ChargeAttemptResult,
  ProviderCharge,
  ProviderRefund,
  RefundAttemptResult,
  TrackingEvent,
} from './order.ts'

/** Which orders to load; all given filters must match. */
export interface OrderFilter {
  readonly ids?: readonly string[]
  readonly numbers?: readonly string[]
  readonly customerIds?: readonly string[]
  readonly statuses?: readonly string[]
  /** Only orders last changed at or before this ISO time. */
  readonly updatedBefore?: string | undefined
  /** Only orders placed at or after this ISO time. */
  readonly placedSince?: string | undefined
}

/** A new order as checkout hands it over. */
export interface NewOrder {
  readonly number: string
  readonly customerId: string
  readonly currency: string
  readonly shippingAddress: OrderAddress
  readonly items: readonly Omit<OrderItem, 'id' | 'position'>[]
  readonly shippingAmount: number
  readonly discountAmount: number
  readonly taxAmount: number
  readonly payments: readonly {
    kind: 'payment' | 'refund'
    amount: number
    paymentMethodId: string | null
    paymentMethodReference: string
    providerReference?: string | null
  }[]
  readonly conversationId?: string | null
}

/** Storage of orders with their lines, shipments and payment history. */
export interface OrderRepository {
  listOrders(filter: OrderFilter): Promise<Order[]>
  /** Orders whose customer has this e-mail or phone, newest first. */
  listOrdersByContact(contact: { email?: string; phone?: string }): Promise<Order[]>
  /**
   * Stores a decided change. Throws `AppError('conflict')` (reason `order-changed`) when the order
   * changed since `before` was read, so concurrent requests never overwrite each other.
   */
  applyChange(
    before: Order,
    change: OrderChange,
    now: string,
    createId: (prefix: 'pay') => string,
  ): Promise<void>
  insertOrder(
    order: NewOrder,
    now: string,
    createId: (prefix: 'ord' | 'oli' | 'pay') => string,
  ): Promise<string>
  updateStatus(orderId: string, status: OrderStatus, now: string): Promise<void>
  upsertFulfillment(orderId: string, fulfillment: Fulfillment, now: string): Promise<void>
  listVariantsOfProducts(productIds: readonly string[]): Promise<OrderableVariant[]>
  /**
   * Pending refunds due to be sent to the payment provider: refunds to the method of the order's
   * first payment when that payment has a provider reference, not yet accepted by the provider,
   * never tried or due again by `dueAt`; oldest first.
   */
  listProviderRefunds(filter: {
    orderId?: string | undefined
    dueAt: string
    limit: number
  }): Promise<ProviderRefund[]>
  /**
   * Records one attempt at a pending refund. Returns false when the refund is no longer pending (or
   * is unknown), so an outcome reported twice is recorded once.
   */
  recordRefundAttempt(transactionId: string, result: RefundAttemptResult): Promise<boolean>
  /**
   * Pending price-difference payments to charge to a saved card through the payment provider,
   * never tried or due again by `dueAt`; oldest first.
   */
  listProviderCharges(filter: {
    orderId?: string | undefined
    dueAt: string
    limit: number
  }): Promise<ProviderCharge[]>
  /** Records one attempt at a pending charge; false when it is no longer pending (or unknown). */
  recordChargeAttempt(transactionId: string, result: ChargeAttemptResult): Promise<boolean>
}

const chunkSize = 500

function chunks<T>(values: readonly T[]): T[][] {
  const result: T[][] = []
  for (let start = 0; start < values.length; start += chunkSize)
    result.push(values.slice(start, start + chunkSize))
  return result
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/** Orders over the core tables `orders`, `order_items`, `fulfillments`, `payment_transactions`. */
export function createSqlOrderRepository(db: Db): OrderRepository {
  async function loadOrders(rows: Awaited<ReturnType<typeof selectOrders>>): Promise<Order[]> {
    if (rows.length === 0) return []
    const ids = rows.map((row) => row.id)
    const items: Awaited<ReturnType<typeof selectItems>> = []
    const fulfillments: Awaited<ReturnType<typeof selectFulfillments>> = []
    const payments: Awaited<ReturnType<typeof selectPayments>> = []
    for (const part of chunks(ids)) {
      items.push(...(await selectItems(part)))
      fulfillments.push(...(await selectFulfillments(part)))
      payments.push(...(await selectPayments(part)))
    }
    const group = <T extends { order_id: string }>(list: T[]) => {
      const map = new Map<string, T[]>()
      for (const row of list) map.set(row.order_id, [...(map.get(row.order_id) ?? []), row])
      return map
    }
    const itemsByOrder = group(items)
    const fulfillmentsByOrder = group(fulfillments)
    const paymentsByOrder = group(payments)
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      customerId: row.customer_id,
      status: isOrderStatus(row.status) ? row.status : 'pending',
      currency: row.currency,
      shippingAddress: parseJson<OrderAddress>(row.shipping_address, {
        line1: '',
        line2: '',
        city: '',
        state: '',
        postcode: '',
        country: '',
      }),
      subtotalAmount: Number(row.subtotal_amount),
      discountAmount: Number(row.discount_amount),
      shippingAmount: Number(row.shipping_amount),
      taxAmount: Number(row.tax_amount),
      totalAmount: Number(row.total_amount),
      itemsModified: row.items_modified === 1,
      cancelReason: row.cancel_reason,
      details: parseJson<OrderDetails>(row.details, {}),
      conversationId: row.conversation_id,
      placedAt: row.placed_at,
      updatedAt: row.updated_at,
      items: (itemsByOrder.get(row.id) ?? []).map((item): OrderItem => ({
        id: item.id,
        position: item.position,
        productId: item.product_id,
        variantId: item.variant_id,
        sku: item.sku,
        name: item.name,
        options: parseJson<Record<string, string>>(item.options, {}),
        unitPriceAmount: Number(item.unit_price_amount),
        quantity: item.quantity,
      })),
      fulfillments: (fulfillmentsByOrder.get(row.id) ?? []).map((fulfillment): Fulfillment => ({
        id: fulfillment.id,
        carrier: fulfillment.carrier,
        trackingNumbers: parseJson<string[]>(fulfillment.tracking_numbers, []),
        itemSkus: parseJson<string[]>(fulfillment.item_skus, []),
        status: fulfillment.status,
        events: parseJson<TrackingEvent[]>(fulfillment.events, []),
        shippedAt: fulfillment.shipped_at,
        deliveredAt: fulfillment.delivered_at,
      })),
      payments: (paymentsByOrder.get(row.id) ?? []).map((payment): PaymentTransaction => ({
        id: payment.id,
        position: payment.position,
        kind: payment.kind === 'refund' ? 'refund' : 'payment',
        amount: Number(payment.amount),
        currency: payment.currency,
        paymentMethodId: payment.payment_method_id,
        paymentMethodReference: payment.payment_method_reference,
        status: payment.status,
        failureReason: payment.failure_reason ?? null,
        createdAt: payment.created_at,
      })),
    }))
  }

  function selectOrders(filter: OrderFilter) {
    let query = db.selectFrom('orders').selectAll()
    if (filter.ids !== undefined)
      query = query.where('id', 'in', filter.ids.length === 0 ? [''] : [...filter.ids])
    if (filter.numbers !== undefined)
      query = query.where('number', 'in', filter.numbers.length === 0 ? [''] : [...filter.numbers])
    if (filter.statuses !== undefined) {
      query = query.where(
        'status',
        'in',
        filter.statuses.length === 0 ? [''] : [...filter.statuses],
      )
    }
    if (filter.updatedBefore !== undefined)
      query = query.where('updated_at', '<=', filter.updatedBefore)
    if (filter.placedSince !== undefined) query = query.where('placed_at', '>=', filter.placedSince)
    if (filter.customerIds !== undefined) {
      query = query.where(
        'customer_id',
        'in',
        filter.customerIds.length === 0 ? [''] : [...filter.customerIds],
      )
    }
    return query.orderBy('id').execute()
  }
  function selectItems(orderIds: string[]) {
    return db
      .selectFrom('order_items')
      .selectAll()
      .where('order_id', 'in', orderIds)
      .orderBy('order_id')
      .orderBy('position')
      .execute()
  }
  function selectFulfillments(orderIds: string[]) {
    return db
      .selectFrom('fulfillments')
      .selectAll()
      .where('order_id', 'in', orderIds)
      .orderBy('order_id')
      .orderBy('id')
      .execute()
  }
  function selectPayments(orderIds: string[]) {
    return db
      .selectFrom('payment_transactions')
      .selectAll()
      .where('order_id', 'in', orderIds)
      .orderBy('order_id')
      .orderBy('position')
      .execute()
  }

  return {
    async listOrders(filter) {
      return loadOrders(await selectOrders(filter))
    },
    async listOrdersByContact(contact) {
      let query = db.selectFrom('customers').select('id')
      if (contact.email !== undefined)
        query = query.where('email', '=', contact.email.trim().toLowerCase())
      if (contact.phone !== undefined)
        query = query.where('phone', '=', contact.phone.replace(/[^\d+]/g, ''))
      const customers = await query.execute()
      if (customers.length === 0) return []
      const orders = await loadOrders(
        await selectOrders({ customerIds: customers.map((customer) => customer.id) }),
      )
      return orders.reverse()
    },
    async applyChange(before, change, now, createId) {
      const after = change.order
      const updated = await db
        .updateTable('orders')
        .set({
          status: after.status,
          items_modified: after.itemsModified ? 1 : 0,
          cancel_reason: after.cancelReason,
          shipping_address: JSON.stringify(after.shippingAddress),
          subtotal_amount: after.subtotalAmount,
          total_amount: after.totalAmount,
          details: JSON.stringify(after.details),
          updated_at: now,
        })
        .where('id', '=', before.id)
        .where('status', '=', before.status)
        .where('items_modified', '=', before.itemsModified ? 1 : 0)
        .where('updated_at', '=', before.updatedAt)
        .executeTakeFirst()
      // Another change got there first (decided on a stale read): refuse rather than overwrite it.
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new AppError('conflict', `order ${before.number} changed meanwhile; read it again`, {
          details: { reason: 'order-changed' },
        })
      }
      const paymentCount = await db
        .selectFrom('payment_transactions')
        .select((builder) => builder.fn.countAll().as('count'))
        .where('order_id', '=', before.id)
        .executeTakeFirst()
      if (Number(paymentCount?.count ?? 0) !== before.payments.length) {
        throw new AppError('conflict', `order ${before.number} changed meanwhile; read it again`, {
          details: { reason: 'order-changed' },
        })
      }
      for (const item of change.changedItems) {
        await db
          .updateTable('order_items')
          .set({
            sku: item.sku,
            variant_id: item.variantId,
            options: JSON.stringify(item.options),
            unit_price_amount: item.unitPriceAmount,
          })
          .where('id', '=', item.id)
          .execute()
      }
      if (change.newPayments.length > 0) {
        await db
          .insertInto('payment_transactions')
          .values(
            change.newPayments.map((payment, index) => ({
              id: createId('pay'),
              order_id: before.id,
              position: before.payments.length + index,
              kind: payment.kind,
              amount: payment.amount,
              currency: before.currency,
              payment_method_id: payment.paymentMethodId,
              payment_method_reference: payment.paymentMethodReference,
              // A gift card is credited within the change; other refunds wait for the provider, and
              // so does a price difference charged to a saved card.
              status:
                (payment.kind === 'refund' && payment.settled !== true) ||
                (payment.kind === 'payment' && payment.throughProvider === true)
                  ? 'pending'
                  : 'succeeded',
              provider_reference: null,
              created_at: now,
            })),
          )
          .execute()
      }
    },
    async insertOrder(order, now, createId) {
      const id = createId('ord')
      const subtotal = order.items.reduce(
        (sum, item) => sum + item.unitPriceAmount * item.quantity,
        0,
      )
      await db
        .insertInto('orders')
        .values({
          id,
          number: order.number,
          customer_id: order.customerId,
          status: 'pending',
          currency: order.currency,
          shipping_address: JSON.stringify(order.shippingAddress),
          subtotal_amount: subtotal,
          discount_amount: order.discountAmount,
          shipping_amount: order.shippingAmount,
          tax_amount: order.taxAmount,
          total_amount: subtotal - order.discountAmount + order.shippingAmount + order.taxAmount,
          items_modified: 0,
          cancel_reason: null,
          details: '{}',
          conversation_id: order.conversationId ?? null,
          placed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute()
      if (order.items.length > 0) {
        await db
          .insertInto('order_items')
          .values(
            order.items.map((item, position) => ({
              id: createId('oli'),
              order_id: id,
              position,
              product_id: item.productId,
              variant_id: item.variantId,
              sku: item.sku,
              name: item.name,
              options: JSON.stringify(item.options),
              unit_price_amount: item.unitPriceAmount,
              quantity: item.quantity,
            })),
          )
          .execute()
      }
      if (order.payments.length > 0) {
        await db
          .insertInto('payment_transactions')
          .values(
            order.payments.map((payment, position) => ({
              id: createId('pay'),
              order_id: id,
              position,
              kind: payment.kind,
              amount: payment.amount,
              currency: order.currency,
              payment_method_id: payment.paymentMethodId,
              payment_method_reference: payment.paymentMethodReference,
              status: 'succeeded',
              provider_reference: payment.providerReference ?? null,
              created_at: now,
            })),
          )
          .execute()
      }
      return id
    },
    async updateStatus(orderId, status, now) {
      await db
        .updateTable('orders')
        .set({ status, updated_at: now })
        .where('id', '=', orderId)
        .execute()
    },
    async upsertFulfillment(orderId, fulfillment, now) {
      const values = {
        carrier: fulfillment.carrier,
        tracking_numbers: JSON.stringify(fulfillment.trackingNumbers),
        item_skus: JSON.stringify(fulfillment.itemSkus),
        status: fulfillment.status,
        events: JSON.stringify(fulfillment.events),
        shipped_at: fulfillment.shippedAt,
        delivered_at: fulfillment.deliveredAt,
      }
      const existing = await db
        .selectFrom('fulfillments')
        .select('id')
        .where('id', '=', fulfillment.id)
        .executeTakeFirst()
      if (existing === undefined) {
        await db
          .insertInto('fulfillments')
          .values({ id: fulfillment.id, order_id: orderId, created_at: now, ...values })
          .execute()
      } else {
        await db.updateTable('fulfillments').set(values).where('id', '=', fulfillment.id).execute()
      }
    },
    async listVariantsOfProducts(productIds) {
      if (productIds.length === 0) return []
      const rows = await db
        .selectFrom('product_variants')
        .select(['id', 'product_id', 'sku', 'options', 'price_amount', 'is_available'])
        .where('product_id', 'in', [...productIds])
        .execute()
      return rows.map((row) => ({
        id: row.id,
        productId: row.product_id,
        sku: row.sku,
        options: parseJson<Record<string, string>>(row.options, {}),
        priceAmount: Number(row.price_amount),
        isAvailable: row.is_available === 1,
      }))
    },
    async listProviderRefunds(filter) {
      let query = db
        .selectFrom('payment_transactions as refund')
        .innerJoin('payment_transactions as original', (join) =>
          join
            .onRef('original.order_id', '=', 'refund.order_id')
            .onRef('original.payment_method_reference', '=', 'refund.payment_method_reference'),
        )
        .innerJoin('orders', 'orders.id', 'refund.order_id')
        .select([
          'refund.id',
          'refund.order_id',
          'orders.number',
          'refund.amount',
          'refund.currency',
          'refund.payment_method_reference',
          'refund.attempt_count',
        ])
        .where('refund.kind', '=', 'refund')
        .where('refund.status', '=', 'pending')
        .where('refund.provider_reference', 'is', null)
        .where((builder) =>
          builder.or([
            builder('refund.next_attempt_at', 'is', null),
            builder('refund.next_attempt_at', '<=', filter.dueAt),
          ]),
        )
        .where('original.position', '=', 0)
        .where('original.kind', '=', 'payment')
        .where('original.provider_reference', 'is not', null)
      if (filter.orderId !== undefined) query = query.where('refund.order_id', '=', filter.orderId)
      const rows = await query
        .orderBy('refund.created_at')
        .orderBy('refund.id')
        .limit(filter.limit)
        .execute()
      return rows.map((row) => ({
        transactionId: row.id,
        orderId: row.order_id,
        orderNumber: row.number,
        amount: Number(row.amount),
        currency: row.currency,
        paymentMethodReference: row.payment_method_reference,
        attemptCount: Number(row.attempt_count ?? 0),
      }))
    },
    recordRefundAttempt: (transactionId, result) => recordAttempt('refund', transactionId, result),
    recordChargeAttempt: (transactionId, result) => recordAttempt('payment', transactionId, result),
    async listProviderCharges(filter) {
      let query = db
        .selectFrom('payment_transactions as charge')
        .innerJoin('orders', 'orders.id', 'charge.order_id')
        .select([
          'charge.id',
          'charge.order_id',
          'orders.number',
          'orders.customer_id',
          'charge.amount',
          'charge.currency',
          'charge.payment_method_reference',
          'charge.attempt_count',
        ])
        .where('charge.kind', '=', 'payment')
        .where('charge.status', '=', 'pending')
        .where('charge.provider_reference', 'is', null)
        .where((builder) =>
          builder.or([
            builder('charge.next_attempt_at', 'is', null),
            builder('charge.next_attempt_at', '<=', filter.dueAt),
          ]),
        )
      if (filter.orderId !== undefined) query = query.where('charge.order_id', '=', filter.orderId)
      const rows = await query
        .orderBy('charge.created_at')
        .orderBy('charge.id')
        .limit(filter.limit)
        .execute()
      return rows.map((row) => ({
        transactionId: row.id,
        orderId: row.order_id,
        orderNumber: row.number,
        customerId: row.customer_id,
        amount: Number(row.amount),
        currency: row.currency,
        paymentMethodReference: row.payment_method_reference,
        attemptCount: Number(row.attempt_count ?? 0),
      }))
    },
  }

  /** Records one attempt at a pending refund or charge (see `recordRefundAttempt`). */
  async function recordAttempt(
    kind: 'refund' | 'payment',
    transactionId: string,
    result: RefundAttemptResult,
  ): Promise<boolean> {
    const changes =
      result.kind === 'succeeded'
        ? {
            status: 'succeeded',
            failure_reason: null,
            next_attempt_at: null,
            provider_reference: result.providerReference,
          }
        : result.kind === 'failed'
          ? { status: 'failed', failure_reason: result.reason, next_attempt_at: null }
          : result.kind === 'accepted'
            ? {
                failure_reason: null,
                next_attempt_at: null,
                // A refund the provider accepted waits for its news; it is never sent again.
                provider_reference: result.providerReference ?? 'accepted',
              }
            : { failure_reason: result.reason, next_attempt_at: result.nextAttemptAt }
    const updated = await db
      .updateTable('payment_transactions')
      .set((builder) => ({
        ...changes,
        attempt_count:
          result.kind === 'deferred'
            ? builder('attempt_count', '+', 1)
            : builder.ref('attempt_count'),
      }))
      .where('id', '=', transactionId)
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    return Number(updated.numUpdatedRows) === 1
  }
}
