import {
  createCustomerService,
  isGiftCard,
  type CustomerAddress,
  type CustomerProfile,
  type CustomerService,
  type SavedPaymentMethod,
} from '../../domains/customers/index.ts'
import {
  cancelPendingOrder,
  createOrderService,
  modifyPendingOrderAddress,
  modifyPendingOrderItems,
  modifyPendingOrderPayment,
  openExchangeRequest,
  openReturnRequest,
  receiveReturnedItems,
  refundReturnedItems,
  requestExchange,
  requestReturn,
  resolveOrderPaymentMethod,
  type AdvanceRefusal,
  type FulfillmentProvider,
  type ExchangeRefusal,
  type ModifyItemsRefusal,
  type ModifyPaymentRefusal,
  type Order,
  type OrderAddress,
  type OrderChange,
  type OrderService,
  type OrderStatus,
  type PaymentMethodInfo,
  type ReturnRefusal,
  type ReturnSettlementRefusal,
} from '../../domains/orders/index.ts'
import { advanceReturnsOfOrder } from '../../domains/returns/index.ts'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { runInTransaction } from './run-in-transaction.ts'

/** What the order operations are built from. */
export interface OrderOperationsDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: Pick<EventBus, 'publish'>
  readonly createId: IdGenerator
  readonly fulfillmentProvider?: FulfillmentProvider | undefined
  /**
   * What the store charges for its prepaid return label on a return of `order` (minor units of the
   * order's currency), taken from the refund; none when absent.
   */
  readonly returnLabelFee?: ((order: Order) => number) | undefined
  /** The loyalty tier of a balance, applied when a cancellation or refund moves points. */
  readonly loyaltyTierOf?: ((balance: number) => string) | undefined
}

/**
 * Whose orders a caller may touch: a staff agent (any customer, the agent applies the policy) or one
 * shopper (only their own orders; any other order is "not found", so nothing is disclosed).
 */
export type OrderAccess =
  { readonly kind: 'staff' } | { readonly kind: 'customer'; readonly customerId: string }

/** Refusals common to every order operation. */
export type OrderLookupRefusal = 'order-not-found' | 'customer-not-found'

/** The outcome of an order operation: the order after the change, or why it was refused. */
export type OrderOperationResult<R extends string> = Result<
  Order,
  R | OrderLookupRefusal,
  { sku?: string }
>

/**
 * The post-purchase operations that cross orders and customers (payment methods, gift-card balances),
 * each in one transaction, with the retail policy's rules. Events are published after commit.
 */
export interface OrderOperations {
  cancelOrder(
    access: OrderAccess,
    number: string,
    reason: string,
  ): Promise<OrderOperationResult<'not-pending' | 'invalid-reason' | 'payment-method-not-found'>>
  changeOrderAddress(
    access: OrderAccess,
    number: string,
    address: OrderAddress,
  ): Promise<OrderOperationResult<'not-pending'>>
  modifyOrderItems(
    access: OrderAccess,
    number: string,
    skus: readonly string[],
    newSkus: readonly string[],
    paymentMethodReference: string,
  ): Promise<OrderOperationResult<ModifyItemsRefusal>>
  changeOrderPayment(
    access: OrderAccess,
    number: string,
    paymentMethodReference: string,
  ): Promise<OrderOperationResult<ModifyPaymentRefusal>>
  returnOrderItems(
    access: OrderAccess,
    number: string,
    skus: readonly string[],
    paymentMethodReference: string,
  ): Promise<OrderOperationResult<ReturnRefusal>>
  exchangeOrderItems(
    access: OrderAccess,
    number: string,
    skus: readonly string[],
    newSkus: readonly string[],
    paymentMethodReference: string,
  ): Promise<OrderOperationResult<ExchangeRefusal>>
  changeDefaultAddress(
    access: OrderAccess,
    customerId: string,
    address: CustomerAddress,
  ): Promise<Result<CustomerProfile, 'customer-not-found'>>
  /**
   * Moves an order one step along its lifecycle. Receiving the items of a return or exchange
   * (`return-received`) and refunding a return (`refunded`) record the refund they owe (the returned
   * items for a return, the difference for a cheaper exchange) in the same transaction as the step,
   * and move the order's returns (RMAs) with it; the settlement then sends the refund to the payment
   * provider. Asking again for the step an order already took changes nothing, so a return is
   * refunded once.
   */
  advanceOrder(
    access: OrderAccess,
    number: string,
    to: OrderStatus,
  ): Promise<OrderOperationResult<AdvanceRefusal | ReturnSettlementRefusal>>
}

