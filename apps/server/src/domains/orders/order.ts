import type { OrderStatus } from './order-status.ts'

/** A postal address an order ships to. */
export interface OrderAddress {
  readonly line1: string
  readonly line2: string
  readonly city: string
  readonly state: string
  readonly postcode: string
  readonly country: string
}

/** One line of an order (one unit of a variant per line for imported orders). */
export interface OrderItem {
  readonly id: string
  readonly position: number
  readonly productId: string
  readonly variantId: string
  readonly sku: string
  readonly name: string
  readonly options: Readonly<Record<string, string>>
  /** Unit price in minor units. */
  readonly unitPriceAmount: number
  readonly quantity: number
}

/** One carrier scan of a shipment. */
export interface TrackingEvent {
  readonly at: string
  /** `label-created`, `picked-up`, `in-transit`, `out-for-delivery`, `delivered`… */
  readonly status: string
  readonly description: string
  readonly location?: string | undefined
}

/** A shipment of some items of an order. */
export interface Fulfillment {
  readonly id: string
  readonly carrier: string | null
  readonly trackingNumbers: readonly string[]
  readonly itemSkus: readonly string[]
  readonly status: string
  readonly events: readonly TrackingEvent[]
  readonly shippedAt: string | null
  readonly deliveredAt: string | null
}

/** The kinds of money movement in an order's payment history. */
export const paymentTransactionKinds = ['payment', 'refund'] as const

/** One of {@link paymentTransactionKinds}. */
export type PaymentTransactionKind = (typeof paymentTransactionKinds)[number]

/** One entry of an order's payment history, in order. */
export interface PaymentTransaction {
  readonly id: string
  readonly position: number
  readonly kind: PaymentTransactionKind
  /** Minor units, never negative; `kind` says the direction. */
  readonly amount: number
  readonly currency: string
  readonly paymentMethodId: string | null
  readonly paymentMethodReference: string
  /**
   * `succeeded`; or `pending` until the payment provider settles it (a refund, or a price difference
   * charged to a saved card), then `succeeded` or `failed`.
   */
  readonly status: string
  /** Why a refund failed (`refund-failed`, `not-refundable`…); null otherwise. */
  readonly failureReason: string | null
  readonly createdAt: string
}

/**
 * A pending refund of an order whose original payment went through a payment provider (it has a
 * provider reference), due to be sent to that provider. τ²'s imported refunds never are.
 */
export interface ProviderRefund {
  /** The refund's id in the payment history (`pay_…`); the provider's idempotency key comes from it. */
  readonly transactionId: string
  readonly orderId: string
  readonly orderNumber: string
  readonly amount: number
  readonly currency: string
  readonly paymentMethodReference: string
  /** How many times it was sent before without an answer. */
  readonly attemptCount: number
}

/** A price difference owed on an order, to charge to the customer's saved card. */
export interface ProviderCharge {
  /** The payment's id in the payment history (`pay_…`); the provider's idempotency key comes from it. */
  readonly transactionId: string
  readonly orderId: string
  readonly orderNumber: string
  readonly customerId: string
  readonly amount: number
  readonly currency: string
  readonly paymentMethodReference: string
  /** How many times it was sent before without an answer. */
  readonly attemptCount: number
}

/** What one attempt to charge a price difference came to (a charge is never left "accepted"). */
export type ChargeAttemptResult = Exclude<RefundAttemptResult, { readonly kind: 'accepted' }>

/** What one attempt to send a refund to the payment provider came to. */
export type RefundAttemptResult =
  /** The provider refunded the money. */
  | { readonly kind: 'succeeded'; readonly providerReference: string | null }
  /** The provider accepted the refund and will report the outcome later (a webhook). */
  | { readonly kind: 'accepted'; readonly providerReference: string | null }
  /** The provider or our payments refused it for good. */
  | { readonly kind: 'failed'; readonly reason: string }
  /** The provider did not answer: stays pending, tried again at `nextAttemptAt`. */
  | { readonly kind: 'deferred'; readonly reason: string; readonly nextAttemptAt: string }

/** What was changed by the one allowed modification of a pending order's items. */
export interface ItemsModification {
  /** Position in the payment history of the price-difference payment or refund. */
  readonly paymentPosition: number
  /** Each changed line in the order the shopper asked for. */
  readonly changes: readonly {
    readonly itemPosition: number
    readonly fromSku: string
    readonly toSku: string
    readonly fromPriceAmount: number
    readonly toPriceAmount: number
  }[]
}

/** An open return request of a delivered order. */
export interface ReturnRequest {
  /** SKUs to return, sorted. */
  readonly items: readonly string[]
  readonly paymentMethodReference: string
}

/** An open exchange request of a delivered order. */
export interface ExchangeRequest {
  /** SKUs sent back, sorted. */
  readonly items: readonly string[]
  /** SKUs wanted instead, sorted. */
  readonly newItems: readonly string[]
  readonly paymentMethodReference: string
  /** New minus old prices in minor units: positive is owed by the shopper. */
  readonly priceDifferenceAmount: number
}

/** Per-order facts kept in `orders.details` (JSON). Imported τ² fields are kept under their names. */
export interface OrderDetails {
  readonly returnRequest?: ReturnRequest | undefined
  readonly exchangeRequest?: ExchangeRequest | undefined
  readonly itemsModification?: ItemsModification | undefined
  readonly [importedField: string]: unknown
}

/** An order with its lines, shipments and payment history. */
export interface Order {
  readonly id: string
  readonly number: string
  readonly customerId: string
  readonly status: OrderStatus
  readonly currency: string
  readonly shippingAddress: OrderAddress
  readonly subtotalAmount: number
  /** Discounts (coupons, promotions) in minor units. */
  readonly discountAmount: number
  readonly shippingAmount: number
  /** Sales tax in minor units: included in the prices or added to them (see the total). */
  readonly taxAmount: number
  readonly totalAmount: number
  /** True once the items were modified (allowed once while pending). */
  readonly itemsModified: boolean
  readonly cancelReason: string | null
  readonly details: OrderDetails
  readonly conversationId: string | null
  readonly placedAt: string
  readonly updatedAt: string
  readonly items: readonly OrderItem[]
  readonly fulfillments: readonly Fulfillment[]
  readonly payments: readonly PaymentTransaction[]
}

/** A sellable variant as order changes need it: its product, price, options and availability. */
export interface OrderableVariant {
  readonly id: string
  readonly productId: string
  readonly sku: string
  readonly options: Readonly<Record<string, string>>
  readonly priceAmount: number
  readonly isAvailable: boolean
}

/**
 * A payment method as order changes need it: one of the customer's saved methods (resolved by the
 * caller from customers), or the order's own payment when it was never saved (a typed card).
 */
export interface PaymentMethodInfo {
  /** The saved method's id; null for an order's own payment that is no saved method. */
  readonly id: string | null
  readonly reference: string
  readonly isGiftCard: boolean
  /** Gift-card balance in minor units; null for other kinds. */
  readonly balanceAmount: number | null
  /**
   * A provider token is on file (a card saved at checkout): a price difference owed on it is charged
   * through the payment provider. Methods without one (imported with a τ² store) are recorded only.
   */
  readonly isChargeable?: boolean
}

/** A change to a gift card's balance that an order change requires (positive adds). */
export interface GiftCardAdjustment {
  readonly paymentMethodReference: string
  readonly amount: number
}
