import type { Money } from '../../shared/money.ts'
import type { PaymentStatus } from './payment-provider.ts'

/** Domain events the payments domain publishes; the checkout and orders side react to them. */
export const paymentEventTypes = [
  'payment.authorized',
  'payment.captured',
  'payment.failed',
  'payment.refunded',
  'payment.canceled',
] as const

/** One of {@link paymentEventTypes}. */
export type PaymentEventType = (typeof paymentEventTypes)[number]

/** A change of a payment's status, given to `onPaymentStatusChanged` listeners and published. */
export interface PaymentStatusChange {
  readonly type: PaymentEventType
  readonly paymentId: string
  readonly checkoutReference: string
  readonly orderId: string | null
  readonly previousStatus: PaymentStatus
  readonly status: PaymentStatus
  readonly amount: Money
  /** Set on `payment.failed`. */
  readonly failureReason: string | null
  /** What caused the change: a direct call or a provider webhook (with its event id). */
  readonly source:
    { readonly kind: 'call' } | { readonly kind: 'webhook'; readonly eventId: string }
}

/** The event type that announces a move to `status`, or `undefined` when none does. */
export function mapStatusToEventType(status: PaymentStatus): PaymentEventType | undefined {
  switch (status) {
    case 'authorized':
      return 'payment.authorized'
    case 'captured':
      return 'payment.captured'
    case 'declined':
    case 'failed':
      return 'payment.failed'
    case 'refunded':
    case 'partially-refunded':
      return 'payment.refunded'
    case 'canceled':
      return 'payment.canceled'
    default:
      return undefined
  }
}

/**
 * A change of one refund's status (the provider refunded it, or it failed), given to
 * `onRefundStatusChanged` listeners after the change is committed.
 */
export interface RefundStatusChange {
  readonly refundId: string
  readonly paymentId: string
  readonly orderId: string | null
  /** The reference the refund was requested with (`refundPayment`'s `refundReference`). */
  readonly refundReference: string
  readonly previousStatus: string
  readonly status: 'pending' | 'refunded' | 'failed'
  readonly amount: Money
  readonly providerReference: string | null
  readonly failureReason: string | null
  readonly source:
    { readonly kind: 'call' } | { readonly kind: 'webhook'; readonly eventId: string }
}
