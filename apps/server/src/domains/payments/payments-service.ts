import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { money, type Money } from '../../shared/money.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type {
  CaptureMode,
  CardInput,
  CardSummary,
  DeclineReason,
  PaymentMethodInput,
  PaymentOutcome,
  PaymentProvider,
  PaymentStatus,
  RawWebhook,
} from './payment-provider.ts'
import {
  mapStatusToEventType,
  type PaymentStatusChange,
  type RefundStatusChange,
} from './payments-events.ts'
import {
  findPaymentById,
  findPaymentByIdempotencyKey,
  findPaymentByProviderReference,
  findRefundByKey,
  findRefundByProviderReference,
  insertPayment,
  listPaymentsByCheckoutReference,
  listPaymentsByOrderId,
  recordWebhookEvent,
  refundKeyOf,
  refundReferenceOf,
  updatePayment,
  type Executor,
  type PaymentRefundRow,
  type PaymentRow,
} from './payments-repository.ts'

/** A payment as the rest of Kedai sees it. Card numbers are never part of it. */
export interface Payment {
  readonly id: string
  readonly checkoutReference: string
  readonly orderId: string | null
  readonly customerId: string | null
  readonly provider: string
  readonly providerReference: string | null
  readonly status: PaymentStatus
  readonly captureMode: CaptureMode
  readonly amount: Money
  readonly capturedAmount: Money
  readonly refundedAmount: Money
  readonly nextActionUrl: string | null
  readonly failureReason: string | null
  readonly card: CardSummary | null
  readonly description: string
  readonly createdAt: string
  readonly updatedAt: string
}

/** A refund of a payment as the rest of Kedai sees it. */
export interface PaymentRefund {
  readonly id: string
  readonly paymentId: string
  /** The reference it was requested with (`refundPayment`'s `refundReference`). */
  readonly refundReference: string
  readonly amount: Money
  /**
   * `pending` until the provider answered (or while it reports the refund as processing),
   * then `refunded` or `failed`.
   */
  readonly status: 'pending' | 'refunded' | 'failed'
  /** The provider's id of the refund, once the provider answered. */
  readonly providerReference: string | null
  readonly createdAt: string
}

/** A listener told after a refund's status changed (after the change is committed). */
export type RefundStatusListener = (change: RefundStatusChange) => void | Promise<void>

/** What {@link PaymentsService.startPayment} needs. */
export interface StartPaymentInput {
  /** The checkout or order this payment is for; with `attempt` it makes the idempotency key. */
  readonly checkoutReference: string
  readonly amount: Money
  readonly description: string
  readonly paymentMethod: PaymentMethodInput
  readonly orderId?: string | undefined
  readonly customerId?: string | undefined
  readonly customerEmail?: string | undefined
  /** Provider name; the configured default when absent. */
  readonly provider?: string | undefined
  readonly captureMode?: CaptureMode | undefined
  /** Counts attempts for the same checkout (a new card after a decline is attempt 2). Default 1. */
  readonly attempt?: number | undefined
}

/** Reasons {@link PaymentsService.startPayment} and {@link PaymentsService.completePayment} fail. */
export type PaymentFailure = {
  readonly ok: false
  readonly reason: 'declined'
  readonly declineReason: DeclineReason
  readonly payment: Payment
}

/** Reasons a capture, refund or cancel is refused. */
export const paymentChangeRefusals = [
  'not-found',
  'not-capturable',
  'capture-declined',
  'not-refundable',
  'amount-exceeds-captured',
  'not-cancelable',
  'refund-failed',
  'invalid-card-number',
  'not-payable',
] as const

/** One of {@link paymentChangeRefusals}. */
export type PaymentChangeRefusal = (typeof paymentChangeRefusals)[number]

/** A listener told after a payment's status changed (after the change is committed). */
export type PaymentStatusListener = (change: PaymentStatusChange) => void | Promise<void>

/** The result of handling one webhook delivery. */
export interface WebhookHandling {
  /** False when the event was a redelivery, not about a payment we know, or changed nothing. */
  readonly applied: boolean
  readonly duplicate: boolean
  readonly paymentId: string | null
}

