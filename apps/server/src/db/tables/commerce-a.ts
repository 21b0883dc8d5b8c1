/**
 * Row shapes of the commerce tables of migration 0100 (stock reservations, carts, checkouts).
 * Portable across SQLite and PostgreSQL: times are ISO-8601 text, JSON is text.
 */

/** `stock_reservations`: units held for a checkout in progress until `expires_at`. */
export interface StockReservationTable {
  id: string
  /** What holds the units (a checkout key); all of a checkout's reservations share it. */
  reference: string
  variant_id: string
  location_id: string
  quantity: number
  /** `held`, `committed`, `released` or `expired`. */
  status: string
  expires_at: string
  created_at: string
  updated_at: string
}

/** `carts`: a guest cart (found by its token) or a customer's cart. */
export interface CartTable {
  id: string
  /** Opaque secret the shopper's browser or conversation keeps. Unique. */
  token: string
  customer_id: string | null
  /** `open`, `merged` or `checked-out`. */
  status: string
  currency: string
  locale: string
  order_id: string | null
  created_at: string
  updated_at: string
}

/** `cart_lines`: one variant in a cart, with the unit price the shopper was shown. */
export interface CartLineTable {
  id: string
  cart_id: string
  variant_id: string
  quantity: number
  unit_price_amount: number
  created_at: string
  updated_at: string
}

/** `checkouts`: one checkout attempt by its idempotency key, and its outcome once finished. */
export interface CheckoutTable {
  key: string
  cart_id: string
  /** `in-progress`, `succeeded` or `failed`. */
  status: string
  order_id: string | null
  /** JSON of the outcome returned to the shopper, replayed for a retried request. */
  outcome: string | null
  created_at: string
  updated_at: string
}

/** The commerce (part A) tables by name. */
export interface CommerceATables {
  stock_reservations: StockReservationTable
  carts: CartTable
  cart_lines: CartLineTable
  checkouts: CheckoutTable
}
