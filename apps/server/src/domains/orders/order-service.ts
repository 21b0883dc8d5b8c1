import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { FulfillmentProvider } from './fulfillment-provider.ts'
import type { FindProductVariant } from './modify-pending-order-items.ts'
import type { OrderChange } from './order-change.ts'
import { canTransitionOrder, type OrderStatus } from './order-status.ts'
import type {
  ChargeAttemptResult,
  Fulfillment,
  Order,
  ProviderCharge,
  ProviderRefund,
  RefundAttemptResult,
} from './order.ts'
import type { ChargeEventType, RefundEventType } from './order-events.ts'
import { createProductLookup, type ProductLookup } from './product-lookup.ts'
import {
  createSqlOrderRepository,
  type NewOrder,
  type OrderFilter,
} from './sql-order-repository.ts'
import { buildTrackingView, type TrackingView } from './tracking-view.ts'

/** What the order service is built from. */
export interface OrderServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: Pick<EventBus, 'publish'>
  readonly createId: IdGenerator
  /** The carrier; without one, shipments get no tracking link and tracking is not refreshed. */
  readonly fulfillmentProvider?: FulfillmentProvider | undefined
}

/**
 * Why a lifecycle step was refused. `settled-by-order-operations`: receiving returned items and
 * refunding a return move money and returns, so only the order operations take those steps.
 */
export type AdvanceRefusal =
  'order-not-found' | 'invalid-transition' | 'settled-by-order-operations'

/** The steps that refund or touch returns: taken by the order operations, never by `advanceOrder`. */
const settlementSteps: readonly OrderStatus[] = ['return-received', 'refunded']

/** Orders after purchase: reading, searching, storing decided changes, lifecycle and tracking. */
export interface OrderService {
  getOrderByNumber(number: string): Promise<Order | undefined>
  getOrder(id: string): Promise<Order | undefined>
  listOrders(filter: OrderFilter): Promise<Order[]>
  listCustomerOrders(customerId: string): Promise<Order[]>
  /** Orders by number, or by the customer's e-mail or phone. */
  searchOrders(query: { number?: string; email?: string; phone?: string }): Promise<Order[]>
  /** Variants of the order's products, for item modifications and exchanges. */
  loadVariantFinder(order: Order): Promise<FindProductVariant>
  /**
   * Stores a change decided by one of the order operations and publishes its event; throws
   * `AppError('conflict')` when the order changed since it was read.
   */
  applyChange(before: Order, change: OrderChange): Promise<Order>
  /** Stores a placed order (checkout) and publishes `order.placed`. */
  createOrder(order: NewOrder): Promise<Order>
  /**
   * Moves an order one step along its lifecycle (processed, shipped, delivered). Receiving returned
   * items and refunding are refused (`settled-by-order-operations`): they record refunds.
   */
  advanceOrder(number: string, to: OrderStatus): Promise<Result<Order, AdvanceRefusal>>
  /** Asks the carrier for news of each shipment and records it; delivers the order when all arrived. */
  refreshTracking(number: string): Promise<Result<Order, 'order-not-found'>>
  /** Status, items, shipments, tracking link, latest scan and delivery estimate. */
  trackOrder(number: string): Promise<TrackingView | undefined>
  /**
   * Pending refunds due to be sent to the payment provider (of one order, or all), oldest first:
   * refunds to the order's first payment when it went through a provider, never tried or due again.
   */
  listProviderRefunds(filter?: {
    orderId?: string | undefined
    limit?: number | undefined
  }): Promise<ProviderRefund[]>
  /**
   * Records what sending a pending refund came to: `succeeded` and `failed` settle it and publish
   * `refund.succeeded` / `refund.failed`; `accepted` waits for the provider's news; `deferred` keeps it
   * pending until `nextAttemptAt`. Returns false (and publishes nothing) when it was no longer pending.
   */
  recordRefundAttempt(refund: ProviderRefund, result: RefundAttemptResult): Promise<boolean>
  /** Price differences to charge to saved cards through the payment provider that are due now. */
  listProviderCharges(filter?: {
    orderId?: string | undefined
    limit?: number | undefined
  }): Promise<ProviderCharge[]>
  /**
   * Records what charging a price difference came to: `succeeded` and `failed` settle it and publish
   * `charge.succeeded` / `charge.failed`; `deferred` keeps it pending until `nextAttemptAt`. Returns
   * false (and publishes nothing) when it was no longer pending.
   */
  recordChargeAttempt(charge: ProviderCharge, result: ChargeAttemptResult): Promise<boolean>
  readonly products: ProductLookup
}