/** The payments domain's public service. */
export interface PaymentsService {
  /**
   * Starts (and, with a card token, authorizes) a payment for a checkout. Retrying with the same
   * checkout reference and attempt returns the same payment and never charges twice. A decline is
   * `{ ok: false, reason: 'declined', declineReason }`; 3-D Secure or a payment link is an ok
   * payment with status `requires-action` and `nextActionUrl`.
   */
  startPayment(
    input: StartPaymentInput,
  ): Promise<Result<Payment, 'declined', { declineReason: DeclineReason; payment: Payment }>>
  /** Completes a payment waiting for the shopper, optionally with a card token. */
  completePayment(
    paymentId: string,
    paymentMethod?: PaymentMethodInput,
  ): Promise<
    Result<
      Payment,
      'declined' | 'not-found' | 'not-payable',
      { declineReason?: DeclineReason; payment?: Payment }
    >
  >
  /**
   * Pays a hosted payment with a typed card (the sandbox's test page): the number is tokenized at
   * once by the provider and never stored or logged.
   */
  payWithCard(
    paymentId: string,
    card: CardInput,
  ): Promise<
    Result<
      Payment,
      'declined' | 'not-found' | 'not-payable' | 'invalid-card-number',
      { declineReason?: DeclineReason; payment?: Payment }
    >
  >
  /** Captures an authorized payment (all of it, or `amount`). Capturing twice is a no-op. */
  capturePayment(paymentId: string, amount?: Money): Promise<Result<Payment, PaymentChangeRefusal>>
  /**
   * Refunds captured money. `refundReference` names this refund (an order's refund transaction, an
   * agent action id); the same reference refunds once however often it is retried: the provider
   * gets the key `<payment>:refund:<reference>`, a refund already refunded or accepted is not sent
   * again, and one the provider failed stays `refund-failed`. An unreachable provider throws
   * `AppError('unavailable')` and leaves the refund pending for a retry. {@link getRefund} tells the
   * refund's own status (the provider may accept it and report the outcome later by webhook).
   */
  refundPayment(
    paymentId: string,
    input: { amount?: Money; reason?: string; refundReference: string },
  ): Promise<Result<Payment, PaymentChangeRefusal>>
  /** A payment's refund by the reference it was requested with; undefined when never requested. */
  getRefund(paymentId: string, refundReference: string): Promise<PaymentRefund | undefined>
  /** Cancels a payment not yet captured (releases the authorization). */
  cancelPayment(paymentId: string): Promise<Result<Payment, PaymentChangeRefusal>>
  /** Links a payment to the order created from its checkout. */
  linkOrder(paymentId: string, orderId: string): Promise<void>
  /**
   * Verifies and applies a provider webhook. The (provider, event id) is recorded in the same
   * transaction as the status change, so a delivery repeated any number of times is applied once.
   */
  handleWebhook(
    provider: string,
    webhook: RawWebhook,
  ): Promise<Result<WebhookHandling, 'unknown-provider' | 'invalid-signature' | 'malformed'>>
  getPayment(paymentId: string): Promise<Payment | undefined>
  listPayments(checkoutReference: string): Promise<Payment[]>
  /** The payments linked to an order (`linkOrder`), oldest first. */
  listPaymentsOfOrder(orderId: string): Promise<Payment[]>
  /** Registers a listener for status changes; returns a function that removes it. */
  onPaymentStatusChanged(listener: PaymentStatusListener): () => void
  /**
   * Registers a listener for refund status changes reported by provider webhooks (once per
   * change, however often the webhook is delivered); returns a function that removes it.
   */
  onRefundStatusChanged(listener: RefundStatusListener): () => void
  /** The names of the configured providers; the first is the default. */
  readonly providerNames: readonly string[]
}

