import type { CartService } from '../../domains/cart/index.ts'
import type { PaymentStatusChange, PaymentsService } from '../../domains/payments/index.ts'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { Locale } from '../../shared/locale.ts'
import type {
  PlaceOrderInput,
  PlaceOrderOutcome,
  PlaceOrderWorkflow,
} from '../place-order/index.ts'

/** A checkout started in a conversation, to pay on a hosted page. */
export type PaymentLinkCheckoutInput = Omit<PlaceOrderInput, 'payment'> & {
  readonly conversationId: string
}

/** The outcome of a payment-link checkout once its payment completed. */
export interface SettledPaymentLinkCheckout {
  readonly conversationId: string
  readonly locale: Locale
  readonly paymentId: string
  readonly outcome: PlaceOrderOutcome
}

/** Told once per payment-link checkout when its payment completed and the order was placed (or not). */
export type PaymentLinkSettledListener = (settled: SettledPaymentLinkCheckout) => Promise<void>

/** Checkout paid through a payment link: start it, then place the order once the payment completes. */
export interface PaymentLinkCheckout {
  /**
   * Starts the checkout with a hosted payment page (place-order with `hosted-page`), which holds the
   * stock and the payment, and remembers it. Returns the page's URL; any other outcome of the
   * workflow (a refusal, or an order already placed for this key) is returned as it is.
   */
  start(
    input: PaymentLinkCheckoutInput,
  ): Promise<
    | { readonly ok: true; readonly url: string; readonly paymentId: string }
    | { readonly ok: false; readonly outcome: PlaceOrderOutcome }
  >
  /**
   * Reacts to a payment status change: when a waiting checkout's payment is authorized or captured
   * (the sandbox page, a Stripe or PayPal webhook), retries the checkout with the same key, which
   * places the order with that payment, and tells the listeners. Each checkout is placed once.
   */
  handlePaymentStatusChange(change: PaymentStatusChange): Promise<void>
  /** Registers a listener for settled checkouts; returns a function that removes it. */
  onSettled(listener: PaymentLinkSettledListener): () => void
  /** Stops following payment status changes. */
  stop(): void
}

/** What {@link createPaymentLinkCheckout} needs. */
export interface PaymentLinkCheckoutDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly checkout: Pick<PlaceOrderWorkflow, 'placeOrder'>
  /** Tells whether the cart changed after the link was sent (the link's amount would be wrong). */
  readonly carts: Pick<CartService, 'getCart'>
  readonly payments: Pick<
    PaymentsService,
    'onPaymentStatusChanged' | 'getPayment' | 'cancelPayment' | 'refundPayment'
  >
  /** Told when a listener or a retried checkout throws; the payment is never lost. */
  readonly onError?: (error: unknown) => void
}

const paidStatuses: ReadonlySet<string> = new Set(['authorized', 'captured'])

/** Creates the {@link PaymentLinkCheckout} and follows the payments service's status changes. */
export function createPaymentLinkCheckout(
  dependencies: PaymentLinkCheckoutDependencies,
): PaymentLinkCheckout {
  const { db, clock, checkout } = dependencies
  const listeners = new Set<PaymentLinkSettledListener>()
  const now = () => clock.now().toISOString()

  async function settle(
    paymentId: string,
    row: { conversation_id: string; locale: string },
    outcome: PlaceOrderOutcome,
  ): Promise<void> {
    await db
      .updateTable('payment_link_checkouts')
      .set({
        status: outcome.ok ? 'placed' : 'failed',
        order_id: outcome.ok ? outcome.order.id : null,
        outcome: JSON.stringify(outcome),
        updated_at: now(),
      })
      .where('payment_id', '=', paymentId)
      .execute()
    for (const listener of listeners) {
      try {
        await listener({
          conversationId: row.conversation_id,
          locale: row.locale as Locale,
          paymentId,
          outcome,
        })
      } catch (error) {
        dependencies.onError?.(error)
      }
    }
  }

  /** Gives back the money of a payment whose order will not be placed (cancel, or refund). */
  async function releasePayment(paymentId: string): Promise<void> {
    const payment = await dependencies.payments.getPayment(paymentId)
    if (payment === undefined) return
    if (payment.status === 'captured') {
      await dependencies.payments.refundPayment(paymentId, {
        reason: 'no order was placed for this payment link',
        refundReference: `${paymentId}:no-order`,
      })
    } else if (['authorized', 'requires-action', 'pending'].includes(payment.status)) {
      await dependencies.payments.cancelPayment(paymentId)
    }
  }

  const service: PaymentLinkCheckout = {
    async start(input) {
      const cart = await dependencies.carts.getCart(input.cartToken)
      const outcome = await checkout.placeOrder({ ...input, payment: { kind: 'hosted-page' } })
      if (
        outcome.ok ||
        outcome.reason !== 'requires-action' ||
        outcome.nextActionUrl === undefined ||
        outcome.paymentId === undefined
      ) {
        return { ok: false, outcome }
      }
      const time = now()
      await db
        .insertInto('payment_link_checkouts')
        .values({
          payment_id: outcome.paymentId,
          checkout_key: input.checkoutKey,
          conversation_id: input.conversationId,
          locale: input.locale ?? 'en',
          input: JSON.stringify({ ...input, cartVersion: cart?.updatedAt ?? null }),
          status: 'waiting',
          order_id: null,
          outcome: null,
          created_at: time,
          updated_at: time,
        })
        .onConflict((conflict) => conflict.column('payment_id').doNothing())
        .execute()
      return { ok: true, url: outcome.nextActionUrl, paymentId: outcome.paymentId }
    },

    async handlePaymentStatusChange(change) {
      if (!paidStatuses.has(change.status)) return
      // Claim the checkout: of concurrent deliveries (a webhook and the page), one places the order.
      const claimed = await db
        .updateTable('payment_link_checkouts')
        .set({ status: 'placing', updated_at: now() })
        .where('payment_id', '=', change.paymentId)
        .where('status', '=', 'waiting')
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 0) return
      const row = await db
        .selectFrom('payment_link_checkouts')
        .selectAll()
        .where('payment_id', '=', change.paymentId)
        .executeTakeFirstOrThrow()
      const { cartVersion, ...input } = JSON.parse(row.input) as PaymentLinkCheckoutInput & {
        cartVersion: string | null
      }
      const cart = await dependencies.carts.getCart(input.cartToken)
      if (cart !== undefined && cart.status === 'open' && cart.updatedAt !== cartVersion) {
        // The link was for another cart: never place an order the payment does not match.
        await releasePayment(change.paymentId)
        await settle(change.paymentId, row, {
          ok: false,
          reason: 'invalid-cart',
          message: 'The cart changed after the payment link was sent; the payment was released.',
          paymentId: change.paymentId,
        })
        return
      }
      let outcome: PlaceOrderOutcome
      try {
        outcome = await checkout.placeOrder({ ...input, payment: { kind: 'hosted-page' } })
      } catch (error) {
        // Let a later delivery of the same news try again.
        await db
          .updateTable('payment_link_checkouts')
          .set({ status: 'waiting', updated_at: now() })
          .where('payment_id', '=', change.paymentId)
          .execute()
        throw error
      }
      // A refusal (stock gone after the hold expired, the cart already checked out) charges nothing.
      if (!outcome.ok) await releasePayment(change.paymentId)
      await settle(change.paymentId, row, outcome)
    },

    onSettled(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    stop: () => undefined,
  }
  const unsubscribe = dependencies.payments.onPaymentStatusChanged((change) =>
    service.handlePaymentStatusChange(change),
  )
  return { ...service, stop: unsubscribe }
}