function toPaymentMethodInfo(
  method: SavedPaymentMethod | undefined,
): PaymentMethodInfo | undefined {
  if (method === undefined) return undefined
  return {
    id: method.id,
    reference: method.reference,
    isGiftCard: isGiftCard(method),
    balanceAmount: method.balanceAmount,
    isChargeable: method.isChargeable,
  }
}

interface Scope {
  readonly db: Db
  readonly orders: OrderService
  readonly customers: CustomerService
}

/** Creates the {@link OrderOperations}. */
export function createOrderOperations(dependencies: OrderOperationsDependencies): OrderOperations {
  function inScope<T>(work: (scope: Scope) => Promise<T>): Promise<T> {
    return runInTransaction(dependencies.db, dependencies.eventBus, (transaction, publisher) => {
      const shared = {
        db: transaction,
        clock: dependencies.clock,
        eventBus: publisher,
        createId: dependencies.createId,
      }
      return work({
        db: transaction,
        orders: createOrderService({
          ...shared,
          fulfillmentProvider: dependencies.fulfillmentProvider,
        }),
        customers: createCustomerService(shared),
      })
    })
  }

  async function loadOrder(
    scope: Scope,
    access: OrderAccess,
    number: string,
  ): Promise<Order | undefined> {
    const order = await scope.orders.getOrderByNumber(number)
    if (order === undefined) return undefined
    if (access.kind === 'customer' && order.customerId !== access.customerId) return undefined
    return order
  }

  async function finish<R extends string>(
    scope: Scope,
    order: Order,
    decided: Result<OrderChange, R, { sku?: string }>,
  ): Promise<OrderOperationResult<R>> {
    if (!decided.ok) return decided
    for (const adjustment of decided.value.giftCardAdjustments) {
      const adjusted = await scope.customers.adjustGiftCardBalance(
        adjustment.paymentMethodReference,
        adjustment.amount,
      )
      if (!adjusted.ok)
        throw new Error(
          `gift card ${adjustment.paymentMethodReference} could not be adjusted: ${adjusted.reason}`,
        )
    }
    const points = decided.value.loyaltyPoints ?? 0
    if (points !== 0) {
      // In the same transaction as the order change: both happen or neither.
      const adjusted = await scope.customers.adjustLoyaltyPoints(
        order.customerId,
        points,
        dependencies.loyaltyTierOf,
      )
      if (!adjusted.ok) throw new Error(`customer ${order.customerId} not found for loyalty points`)
    }
    return succeed(await scope.orders.applyChange(order, decided.value))
  }

  async function paymentMethodsOf(
    scope: Scope,
    customerId: string,
  ): Promise<Map<string, PaymentMethodInfo> | undefined> {
    const profile = await scope.customers.getProfile(customerId)
    if (profile === undefined) return undefined
    const map = new Map<string, PaymentMethodInfo>()
    for (const method of profile.paymentMethods) {
      const info = toPaymentMethodInfo(method)
      if (info !== undefined) map.set(method.reference, info)
    }
    return map
  }

  /** The method money of `order` moves through: a saved method, or the order's own first payment. */
  async function orderPaymentMethod(
    scope: Scope,
    order: Order,
    reference: string,
  ): Promise<PaymentMethodInfo | undefined> {
    return resolveOrderPaymentMethod(
      order,
      reference,
      toPaymentMethodInfo(await scope.customers.getPaymentMethod(order.customerId, reference)),
    )
  }

  /** Receives returned items or refunds a return, with its refund and its RMAs, in one transaction. */
  function settleReturnStep(
    access: OrderAccess,
    number: string,
    to: 'return-received' | 'refunded',
  ) {
    return inScope(
      async (scope): Promise<OrderOperationResult<AdvanceRefusal | ReturnSettlementRefusal>> => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        // Already taken (a repeated request, a retry): nothing more is refunded.
        if (order.status === to) return succeed(order)
        const request =
          to === 'refunded'
            ? openReturnRequest(order)
            : order.status === 'exchange-requested'
              ? openExchangeRequest(order)
              : undefined
        const method =
          request === undefined
            ? undefined
            : await orderPaymentMethod(scope, order, request.paymentMethodReference)
        const decided =
          to === 'refunded'
            ? refundReturnedItems(order, method, dependencies.returnLabelFee?.(order) ?? 0)
            : receiveReturnedItems(order, method)
        const result = await finish(scope, order, decided)
        if (result.ok) {
          await advanceReturnsOfOrder(scope.db, {
            orderId: order.id,
            to: to === 'refunded' ? 'refunded' : 'received',
            at: dependencies.clock.now().toISOString(),
          })
        }
        return result
      },
    )
  }

  return {
    cancelOrder: (access, number, reason) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        if (order.status !== 'pending' || order.itemsModified) return fail('not-pending', {})
        if (!['no longer needed', 'ordered by mistake'].includes(reason))
          return fail('invalid-reason', {})
        const methods = await paymentMethodsOf(scope, order.customerId)
        if (methods === undefined) return fail('customer-not-found', {})
        return finish(scope, order, cancelPendingOrder(order, reason, methods))
      }),
    changeOrderAddress: (access, number, address) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        return finish(scope, order, modifyPendingOrderAddress(order, address))
      }),
    modifyOrderItems: (access, number, skus, newSkus, reference) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        const findVariant = await scope.orders.loadVariantFinder(order)
        const method = toPaymentMethodInfo(
          await scope.customers.getPaymentMethod(order.customerId, reference),
        )
        if (
          method === undefined &&
          (await scope.customers.getCustomer(order.customerId)) === undefined
        ) {
          return fail('customer-not-found', {})
        }
        return finish(
          scope,
          order,
          modifyPendingOrderItems(order, skus, newSkus, findVariant, method),
        )
      }),
    changeOrderPayment: (access, number, reference) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        const method = toPaymentMethodInfo(
          await scope.customers.getPaymentMethod(order.customerId, reference),
        )
        const originalReference = order.payments[0]?.paymentMethodReference
        const original =
          originalReference === undefined
            ? undefined
            : toPaymentMethodInfo(
                await scope.customers.getPaymentMethod(order.customerId, originalReference),
              )
        return finish(scope, order, modifyPendingOrderPayment(order, method, original))
      }),
    returnOrderItems: (access, number, skus, reference) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        if (order.status !== 'delivered') return fail('not-delivered', {})
        if ((await scope.customers.getCustomer(order.customerId)) === undefined)
          return fail('customer-not-found', {})
        // A card typed at checkout was never saved: the refund goes back through the order's payment.
        const method = await orderPaymentMethod(scope, order, reference)
        return finish(scope, order, requestReturn(order, skus, method))
      }),
    exchangeOrderItems: (access, number, skus, newSkus, reference) =>
      inScope(async (scope) => {
        const order = await loadOrder(scope, access, number)
        if (order === undefined) return fail('order-not-found', {})
        const findVariant = await scope.orders.loadVariantFinder(order)
        const method = await orderPaymentMethod(scope, order, reference)
        return finish(scope, order, requestExchange(order, skus, newSkus, findVariant, method))
      }),
    async advanceOrder(access, number, to) {
      if (to === 'return-received' || to === 'refunded') return settleReturnStep(access, number, to)
      const orders = createOrderService(dependencies)
      if (access.kind === 'customer') {
        const order = await orders.getOrderByNumber(number)
        if (order === undefined || order.customerId !== access.customerId)
          return fail('order-not-found', {})
      }
      const advanced = await orders.advanceOrder(number, to)
      return advanced.ok ? advanced : fail(advanced.reason, {})
    },
    changeDefaultAddress: (access, customerId, address) =>
      inScope(async (scope) => {
        if (access.kind === 'customer' && access.customerId !== customerId)
          return fail('customer-not-found')
        return scope.customers.changeDefaultAddress(customerId, address)
      }),
  }
}