/** What the payments service is built from. */
export interface PaymentsServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  /** Configured providers; the first is the default. */
  readonly providers: readonly PaymentProvider[]
  readonly defaultCaptureMode?: CaptureMode
  /** Base URL of the store, for return and cancel URLs of hosted pages. */
  readonly publicUrl: string
  /** Told when a listener fails; listeners never fail the payment. */
  readonly onListenerError?: (error: unknown) => void
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    checkoutReference: row.checkout_reference,
    orderId: row.order_id,
    customerId: row.customer_id,
    provider: row.provider,
    providerReference: row.provider_reference,
    status: row.status as PaymentStatus,
    captureMode: row.capture_mode as CaptureMode,
    amount: money(Number(row.amount), row.currency),
    capturedAmount: money(Number(row.captured_amount), row.currency),
    refundedAmount: money(Number(row.refunded_amount), row.currency),
    nextActionUrl: row.next_action_url,
    failureReason: row.failure_reason,
    card: row.method_summary === null ? null : (JSON.parse(row.method_summary) as CardSummary),
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const settledStatuses: readonly PaymentStatus[] = ['captured', 'partially-refunded', 'refunded']

const refundStatuses = ['pending', 'refunded', 'failed'] as const

function toRefundStatus(status: string): PaymentRefund['status'] {
  return (refundStatuses as readonly string[]).includes(status)
    ? (status as PaymentRefund['status'])
    : 'pending'
}

function toPaymentRefund(row: PaymentRefundRow): PaymentRefund {
  return {
    id: row.id,
    paymentId: row.payment_id,
    refundReference: refundReferenceOf(row),
    amount: money(Number(row.amount), row.currency),
    status: toRefundStatus(row.status),
    providerReference: row.provider_reference,
    createdAt: row.created_at,
  }
}

/** True when a refund may move from `from` to `to` (a refunded one may still fail at the bank). */
function canRefundMoveTo(from: string, to: PaymentRefund['status']): boolean {
  if (from === to) return false
  if (from === 'pending') return true
  return from === 'refunded' && to === 'failed'
}

/** True when a payment may move from `from` to `to`; late or out-of-order news is ignored. */
export function canMoveTo(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to) return false
  switch (to) {
    case 'pending':
      return false
    case 'requires-action':
      return from === 'pending'
    case 'declined':
    case 'failed':
      // From authorized too: PayPal declines at capture, after the buyer approved.
      return from === 'pending' || from === 'requires-action' || from === 'authorized'
    case 'authorized':
      return ['pending', 'requires-action', 'declined', 'failed'].includes(from)
    case 'captured':
      return ['pending', 'requires-action', 'authorized', 'declined', 'failed'].includes(from)
    case 'canceled':
      return ['pending', 'requires-action', 'authorized'].includes(from)
    case 'partially-refunded':
    case 'refunded':
      return settledStatuses.includes(from)
  }
}

