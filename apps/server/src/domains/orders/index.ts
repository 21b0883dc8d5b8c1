export {
  cancelPendingOrder,
  cancellationReasons,
  type CancellationReason,
  type CancelRefusal,
} from './cancel-pending-order.ts'
export type { FulfillmentProvider, ShipmentStatus } from './fulfillment-provider.ts'
export { modifyPendingOrderAddress } from './modify-pending-order-address.ts'
export {
  modifyPendingOrderItems,
  type FindProductVariant,
  type ModifyItemsRefusal,
} from './modify-pending-order-items.ts'
export {
  modifyPendingOrderPayment,
  type ModifyPaymentRefusal,
} from './modify-pending-order-payment.ts'
export {
  hasEnoughItems,
  orderLoyaltyPoints,
  sortSkus,
  type NewPaymentTransaction,
  type OrderChange,
} from './order-change.ts'
export {
  chargeEventTypes,
  orderEventTypes,
  refundEventTypes,
  type ChargeEventType,
  type OrderEventType,
  type RefundEventType,
} from './order-events.ts'
export { originalPaymentMethodOf, resolveOrderPaymentMethod } from './original-payment-method.ts'
export { netPaidByPaymentMethod, refundableAmount } from './net-paid.ts'
export {
  openExchangeRequest,
  openReturnRequest,
  receiveReturnedItems,
  refundReturnedItems,
  returnedItemsAmount,
  returnedItemsLoyaltyPoints,
  type ReturnSettlementRefusal,
} from './refund-return.ts'
export {
  createOrderService,
  type AdvanceRefusal,
  type OrderService,
  type OrderServiceDependencies,
} from './order-service.ts'
export {
  canTransitionOrder,
  isOrderStatus,
  orderStatuses,
  orderStatusTransitions,
  type OrderStatus,
} from './order-status.ts'
export {
  paymentTransactionKinds,
  type ExchangeRequest,
  type Fulfillment,
  type GiftCardAdjustment,
  type ItemsModification,
  type Order,
  type OrderAddress,
  type OrderDetails,
  type OrderItem,
  type OrderableVariant,
  type PaymentMethodInfo,
  type PaymentTransaction,
  type PaymentTransactionKind,
  type ChargeAttemptResult,
  type ProviderCharge,
  type ProviderRefund,
  type RefundAttemptResult,
  type ReturnRequest,
  type TrackingEvent,
} from './order.ts'
export type { OrderableProduct, ProductLookup } from './product-lookup.ts'
export { requestExchange, type ExchangeRefusal } from './request-exchange.ts'
export { requestReturn, type ReturnRefusal } from './request-return.ts'
export type { NewOrder, OrderFilter } from './sql-order-repository.ts'
export { buildTrackingView, deliveryDaysByStatus, type TrackingView } from './tracking-view.ts'