/** Creates the {@link OrderService}. */
export function createOrderService(dependencies: OrderServiceDependencies): OrderService {
  const repository = createSqlOrderRepository(dependencies.db)
  const now = () => dependencies.clock.now().toISOString()
  const provider = dependencies.fulfillmentProvider

  async function getOrderByNumber(number: string): Promise<Order | undefined> {
    return (await repository.listOrders({ numbers: [number] }))[0]
  }
  async function getOrder(id: string): Promise<Order | undefined> {
    return (await repository.listOrders({ ids: [id] }))[0]
  }
  /** Publishes how a refund or a charge sent to the payment provider ended. */
  async function publishSettled(
    type: RefundEventType | ChargeEventType,
    subject: ProviderRefund | ProviderCharge,
    result:
      | { readonly kind: 'succeeded'; readonly providerReference: string | null }
      | { readonly kind: 'failed'; readonly reason: string },
  ): Promise<void> {
    await dependencies.eventBus.publish({
      type,
      aggregateId: subject.orderId,
      payload: {
        orderNumber: subject.orderNumber,
        transactionId: subject.transactionId,
        amount: subject.amount,
        currency: subject.currency,
        paymentMethodReference: subject.paymentMethodReference,
        ...(result.kind === 'succeeded'
          ? { providerReference: result.providerReference }
          : { reason: result.reason }),
      },
    })
  }
  async function publish(
    order: Order,
    type: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await dependencies.eventBus.publish({ type, aggregateId: order.id, payload })
  }

  return {
    getOrderByNumber,
    getOrder,
    listOrders: (filter) => repository.listOrders(filter),
    listCustomerOrders: (customerId) => repository.listOrders({ customerIds: [customerId] }),
    async searchOrders(query) {
      if (query.number !== undefined) {
        const number = query.number.trim()
        const candidates = number.startsWith('#') ? [number] : [number, `#${number}`]
        return repository.listOrders({ numbers: candidates })
      }
      if (query.email === undefined && query.phone === undefined) return []
      return repository.listOrdersByContact({
        ...(query.email === undefined ? {} : { email: query.email }),
        ...(query.phone === undefined ? {} : { phone: query.phone }),
      })
    },
    async loadVariantFinder(order) {
      const variants = await repository.listVariantsOfProducts([
        ...new Set(order.items.map((item) => item.productId)),
      ])
      const byKey = new Map(
        variants.map((variant) => [`${variant.productId}\u0000${variant.sku}`, variant]),
      )
      return (productId, sku) => byKey.get(`${productId}\u0000${sku}`)
    },
    async applyChange(before, change) {
      await repository.applyChange(before, change, now(), dependencies.createId)
      const after = (await getOrder(before.id)) ?? change.order
      await publish(after, change.event.type, change.event.payload)
      return after
    },
    async createOrder(order) {
      const id = await repository.insertOrder(order, now(), dependencies.createId)
      const created = await getOrder(id)
      if (created === undefined) throw new Error(`order ${id} vanished after insert`)
      await publish(created, 'order.placed', {
        orderNumber: created.number,
        totalAmount: created.totalAmount,
        currency: created.currency,
      })
      return created
    },
    async advanceOrder(number, to) {
      const order = await getOrderByNumber(number)
      if (order === undefined) return fail('order-not-found')
      if (!canTransitionOrder(order.status, to)) return fail('invalid-transition')
      if (settlementSteps.includes(to)) return fail('settled-by-order-operations')
      const at = now()
      if (to === 'shipped' && order.fulfillments.length === 0) {
        const trackingNumber =
          provider === undefined
            ? null
            : (await provider.createShipment(order, dependencies.clock.now())).trackingNumber
        const fulfillment: Fulfillment = {
          id: dependencies.createId('ful'),
          carrier: provider?.carrier ?? null,
          trackingNumbers: trackingNumber === null ? [] : [trackingNumber],
          itemSkus: order.items.map((item) => item.sku),
          status: 'in-transit',
          events: [{ at, status: 'picked-up', description: 'Picked up by the carrier' }],
          shippedAt: at,
          deliveredAt: null,
        }
        await repository.upsertFulfillment(order.id, fulfillment, at)
      }
      if (to === 'delivered') {
        for (const fulfillment of order.fulfillments) {
          if (fulfillment.deliveredAt !== null) continue
          await repository.upsertFulfillment(
            order.id,
            {
              ...fulfillment,
              status: 'delivered',
              deliveredAt: at,
              events: [
                ...fulfillment.events,
                { at, status: 'delivered', description: 'Delivered' },
              ],
            },
            at,
          )
        }
      }
      await repository.updateStatus(order.id, to, at)
      const after = (await getOrder(order.id)) ?? order
      await publish(after, `order.${to}`, { orderNumber: order.number, from: order.status, to })
      return succeed(after)
    },
    async refreshTracking(number) {
      const order = await getOrderByNumber(number)
      if (order === undefined) return fail('order-not-found')
      if (provider === undefined) return succeed(order)
      const at = now()
      let allDelivered = order.fulfillments.length > 0
      for (const fulfillment of order.fulfillments) {
        const trackingNumber = fulfillment.trackingNumbers[0]
        const news =
          trackingNumber === undefined
            ? undefined
            : await provider.fetchTracking(trackingNumber, dependencies.clock.now())
        if (news === undefined) {
          allDelivered &&= fulfillment.deliveredAt !== null
          continue
        }
        allDelivered &&= news.deliveredAt !== null
        await repository.upsertFulfillment(
          order.id,
          {
            ...fulfillment,
            status: news.status,
            events: news.events,
            deliveredAt: news.deliveredAt,
          },
          at,
        )
      }
      if (allDelivered && order.status === 'shipped') {
        await repository.updateStatus(order.id, 'delivered', at)
        await publish(order, 'order.delivered', {
          orderNumber: order.number,
          from: order.status,
          to: 'delivered',
        })
      }
      return succeed((await getOrder(order.id)) ?? order)
    },
    async trackOrder(number) {
      const order = await getOrderByNumber(number)
      return order === undefined ? undefined : buildTrackingView(order, provider)
    },
    listProviderRefunds: (filter = {}) =>
      repository.listProviderRefunds({
        orderId: filter.orderId,
        dueAt: now(),
        limit: filter.limit ?? 100,
      }),
    async recordRefundAttempt(refund, result) {
      const recorded = await repository.recordRefundAttempt(refund.transactionId, result)
      if (!recorded || (result.kind !== 'succeeded' && result.kind !== 'failed')) return recorded
      await publishSettled(
        result.kind === 'succeeded' ? 'refund.succeeded' : 'refund.failed',
        refund,
        result,
      )
      return true
    },
    listProviderCharges: (filter = {}) =>
      repository.listProviderCharges({
        orderId: filter.orderId,
        dueAt: now(),
        limit: filter.limit ?? 100,
      }),
    async recordChargeAttempt(charge, result) {
      const recorded = await repository.recordChargeAttempt(charge.transactionId, result)
      if (!recorded || result.kind === 'deferred') return recorded
      await publishSettled(
        result.kind === 'succeeded' ? 'charge.succeeded' : 'charge.failed',
        charge,
        result,
      )
      return true
    },
    products: createProductLookup(dependencies.db),
  }
}
