/**
 * Row shapes of the commerce part B tables (migration 0150): payments and their webhook receipts,
 * promotions and coupon codes, fraud screening, and the notification outbox. Portable across SQLite
 * and PostgreSQL: money is integer minor units, times are ISO-8601 text, JSON is text.
 */

/** `payments`: one attempt to take money for a checkout or order through one provider. */
export interface PaymentTable {
  id: string
  /** The checkout or order this payment is for (`crt_…`, `ord_…`). */
  checkout_reference: string
  order_id: string | null
  customer_id: string | null
  /** `sandbox`, `stripe` or `paypal`. */
  provider: string
  /** The provider's id of the payment (PaymentIntent, PayPal order, sandbox reference). */
  provider_reference: string | null
  /** The provider's id of the capture, when it differs (PayPal capture id). */
  provider_capture_reference: string | null
  status: string
  capture_mode: string
  amount: number
  captured_amount: number
  refunded_amount: number
  currency: string
  /** Stable key sent with the create call, derived from our ids. Unique. */
  idempotency_key: string
  /** Where the shopper completes the payment (3-D Secure, payment link, PayPal approval). */
  next_action_url: string | null
  /** Why the last attempt failed (`card-declined`…), when it did. */
  failure_reason: string | null
  /** JSON `{ brand, lastFour }` of the card used, when known; never a card number. */
  method_summary: string | null
  description: string
  created_at: string
  updated_at: string
}

/** `payment_refunds`: refunds of a payment, one row per refund request (idempotent on its key). */
export interface PaymentRefundTable {
  id: string
  payment_id: string
  amount: number
  currency: string
  reason: string | null
  idempotency_key: string
  provider_reference: string | null
  status: string
  created_at: string
}

/** `payment_webhook_events`: every provider event applied, keyed by (provider, event id). */
export interface PaymentWebhookEventTable {
  provider: string
  event_id: string
  type: string
  payment_id: string | null
  received_at: string
}

/** `promotions`: a promotion with its conditions and actions as data. */
export interface PromotionTable {
  id: string
  /** Stable key for seeding and the console (`save10`). Unique. */
  key: string
  /** LocalizedText JSON. */
  name: string
  /** 1 when shoppers must enter a code; 0 when it applies by itself when its conditions hold. */
  requires_code: number
  /** JSON array of `{ code, args }` conditions. */
  conditions: string
  /** JSON array of `{ code, args }` actions. */
  actions: string
  starts_at: string | null
  ends_at: string | null
  usage_limit: number | null
  usage_count: number
  is_active: number
  created_at: string
  updated_at: string
}

/** `coupon_codes`: codes that unlock a promotion (upper-case). */
export interface CouponCodeTable {
  code: string
  promotion_id: string
  usage_limit: number | null
  usage_count: number
  /** When set, only this customer may use the code. */
  customer_id: string | null
  expires_at: string | null
  /** Who created it (`seed`, `agt_…`). */
  created_by: string
  created_at: string
}

/** `promotion_redemptions`: promotions counted against a checkout; `released_at` when undone. */
export interface PromotionRedemptionTable {
  id: string
  promotion_id: string
  code: string | null
  checkout_reference: string
  customer_id: string | null
  discount_amount: number
  currency: string
  redeemed_at: string
  released_at: string | null
}

/** `fraud_attempts`: checkout and payment attempts, read by the velocity rules. */
export interface FraudAttemptTable {
  id: string
  kind: string
  customer_id: string | null
  ip_address: string | null
  card_fingerprint: string | null
  email: string | null
  occurred_at: string
}

/** `fraud_screenings`: every screening with its score, decision and reasons (JSON). */
export interface FraudScreeningTable {
  id: string
  checkout_reference: string
  customer_id: string | null
  score: number
  decision: string
  reasons: string
  created_at: string
}

/** `notifications`: the outbox of messages to shoppers; a failed send stays and is retried. */
export interface NotificationTable {
  id: string
  channel: string
  recipient: string
  locale: string
  template: string
  /** JSON of the data the message was rendered from. */
  data: string
  subject: string | null
  body: string
  status: string
  attempts: number
  last_error: string | null
  provider_reference: string | null
  created_at: string
  sent_at: string | null
  next_attempt_at: string | null
}

/** The commerce part B tables by name. */
export interface CommerceBTables {
  payments: PaymentTable
  payment_refunds: PaymentRefundTable
  payment_webhook_events: PaymentWebhookEventTable
  promotions: PromotionTable
  coupon_codes: CouponCodeTable
  promotion_redemptions: PromotionRedemptionTable
  fraud_attempts: FraudAttemptTable
  fraud_screenings: FraudScreeningTable
  notifications: NotificationTable
}
