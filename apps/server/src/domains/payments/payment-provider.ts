import type { Money } from '../../shared/money.ts'

/** How a payment is captured: together with the authorization, or later by an explicit call. */
export const captureModes = ['automatic', 'manual'] as const

/** One of {@link captureModes}. */
export type CaptureMode = (typeof captureModes)[number]

/** Where a payment stands. `declined` and `requires-action` are ordinary outcomes, not errors. */
export const paymentStatuses = [
  'pending',
  'requires-action',
  'authorized',
  'captured',
  'partially-refunded',
  'refunded',
  'declined',
  'canceled',
  'failed',
] as const

/** One of {@link paymentStatuses}. */
export type PaymentStatus = (typeof paymentStatuses)[number]

/** Why a provider refused a payment, in words the bot can explain. */
export const declineReasons = [
  'card-declined',
  'insufficient-funds',
  'expired-card',
  'incorrect-card-details',
  'authentication-failed',
  'processing-error',
] as const

/** One of {@link declineReasons}. */
export type DeclineReason = (typeof declineReasons)[number]

/** A card as shown to a shopper: brand and last four digits, never the number. */
export interface CardSummary {
  readonly brand: string
  readonly lastFour: string
}

/**
 * How the shopper pays: a provider token of a card (`tok_sandbox_…`, Stripe `pm_…`), or a hosted
 * page the shopper is sent to (payment link, PayPal approval).
 */
export type PaymentMethodInput =
  | { readonly kind: 'token'; readonly token: string; readonly card?: CardSummary | undefined }
  | { readonly kind: 'hosted-page' }

/** What {@link PaymentProvider.initiatePayment} is asked to do. */
export interface InitiatePaymentInput {
  /** Our payment id (`pay_…`); providers keep it as metadata so webhooks find the payment. */
  readonly paymentId: string
  readonly amount: Money
  readonly description: string
  readonly captureMode: CaptureMode
  readonly paymentMethod: PaymentMethodInput
  /** Where the shopper returns after a hosted page or 3-D Secure. */
  readonly returnUrl: string
  readonly cancelUrl: string
  readonly customerEmail?: string | undefined
  /** Stable across retries of the same request; the provider applies it once. */
  readonly idempotencyKey: string
}

/**
 * The outcome of a provider call. Declines and required shopper actions are outcomes; only broken
 * invariants (provider unreachable, unexpected answer) throw.
 */
export interface PaymentOutcome {
  readonly status: PaymentStatus
  /** The provider's id of the payment, once it has one. */
  readonly providerReference?: string | undefined
  /** The provider's id of the capture, when it differs from the payment's (PayPal). */
  readonly providerCaptureReference?: string | undefined
  /** Where the shopper must go next (3-D Secure, payment link, PayPal approval). */
  readonly nextActionUrl?: string | undefined
  readonly declineReason?: DeclineReason | undefined
  /** The amount captured so far, when the provider says. */
  readonly capturedAmount?: number | undefined
  readonly card?: CardSummary | undefined
}

/** The outcome of a refund request. */
export interface RefundOutcome {
  readonly status: 'refunded' | 'pending' | 'failed'
  readonly providerReference?: string | undefined
}

/** Kinds of payment facts a provider webhook can report. */
export const paymentWebhookKinds = [
  'payment-authorized',
  'payment-captured',
  'payment-failed',
  'payment-refunded',
  'payment-canceled',
  'payment-requires-action',
] as const

/** One of {@link paymentWebhookKinds}. */
export type PaymentWebhookKind = (typeof paymentWebhookKinds)[number]

/** A provider webhook translated into our terms, after its signature was checked. */
export interface PaymentWebhookEvent {
  /** The provider's event id; a redelivery carries the same id. */
  readonly eventId: string
  /** The provider's own event type (`payment_intent.succeeded`), kept for the record. */
  readonly providerType: string
  /** What happened; `undefined` when the event is not about a payment state we track. */
  readonly kind: PaymentWebhookKind | undefined
  /** Our payment id from the provider's metadata, when present. */
  readonly paymentId?: string | undefined
  readonly providerReference?: string | undefined
  readonly providerCaptureReference?: string | undefined
  /** The amount the event is about (captured or refunded), in minor units. */
  readonly amount?: number | undefined
  readonly declineReason?: DeclineReason | undefined
  readonly card?: CardSummary | undefined
  /** Refunds of the payment the event reports on (a refund's own status change). */
  readonly refunds?: readonly RefundWebhookNews[] | undefined
}

/** What a provider webhook says about one refund. */
export interface RefundWebhookNews {
  /** The provider's id of the refund, as its refund call answered. */
  readonly providerReference: string
  readonly status: RefundOutcome['status']
  /** The provider's reason when the refund failed (`expired_or_canceled_card`…). */
  readonly failureReason?: string | undefined
}

/** A webhook as received over HTTP: the raw body (signatures cover the exact bytes) and headers. */
export interface RawWebhook {
  readonly rawBody: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
}

/** The result of {@link PaymentProvider.parseWebhook}. */
export type ParsedWebhook =
  | { readonly ok: true; readonly event: PaymentWebhookEvent }
  | { readonly ok: false; readonly reason: 'invalid-signature' | 'malformed' }

/** A card as typed by a shopper on the sandbox's hosted test page. */
export interface CardInput {
  readonly number: string
  readonly expiry?: string | undefined
  readonly cvc?: string | undefined
}

/**
 * The payments port, owned by the payments domain and implemented by `adapters/payment-*`
 * (sandbox, Stripe, PayPal). Every method that creates or moves money carries an idempotency key the
 * provider honours, so a retried call never charges twice.
 */
export interface PaymentProvider {
  /** The provider's name as stored with payments (`sandbox`, `stripe`, `paypal`). */
  readonly name: string
  /**
   * Starts a payment: with a card token it authorizes (and captures, in automatic mode) at once;
   * with a hosted page it returns `requires-action` and the page URL.
   */
  initiatePayment(input: InitiatePaymentInput): Promise<PaymentOutcome>
  /**
   * Completes a payment that needed the shopper (after 3-D Secure or approval), or pays a hosted
   * payment with a token. Returns the new status; a decline is an outcome.
   */
  authorizePayment(input: {
    readonly providerReference: string
    readonly paymentMethod?: PaymentMethodInput | undefined
    readonly amount: Money
    readonly captureMode: CaptureMode
    readonly idempotencyKey: string
  }): Promise<PaymentOutcome>
  /** Captures an authorized payment (all of it or `amount`). */
  capturePayment(input: {
    readonly providerReference: string
    readonly amount: Money
    readonly idempotencyKey: string
  }): Promise<PaymentOutcome>
  /** Refunds captured money; `providerCaptureReference` is used when the provider needs it. */
  refundPayment(input: {
    readonly providerReference: string
    readonly providerCaptureReference?: string | undefined
    readonly amount: Money
    readonly reason?: string | undefined
    readonly idempotencyKey: string
  }): Promise<RefundOutcome>
  /** Releases an authorization that will not be captured. */
  cancelPayment(input: {
    readonly providerReference: string
    readonly idempotencyKey: string
  }): Promise<PaymentOutcome>
  /** Verifies a webhook's signature and translates it; a bad signature is a returned reason. */
  parseWebhook(webhook: RawWebhook): Promise<ParsedWebhook>
  /**
   * Turns a typed card into a provider token at once, so the number goes no further. Only the
   * sandbox offers it (real providers tokenize in the shopper's browser).
   */
  tokenizeCard?(
    card: CardInput,
  ): { ok: true; token: string; card: CardSummary } | { ok: false; reason: 'invalid-card-number' }
}
