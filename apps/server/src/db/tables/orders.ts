/**
 * Row shapes of the post-purchase tables created by migration 0200: shopper verification (state per
 * conversation and every attempt) and returns (RMAs).
 */

/** `shopper_verifications`: whether a conversation's shopper proved who they are, or is locked out. */
export interface ShopperVerificationTable {
  conversation_id: string
  customer_id: string | null
  /** `unverified`, `verified` or `locked`. */
  status: string
  failed_attempts: number
  verified_at: string | null
  locked_at: string | null
  updated_at: string
}

/** `verification_attempts`: every attempt to verify a shopper, kept for audit and rate limits. */
export interface VerificationAttemptTable {
  id: string
  conversation_id: string
  /** `email-and-order-number` or `name-and-postcode`. */
  method: string
  succeeded: number
  customer_id: string | null
  created_at: string
}

/** `returns`: a return merchandise authorisation (RMA) for items of a delivered order. */
export interface ReturnTable {
  id: string
  /** Human RMA number printed on the label (`RMA-2611340-1`). Unique. */
  rma_number: string
  order_id: string
  order_number: string
  customer_id: string
  status: string
  /** JSON array of the returned SKUs. */
  items: string
  refund_payment_method_reference: string
  /** Locale of the shopper's instructions and e-mail. */
  locale: string
  created_at: string
  updated_at: string
}

/** The post-purchase tables by name. */
export interface OrdersTables {
  shopper_verifications: ShopperVerificationTable
  verification_attempts: VerificationAttemptTable
  returns: ReturnTable
}
