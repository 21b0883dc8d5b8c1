/**
 * Row shapes of the core tables created by migration 0001 (catalog, stock, customers, orders,
 * events, policies). Portable across SQLite and PostgreSQL: money is integer minor units, times are
 * ISO-8601 text, booleans are 0/1 integers, JSON is text.
 */

/** `categories`: the catalog's category tree. `name` is LocalizedText JSON. */
export interface CategoryTable {
  key: string
  parent_key: string | null
  name: string
  position: number
}

/** `products`: a product; sellable units are its variants. */
export interface ProductTable {
  id: string
  /** Id in the system the product came from (τ²'s `product_id`), when imported. */
  external_id: string | null
  slug: string
  category_key: string | null
  /** LocalizedText JSON. */
  name: string
  /** LocalizedText JSON. */
  description: string
  brand: string | null
  /** JSON array of search synonyms in any language. */
  tags: string
  /** JSON array of option names in display order (`["size","color"]`). */
  option_names: string
  image_url: string | null
  /** JSON array of product ids that go well with this one (upsell). */
  complements: string
  status: string
  created_at: string
  updated_at: string
}

/** `product_variants`: one sellable combination of options. */
export interface ProductVariantTable {
  id: string
  product_id: string
  /** The store's item number (τ²'s `item_id`). Unique. */
  sku: string
  /** JSON object of option name → value (`{"size":"9","color":"black"}`). */
  options: string
  price_amount: number
  currency: string
  /** 0 when the store does not sell this variant at the moment, whatever the stock. */
  is_available: number
  created_at: string
  updated_at: string
}

/** `locations`: the online warehouse and the physical stores. */
export interface LocationTable {
  id: string
  code: string
  kind: string
  name: string
  address: string
  phone: string | null
  timezone: string
  opening_hours: string | null
  holidays_closed: string
  /** JSON object of category key → aisle text. */
  aisles: string
  created_at: string
}

/** `stock_levels`: units of a variant at a location; `reserved` are held by checkouts in progress. */
export interface StockLevelTable {
  variant_id: string
  location_id: string
  on_hand: number
  reserved: number
  aisle: string | null
  updated_at: string
}

/** `customers`: shoppers with an account or imported history. */
export interface CustomerTable {
  id: string
  /** Public handle (τ²'s `user_id`, such as `noah_brown_6181`). */
  handle: string | null
  first_name: string
  last_name: string
  /** Lower-cased e-mail. */
  email: string | null
  phone: string | null
  locale: string
  marketing_consent: number
  loyalty_points: number
  loyalty_tier: string
  created_at: string
  updated_at: string
  /** Set when the customer's personal data was erased on request. */
  erased_at: string | null
}

/** `customer_addresses`: saved addresses; one may be the default. */
export interface CustomerAddressTable {
  id: string
  customer_id: string
  line1: string
  line2: string
  city: string
  state: string
  postcode: string
  country: string
  is_default: number
  created_at: string
}

/** `payment_methods`: saved payment methods as provider tokens (never card numbers). */
export interface PaymentMethodTable {
  id: string
  customer_id: string
  /** The id the customer and imports know (τ²'s `credit_card_7815826`). Unique. */
  reference: string
  kind: string
  brand: string | null
  last_four: string | null
  /** Remaining balance in minor units, for gift cards. */
  balance_amount: number | null
  currency: string
  provider: string
  provider_token: string | null
  created_at: string
  removed_at: string | null
}

/** `orders`: a placed order and its money totals. */
export interface OrderTable {
  id: string
  /** The order number shown to shoppers (`#W2378156`). Unique. */
  number: string
  customer_id: string
  status: string
  currency: string
  /** JSON address the order ships to. */
  shipping_address: string
  subtotal_amount: number
  discount_amount: number
  shipping_amount: number
  tax_amount: number
  total_amount: number
  /** 1 once the items were modified (τ²'s "pending (item modified)"). */
  items_modified: number
  cancel_reason: string | null
  /** JSON of the open return or exchange request and other per-order facts. */
  details: string
  conversation_id: string | null
  placed_at: string
  created_at: string
  updated_at: string
}

/** `order_items`: the lines of an order, in order. */
export interface OrderItemTable {
  id: string
  order_id: string
  position: number
  product_id: string
  variant_id: string
  sku: string
  name: string
  options: string
  unit_price_amount: number
  quantity: number
}

/** `fulfillments`: shipments of some items of an order. */
export interface FulfillmentTable {
  id: string
  order_id: string
  carrier: string | null
  /** JSON array of tracking numbers. */
  tracking_numbers: string
  /** JSON array of the SKUs shipped. */
  item_skus: string
  status: string
  /** JSON array of tracking events. */
  events: string
  shipped_at: string | null
  delivered_at: string | null
  created_at: string
}

/** `payment_transactions`: the money history of an order (payments and refunds), in order. */
export interface PaymentTransactionTable {
  id: string
  order_id: string
  position: number
  kind: string
  amount: number
  currency: string
  payment_method_id: string | null
  payment_method_reference: string
  status: string
  provider_reference: string | null
  created_at: string
  /** Why a refund failed (`refund-failed`, `not-refundable`…), when it did (migration 0210). */
  failure_reason?: string | null
  /** How many times a refund was sent to the payment provider without an answer (default 0). */
  attempt_count?: number
  /** When a refund whose provider did not answer is tried again; null when nothing is due. */
  next_attempt_at?: string | null
}

/** `domain_events`: every fact a domain published; analytics and jobs read it. */
export interface DomainEventTable {
  id: string
  type: string
  aggregate_id: string
  payload: string
  occurred_at: string
}

/** `policy_documents`: the store's policies and FAQ, one row per document and locale. */
export interface PolicyDocumentTable {
  id: string
  slug: string
  locale: string
  title: string
  body: string
  updated_at: string
}

/** `settings`: small key/value facts about this installation (JSON values). */
export interface SettingTable {
  key: string
  value: string
  updated_at: string
}

/** The core tables by name. */
export interface CoreTables {
  categories: CategoryTable
  products: ProductTable
  product_variants: ProductVariantTable
  locations: LocationTable
  stock_levels: StockLevelTable
  customers: CustomerTable
  customer_addresses: CustomerAddressTable
  payment_methods: PaymentMethodTable
  orders: OrderTable
  order_items: OrderItemTable
  fulfillments: FulfillmentTable
  payment_transactions: PaymentTransactionTable
  domain_events: DomainEventTable
  policy_documents: PolicyDocumentTable
  settings: SettingTable
}
