/**
 * Row shapes of the payment-link checkouts (migration 0160). Portable across SQLite and
 * PostgreSQL: times are ISO-8601 text, JSON is text.
 */

/** `payment_link_checkouts`: a conversation's checkout waiting for payment on a hosted page. */
export interface PaymentLinkCheckoutTable {
  /** The payment the link pays (`pay_…`). */
  payment_id: string
  /** The checkout's idempotency key; the order is placed by retrying it once paid. */
  checkout_key: string
  conversation_id: string
  /** The language the conversation is told the outcome in. */
  locale: string
  /** JSON of the place-order input (no card data: the payment is on the hosted page). */
  input: string
  /** `waiting`, `placing`, `placed` or `failed`. */
  status: string
  order_id: string | null
  /** JSON of the place-order outcome once settled. */
  outcome: string | null
  created_at: string
  updated_at: string
}

/** The payment-link tables by name. */
export interface PaymentLinkTables {
  payment_link_checkouts: PaymentLinkCheckoutTable
}
