import type { CustomerService } from '../../domains/customers/index.ts'
import type {
  ChargeAttemptResult,
  OrderService,
  ProviderCharge,
  ProviderRefund,
  RefundAttemptResult,
} from '../../domains/orders/index.ts'
import type { Payment, PaymentsService, RefundStatusChange } from '../../domains/payments/index.ts'
import { isAppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import { money } from '../../shared/money.ts'

/** How long a refund whose provider did not answer waits before the next try. */
export interface RefundRetrySchedule {
  /** Wait after the first unanswered try; doubled after each further one. */
  readonly firstDelayMs: number
  /** The longest wait between tries (refunds are retried until the provider answers). */
  readonly maximumDelayMs: number
}

/** One minute, doubling up to six hours. */
export const defaultRefundRetrySchedule: RefundRetrySchedule = {
  firstDelayMs: 60_000,
  maximumDelayMs: 6 * 3_600_000,
}

/** What one settlement pass did. */
export interface RefundSettlementReport {
  readonly succeeded: number
  readonly failed: number
  /** Accepted by the provider, which reports the outcome later (webhook). */
  readonly accepted: number
  /** The provider did not answer: still pending, tried again later. */
  readonly deferred: number
}

/** What the refund settlement is built from. */
export interface RefundSettlementDependencies {
  readonly orders: Pick<
    OrderService,
    | 'getOrder'
    | 'listProviderRefunds'
    | 'recordRefundAttempt'
    | 'listProviderCharges'
    | 'recordChargeAttempt'
  >
  readonly payments: Pick<
    PaymentsService,
    | 'refundPayment'
    | 'getRefund'
    | 'listPaymentsOfOrder'
    | 'onRefundStatusChanged'
    | 'startPayment'
    | 'capturePayment'
    | 'cancelPayment'
  >
  /** Where the saved card a price difference is charged to is found. */
  readonly customers: Pick<CustomerService, 'findChargeToken'>
  readonly clock: Clock
  readonly schedule?: RefundRetrySchedule | undefined
  /** Told about an unexpected error while sending one refund (it stays pending and is retried). */
  readonly onError?: ((error: unknown, refund: ProviderRefund) => void) | undefined
  /** Told about an unexpected error while charging a price difference (retried like a refund). */
  readonly onChargeError?: ((error: unknown, charge: ProviderCharge) => void) | undefined
}

/**
 * Sends the pending refunds of orders paid through a payment provider (sandbox card, Stripe,
 * PayPal) to that provider and records the outcome on the order's refund; charges the price
 * differences owed on saved cards (a dearer exchange or item change) the same way.
 */
export interface RefundSettlement {
  /** Sends one order's pending refunds and charges that are due (right after an order change). */
  settleOrder(orderId: string): Promise<RefundSettlementReport>
  /** Sends every pending refund and charge that is due: never tried, or due again (the job). */
  settleDue(): Promise<RefundSettlementReport>
  /**
   * Applies the provider's later news of refunds it accepted (webhooks, through
   * `onRefundStatusChanged`); returns the function that stops following.
   */
  followProviderNews(): () => void
}

const settledPaymentStatuses: readonly string[] = ['captured', 'partially-refunded', 'refunded']

function isRefundable(payment: Payment): boolean {
  return payment.providerReference !== null && settledPaymentStatuses.includes(payment.status)
}

/** The delay before try number `attemptCount + 1` after `attemptCount` unanswered tries. */
export function refundRetryDelayMs(schedule: RefundRetrySchedule, attemptCount: number): number {
  const exponent = Math.min(Math.max(attemptCount, 0), 30)
  return Math.min(schedule.maximumDelayMs, schedule.firstDelayMs * 2 ** exponent)
}

/**
 * Creates the {@link RefundSettlement}. Each refund goes to the provider with the idempotency key
 * `<payment>:refund:<refund transaction id>`, so a retry (after a timeout, from the job, or two
 * callers at once) never refunds twice; an order's refund moves from `pending` to `succeeded` or
 * `failed` once, publishing `refund.succeeded` or `refund.failed`.
 */
export function createRefundSettlement(
  dependencies: RefundSettlementDependencies,
): RefundSettlement {
  const { orders, payments, clock } = dependencies
  const schedule = dependencies.schedule ?? defaultRefundRetrySchedule

  /** Tried again after the back-off for `attemptCount` unanswered tries (refunds and charges). */
  function deferred(
    attemptCount: number,
    reason: string,
  ): { kind: 'deferred'; reason: string; nextAttemptAt: string } {
    const delay = refundRetryDelayMs(schedule, attemptCount)
    return {
      kind: 'deferred',
      reason,
      nextAttemptAt: new Date(clock.now().getTime() + delay).toISOString(),
    }
  }

  async function attempt(refund: ProviderRefund): Promise<RefundAttemptResult> {
    const payment = (await payments.listPaymentsOfOrder(refund.orderId)).find(isRefundable)
    if (payment === undefined) return { kind: 'failed', reason: 'payment-not-found' }
    let refunded: Awaited<ReturnType<typeof payments.refundPayment>>
    try {
      refunded = await payments.refundPayment(payment.id, {
        amount: money(refund.amount, refund.currency),
        reason: `Refund of order ${refund.orderNumber}`,
        refundReference: refund.transactionId,
      })
    } catch (error) {
      if (!isAppError(error, 'unavailable')) dependencies.onError?.(error, refund)
      return deferred(refund.attemptCount, 'provider-unavailable')
    }
    if (!refunded.ok) return { kind: 'failed', reason: refunded.reason }
    const sent = await payments.getRefund(payment.id, refund.transactionId)
    if (sent === undefined || (sent.status === 'pending' && sent.providerReference === null)) {
      // Another caller is sending this refund right now; its answer is recorded there.
      return deferred(refund.attemptCount, 'in-progress')
    }
    if (sent.status === 'refunded')
      return { kind: 'succeeded', providerReference: sent.providerReference }
    if (sent.status === 'failed') return { kind: 'failed', reason: 'refund-failed' }
    return { kind: 'accepted', providerReference: sent.providerReference }
  }

  /**
   * Charges a price difference to the saved card, off-session and captured at once. The checkout
   * reference `order-charge:<payment history id>` makes the provider's idempotency key, so a retry
   * never charges twice.
   */
  async function charge(owed: ProviderCharge): Promise<ChargeAttemptResult> {
    const card = await dependencies.customers.findChargeToken(
      owed.customerId,
      owed.paymentMethodReference,
    )
    if (card === undefined) return { kind: 'failed', reason: 'payment-method-not-chargeable' }
    let started: Awaited<ReturnType<typeof payments.startPayment>>
    try {
      started = await payments.startPayment({
        checkoutReference: `order-charge:${owed.transactionId}`,
        amount: money(owed.amount, owed.currency),
        description: `Price difference, order ${owed.orderNumber}`,
        paymentMethod: {
          kind: 'token',
          token: card.token,
          ...(card.card === undefined ? {} : { card: card.card }),
        },
        orderId: owed.orderId,
        customerId: owed.customerId,
        captureMode: 'automatic',
      })
    } catch (error) {
      if (!isAppError(error, 'unavailable')) dependencies.onChargeError?.(error, owed)
      return deferred(owed.attemptCount, 'provider-unavailable')
    }
    if (!started.ok) return { kind: 'failed', reason: `declined:${started.declineReason}` }
    let payment = started.value
    if (payment.status === 'authorized') {
      const captured = await payments.capturePayment(payment.id)
      if (!captured.ok) return { kind: 'failed', reason: captured.reason }
      payment = captured.value
    }
    if (payment.status === 'captured') {
      return { kind: 'succeeded', providerReference: payment.providerReference ?? payment.id }
    }
    if (payment.status === 'pending') return deferred(owed.attemptCount, 'in-progress')
    // A card that asks the shopper to confirm (3-D Secure) cannot be charged without them.
    if (payment.status === 'requires-action') await payments.cancelPayment(payment.id)
    return { kind: 'failed', reason: payment.status }
  }

  async function settle(
    refunds: readonly ProviderRefund[],
    charges: readonly ProviderCharge[],
  ): Promise<RefundSettlementReport> {
    const report = { succeeded: 0, failed: 0, accepted: 0, deferred: 0 }
    for (const refund of refunds) {
      const result = await attempt(refund)
      if (await orders.recordRefundAttempt(refund, result)) report[result.kind] += 1
    }
    for (const owed of charges) {
      const result = await charge(owed)
      if (await orders.recordChargeAttempt(owed, result)) report[result.kind] += 1
    }
    return report
  }

  async function applyNews(change: RefundStatusChange): Promise<void> {
    if (change.orderId === null || change.status === 'pending') return
    const order = await orders.getOrder(change.orderId)
    const transaction = order?.payments.find(
      (payment) => payment.id === change.refundReference && payment.kind === 'refund',
    )
    if (order === undefined || transaction === undefined) return
    const refund: ProviderRefund = {
      transactionId: transaction.id,
      orderId: order.id,
      orderNumber: order.number,
      amount: transaction.amount,
      currency: transaction.currency,
      paymentMethodReference: transaction.paymentMethodReference,
      attemptCount: 0,
    }
    await orders.recordRefundAttempt(
      refund,
      change.status === 'refunded'
        ? { kind: 'succeeded', providerReference: change.providerReference }
        : { kind: 'failed', reason: change.failureReason ?? 'refund-failed' },
    )
  }

  return {
    async settleOrder(orderId) {
      return settle(
        await orders.listProviderRefunds({ orderId }),
        await orders.listProviderCharges({ orderId }),
      )
    },
    async settleDue() {
      return settle(await orders.listProviderRefunds(), await orders.listProviderCharges())
    },
    followProviderNews() {
      return payments.onRefundStatusChanged(applyNews)
    },
  }
}