/** Creates the {@link PaymentsService}. */
export function createPaymentsService(dependencies: PaymentsServiceDependencies): PaymentsService {
  const { db, clock, eventBus, createId } = dependencies
  const providers = new Map(dependencies.providers.map((provider) => [provider.name, provider]))
  const defaultProvider = dependencies.providers[0]
  if (defaultProvider === undefined) throw new Error('at least one payment provider is required')
  const listeners = new Set<PaymentStatusListener>()
  const refundListeners = new Set<RefundStatusListener>()

  function providerOf(name: string): PaymentProvider {
    const provider = providers.get(name)
    if (provider === undefined)
      throw new AppError('internal', `payment provider ${name} is not configured`)
    return provider
  }

  async function callProvider<T>(provider: PaymentProvider, call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError(
        'unavailable',
        `The payment provider ${provider.name} did not answer; please try again.`,
        {
          cause: error,
        },
      )
    }
  }

  async function announceRefunds(changes: readonly RefundStatusChange[]): Promise<void> {
    for (const change of changes) {
      for (const listener of refundListeners) {
        try {
          await listener(change)
        } catch (error) {
          dependencies.onListenerError?.(error)
        }
      }
    }
  }

  async function announce(changes: readonly PaymentStatusChange[]): Promise<void> {
    for (const change of changes) {
      await eventBus.publish({ type: change.type, aggregateId: change.paymentId, payload: change })
      for (const listener of listeners) {
        try {
          await listener(change)
        } catch (error) {
          dependencies.onListenerError?.(error)
        }
      }
    }
  }

  /**
   * Applies a provider outcome to a stored payment (when the move is allowed) and returns the
   * status change to announce once the surrounding transaction committed.
   */
  async function applyOutcome(
    executor: Executor,
    row: PaymentRow,
    outcome: PaymentOutcome & { refundedAmount?: number | undefined },
    source: PaymentStatusChange['source'],
  ): Promise<{ row: PaymentRow; change: PaymentStatusChange | undefined }> {
    const now = clock.now().toISOString()
    const previousStatus = row.status as PaymentStatus
    const changes: Partial<PaymentRow> = {}
    if (
      outcome.providerReference !== undefined &&
      outcome.providerReference !== row.provider_reference
    ) {
      changes.provider_reference = outcome.providerReference
    }
    if (
      outcome.providerCaptureReference !== undefined &&
      outcome.providerCaptureReference !== row.provider_capture_reference
    ) {
      changes.provider_capture_reference = outcome.providerCaptureReference
    }
    const cardSummary =
      outcome.card === undefined
        ? undefined
        : JSON.stringify({ brand: outcome.card.brand, lastFour: outcome.card.lastFour })
    // The card last tried is the one to show (a shopper may retry with another after a decline).
    if (cardSummary !== undefined && cardSummary !== row.method_summary) {
      changes.method_summary = cardSummary
    }
    if (
      outcome.status === 'requires-action' &&
      previousStatus === 'requires-action' &&
      outcome.nextActionUrl !== undefined &&
      outcome.nextActionUrl !== row.next_action_url
    ) {
      changes.next_action_url = outcome.nextActionUrl
    }
    let status = previousStatus
    if (canMoveTo(previousStatus, outcome.status)) {
      status = outcome.status
      changes.status = status
      if (status === 'requires-action') changes.next_action_url = outcome.nextActionUrl ?? null
      if (status === 'declined' || status === 'failed') {
        changes.failure_reason = outcome.declineReason ?? 'processing-error'
      } else {
        changes.failure_reason = null
      }
      if (status === 'captured') {
        changes.captured_amount = Math.min(
          outcome.capturedAmount ?? Number(row.amount),
          Number(row.amount),
        )
        changes.next_action_url = null
      }
      if (status === 'authorized') changes.next_action_url = null
    }
    if (
      outcome.refundedAmount !== undefined &&
      outcome.refundedAmount > Number(row.refunded_amount)
    ) {
      changes.refunded_amount = outcome.refundedAmount
    }
    if (Object.keys(changes).length === 0) return { row, change: undefined }
    changes.updated_at = now
    await updatePayment(executor, row.id, changes)
    const updated = { ...row, ...changes } as PaymentRow
    const eventType = status === previousStatus ? undefined : mapStatusToEventType(status)
    return {
      row: updated,
      change:
        eventType === undefined
          ? undefined
          : {
              type: eventType,
              paymentId: row.id,
              checkoutReference: row.checkout_reference,
              orderId: row.order_id,
              previousStatus,
              status,
              amount: money(Number(row.amount), row.currency),
              failureReason: updated.failure_reason,
              source,
            },
    }
  }

  async function applyAndAnnounce(row: PaymentRow, outcome: PaymentOutcome): Promise<PaymentRow> {
    const { row: updated, change } = await applyOutcome(db, row, outcome, { kind: 'call' })
    if (change !== undefined) await announce([change])
    if (
      updated.status === 'authorized' &&
      updated.capture_mode === 'automatic' &&
      row.status !== 'authorized'
    ) {
      // Providers that authorize first (PayPal after approval) need an explicit capture.
      await service.capturePayment(updated.id)
      return (await findPaymentById(db, updated.id)) ?? updated
    }
    return updated
  }

  function declinedResult(row: PaymentRow) {
    return fail('declined' as const, {
      declineReason: (row.failure_reason ?? 'card-declined') as DeclineReason,
      payment: toPayment(row),
    })
  }

  const service: PaymentsService = {
    providerNames: dependencies.providers.map((provider) => provider.name),

    async startPayment(input) {
      if (!Number.isSafeInteger(input.amount.amount) || input.amount.amount <= 0) {
        throw new AppError(
          'validation',
          'A payment amount must be a positive number of minor units.',
        )
      }
      const provider = input.provider === undefined ? defaultProvider : providerOf(input.provider)
      const idempotencyKey = `${input.checkoutReference}:payment:${input.attempt ?? 1}`
      let row = await findPaymentByIdempotencyKey(db, idempotencyKey)
      if (row !== undefined && row.status !== 'pending') {
        return row.status === 'declined' || row.status === 'failed'
          ? declinedResult(row)
          : succeed(toPayment(row))
      }
      if (row === undefined) {
        const now = clock.now().toISOString()
        row = {
          id: createId('pay'),
          checkout_reference: input.checkoutReference,
          order_id: input.orderId ?? null,
          customer_id: input.customerId ?? null,
          provider: provider.name,
          provider_reference: null,
          provider_capture_reference: null,
          status: 'pending',
          capture_mode: input.captureMode ?? dependencies.defaultCaptureMode ?? 'automatic',
          amount: input.amount.amount,
          captured_amount: 0,
          refunded_amount: 0,
          currency: input.amount.currency,
          idempotency_key: idempotencyKey,
          next_action_url: null,
          failure_reason: null,
          method_summary:
            input.paymentMethod.kind === 'token' && input.paymentMethod.card !== undefined
              ? JSON.stringify(input.paymentMethod.card)
              : null,
          description: input.description,
          created_at: now,
          updated_at: now,
        }
        try {
          await insertPayment(db, row)
        } catch (error) {
          // A concurrent start with the same key won the insert: continue with its payment.
          const winner = await findPaymentByIdempotencyKey(db, idempotencyKey)
          if (winner === undefined) throw error
          return winner.status === 'declined' || winner.status === 'failed'
            ? declinedResult(winner)
            : succeed(toPayment(winner))
        }
      }
      const stored = row
      const outcome = await callProvider(provider, () =>
        provider.initiatePayment({
          paymentId: stored.id,
          amount: money(Number(stored.amount), stored.currency),
          description: stored.description,
          captureMode: stored.capture_mode as CaptureMode,
          paymentMethod: input.paymentMethod,
          returnUrl: `${dependencies.publicUrl}/payments/${stored.id}/return`,
          cancelUrl: `${dependencies.publicUrl}/payments/${stored.id}/cancel`,
          customerEmail: input.customerEmail,
          idempotencyKey: stored.idempotency_key,
        }),
      )
      const updated = await applyAndAnnounce(stored, outcome)
      return updated.status === 'declined' || updated.status === 'failed'
        ? declinedResult(updated)
        : succeed(toPayment(updated))
    },

    async completePayment(paymentId, paymentMethod) {
      const row = await findPaymentById(db, paymentId)
      if (row === undefined) return fail('not-found' as const)
      const status = row.status as PaymentStatus
      if (status === 'authorized' || settledStatuses.includes(status))
        return succeed(toPayment(row))
      if (
        !['requires-action', 'declined', 'failed', 'pending'].includes(status) ||
        row.provider_reference === null
      ) {
        return fail('not-payable' as const, { payment: toPayment(row) })
      }
      const provider = providerOf(row.provider)
      const reference = row.provider_reference
      const outcome = await callProvider(provider, () =>
        provider.authorizePayment({
          providerReference: reference,
          paymentMethod,
          amount: money(Number(row.amount), row.currency),
          captureMode: row.capture_mode as CaptureMode,
          idempotencyKey: `${row.id}:authorize:${paymentMethod?.kind === 'token' ? paymentMethod.token : 'confirm'}`,
        }),
      )
      // A new attempt after a decline starts from requires-action again.
      const base =
        status === 'declined' || status === 'failed' ? { ...row, status: 'requires-action' } : row
      const updated = await applyAndAnnounce(base, outcome)
      if (outcome.status === 'declined' || outcome.status === 'failed') {
        const declined = {
          ...updated,
          status: outcome.status,
          failure_reason: outcome.declineReason ?? 'card-declined',
        }
        await updatePayment(db, row.id, {
          status: declined.status,
          failure_reason: declined.failure_reason,
          updated_at: clock.now().toISOString(),
        })
        if (status !== 'declined' && status !== 'failed') {
          await announce([
            {
              type: 'payment.failed',
              paymentId: row.id,
              checkoutReference: row.checkout_reference,
              orderId: row.order_id,
              previousStatus: status,
              status: declined.status as PaymentStatus,
              amount: money(Number(row.amount), row.currency),
              failureReason: declined.failure_reason,
              source: { kind: 'call' },
            },
          ])
        }
        return fail('declined' as const, {
          declineReason: declined.failure_reason as DeclineReason,
          payment: toPayment(declined),
        })
      }
      if (updated.status === 'declined' || updated.status === 'failed')
        return declinedResult(updated)
      return succeed(toPayment(updated))
    },

    async payWithCard(paymentId, card) {
      const row = await findPaymentById(db, paymentId)
      if (row === undefined) return fail('not-found' as const)
      const provider = providerOf(row.provider)
      if (provider.tokenizeCard === undefined)
        return fail('not-payable' as const, { payment: toPayment(row) })
      const tokenized = provider.tokenizeCard(card)
      if (!tokenized.ok) return fail('invalid-card-number' as const)
      return service.completePayment(paymentId, {
        kind: 'token',
        token: tokenized.token,
        card: tokenized.card,
      })
    },

    async capturePayment(paymentId, amount) {
      const row = await findPaymentById(db, paymentId)
      if (row === undefined) return fail('not-found')
      if (settledStatuses.includes(row.status as PaymentStatus)) return succeed(toPayment(row))
      if (row.status !== 'authorized' || row.provider_reference === null)
        return fail('not-capturable')
      const captureAmount = amount?.amount ?? Number(row.amount)
      if (captureAmount <= 0 || captureAmount > Number(row.amount))
        return fail('amount-exceeds-captured')
      const provider = providerOf(row.provider)
      const reference = row.provider_reference
      const outcome = await callProvider(provider, () =>
        provider.capturePayment({
          providerReference: reference,
          amount: money(captureAmount, row.currency),
          idempotencyKey: `${row.id}:capture`,
        }),
      )
      const updated = await applyAndAnnounce(row, {
        ...outcome,
        capturedAmount: outcome.capturedAmount ?? captureAmount,
      })
      if (updated.status === 'declined' || updated.status === 'failed')
        return fail('capture-declined')
      return updated.status === 'captured' ? succeed(toPayment(updated)) : fail('not-capturable')
    },

    async refundPayment(paymentId, input) {
      const row = await findPaymentById(db, paymentId)
      if (row === undefined) return fail('not-found')
      const idempotencyKey = refundKeyOf(row.id, input.refundReference)
      const existing = await findRefundByKey(db, idempotencyKey)
      // Refunded, or accepted by the provider and waiting for its news: never sent again.
      if (
        existing !== undefined &&
        (existing.status === 'refunded' ||
          (existing.status === 'pending' && existing.provider_reference !== null))
      ) {
        return succeed(toPayment(row))
      }
      // The provider replays a failed key's answer: a failed refund stays failed.
      if (existing?.status === 'failed') return fail('refund-failed')
      if (
        !settledStatuses.includes(row.status as PaymentStatus) ||
        row.provider_reference === null
      ) {
        return fail('not-refundable')
      }
      const refundable = Number(row.captured_amount) - Number(row.refunded_amount)
      const refundAmount =
        existing === undefined ? (input.amount?.amount ?? refundable) : Number(existing.amount)
      if (input.amount !== undefined && input.amount.currency !== row.currency)
        return fail('amount-exceeds-captured')
      if (refundAmount <= 0 || refundAmount > refundable) return fail('amount-exceeds-captured')
      let refundId = existing?.id
      if (refundId === undefined) {
        refundId = createId('rfd')
        try {
          await db
            .insertInto('payment_refunds')
            .values({
              id: refundId,
              payment_id: row.id,
              amount: refundAmount,
              currency: row.currency,
              reason: input.reason ?? null,
              idempotency_key: idempotencyKey,
              provider_reference: null,
              status: 'pending',
              created_at: clock.now().toISOString(),
            })
            .execute()
        } catch (error) {
          // A concurrent call with the same reference is sending it; its answer is recorded there.
          const winner = await findRefundByKey(db, idempotencyKey)
          if (winner === undefined) throw error
          return winner.status === 'failed' ? fail('refund-failed') : succeed(toPayment(row))
        }
      }
      const provider = providerOf(row.provider)
      const reference = row.provider_reference
      const outcome = await callProvider(provider, () =>
        provider.refundPayment({
          providerReference: reference,
          providerCaptureReference: row.provider_capture_reference ?? undefined,
          amount: money(refundAmount, row.currency),
          reason: input.reason,
          idempotencyKey,
        }),
      )
      // Only the call that records the provider's first answer moves the payment's amounts.
      const recorded = await db
        .updateTable('payment_refunds')
        .set({ status: outcome.status, provider_reference: outcome.providerReference ?? null })
        .where('id', '=', refundId)
        .where('status', '=', 'pending')
        .where('provider_reference', 'is', null)
        .executeTakeFirst()
      if (outcome.status === 'failed') return fail('refund-failed')
      const current = (await findPaymentById(db, row.id)) ?? row
      if (Number(recorded.numUpdatedRows) !== 1) return succeed(toPayment(current))
      const refundedTotal = Number(current.refunded_amount) + refundAmount
      const status: PaymentStatus =
        refundedTotal >= Number(current.captured_amount) ? 'refunded' : 'partially-refunded'
      const { row: updated, change } = await applyOutcome(
        db,
        current,
        { status, refundedAmount: refundedTotal },
        { kind: 'call' },
      )
      // A second partial refund keeps the status but is still news.
      const announced =
        change ??
        ({
          type: 'payment.refunded',
          paymentId: row.id,
          checkoutReference: row.checkout_reference,
          orderId: row.order_id,
          previousStatus: current.status as PaymentStatus,
          status: updated.status as PaymentStatus,
          amount: money(Number(row.amount), row.currency),
          failureReason: null,
          source: { kind: 'call' },
        } satisfies PaymentStatusChange)
      await announce([announced])
      return succeed(toPayment(updated))
    },

    async getRefund(paymentId, refundReference) {
      const row = await findRefundByKey(db, refundKeyOf(paymentId, refundReference))
      return row === undefined ? undefined : toPaymentRefund(row)
    },

    async cancelPayment(paymentId) {
      const row = await findPaymentById(db, paymentId)
      if (row === undefined) return fail('not-found')
      if (row.status === 'canceled') return succeed(toPayment(row))
      if (!canMoveTo(row.status as PaymentStatus, 'canceled')) return fail('not-cancelable')
      if (row.provider_reference !== null) {
        const provider = providerOf(row.provider)
        const reference = row.provider_reference
        const outcome = await callProvider(provider, () =>
          provider.cancelPayment({
            providerReference: reference,
            idempotencyKey: `${row.id}:cancel`,
          }),
        )
        if (outcome.status !== 'canceled') return fail('not-cancelable')
      }
      const updated = await applyAndAnnounce(row, { status: 'canceled' })
      return succeed(toPayment(updated))
    },

    async linkOrder(paymentId, orderId) {
      await updatePayment(db, paymentId, {
        order_id: orderId,
        updated_at: clock.now().toISOString(),
      })
    },

    async handleWebhook(providerName, webhook) {
      const provider = providers.get(providerName)
      if (provider === undefined) return fail('unknown-provider')
      const parsed = await provider.parseWebhook(webhook)
      if (!parsed.ok) return fail(parsed.reason)
      const event = parsed.event
      const outcome = await db.transaction().execute(async (transaction) => {
        let row =
          event.paymentId === undefined
            ? undefined
            : await findPaymentById(transaction, event.paymentId)
        if (row !== undefined && row.provider !== providerName) row = undefined
        if (row === undefined && event.providerReference !== undefined) {
          row = await findPaymentByProviderReference(
            transaction,
            providerName,
            event.providerReference,
          )
        }
        if (row === undefined && event.providerCaptureReference !== undefined) {
          row = await findPaymentByProviderReference(
            transaction,
            providerName,
            event.providerCaptureReference,
          )
        }
        const inserted = await recordWebhookEvent(transaction, {
          provider: providerName,
          event_id: event.eventId,
          type: event.providerType,
          payment_id: row?.id ?? null,
          received_at: clock.now().toISOString(),
        })
        if (!inserted) return { duplicate: true, row, change: undefined, refundChanges: [] }
        if (row === undefined || event.kind === undefined)
          return { duplicate: false, row, change: undefined, refundChanges: [] }
        const refundChanges: RefundStatusChange[] = []
        for (const news of event.refunds ?? []) {
          const refund = await findRefundByProviderReference(
            transaction,
            row.id,
            news.providerReference,
          )
          if (refund === undefined || !canRefundMoveTo(refund.status, news.status)) continue
          await transaction
            .updateTable('payment_refunds')
            .set({ status: news.status })
            .where('id', '=', refund.id)
            .execute()
          if (news.status === 'failed' && refund.status === 'refunded') {
            // The bank sent the money back to us: it is no longer refunded.
            const refundedAmount = Math.max(0, Number(row.refunded_amount) - Number(refund.amount))
            await updatePayment(transaction, row.id, {
              refunded_amount: refundedAmount,
              updated_at: clock.now().toISOString(),
            })
            row = { ...row, refunded_amount: refundedAmount }
          }
          refundChanges.push({
            refundId: refund.id,
            paymentId: row.id,
            orderId: row.order_id,
            refundReference: refundReferenceOf(refund),
            previousStatus: refund.status,
            status: news.status,
            amount: money(Number(refund.amount), refund.currency),
            providerReference: refund.provider_reference,
            failureReason:
              news.status === 'failed' ? (news.failureReason ?? 'refund-failed') : null,
            source: { kind: 'webhook', eventId: event.eventId },
          })
        }
        const status: PaymentStatus | undefined = {
          'payment-authorized': 'authorized' as const,
          'payment-captured': 'captured' as const,
          'payment-failed': 'declined' as const,
          'payment-refunded': undefined,
          'payment-canceled': 'canceled' as const,
          'payment-requires-action': 'requires-action' as const,
        }[event.kind]
        let refundedAmount: number | undefined
        let refundStatus: PaymentStatus | undefined
        if (event.kind === 'payment-refunded' && event.amount !== undefined) {
          refundedAmount = event.amount
          refundStatus =
            event.amount >= Number(row.captured_amount) ? 'refunded' : 'partially-refunded'
        }
        const applied = await applyOutcome(
          transaction,
          row,
          {
            status: status ?? refundStatus ?? (row.status as PaymentStatus),
            providerReference: event.providerReference,
            providerCaptureReference: event.providerCaptureReference,
            capturedAmount: event.kind === 'payment-captured' ? event.amount : undefined,
            declineReason: event.declineReason,
            card: event.card,
            refundedAmount,
          },
          { kind: 'webhook', eventId: event.eventId },
        )
        return { duplicate: false, row: applied.row, change: applied.change, refundChanges }
      })
      if (outcome.change !== undefined) await announce([outcome.change])
      await announceRefunds(outcome.refundChanges)
      const row = outcome.row
      if (
        outcome.change !== undefined &&
        row !== undefined &&
        row.status === 'authorized' &&
        row.capture_mode === 'automatic'
      ) {
        await service.capturePayment(row.id)
      }
      return succeed({
        applied: outcome.change !== undefined || outcome.refundChanges.length > 0,
        duplicate: outcome.duplicate,
        paymentId: row?.id ?? null,
      })
    },

    async getPayment(paymentId) {
      const row = await findPaymentById(db, paymentId)
      return row === undefined ? undefined : toPayment(row)
    },

    async listPayments(checkoutReference) {
      return (await listPaymentsByCheckoutReference(db, checkoutReference)).map(toPayment)
    },

    async listPaymentsOfOrder(orderId) {
      return (await listPaymentsByOrderId(db, orderId)).map(toPayment)
    },

    onPaymentStatusChanged(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    onRefundStatusChanged(listener) {
      refundListeners.add(listener)
      return () => {
        refundListeners.delete(listener)
      }
    },
  }
  return service
}
