/** An address as τ²-bench writes it. */
export interface Tau2Address {
  address1: string
  address2: string
  city: string
  country: string
  state: string
  zip: string
}

/** A τ² order record (`Order` of τ²'s retail data model, optional fields as null). */
export interface Tau2Order {
  order_id: string
  user_id: string
  address: Tau2Address
  items: {
    name: string
    product_id: string
    item_id: string
    price: number
    options: Record<string, string>
  }[]
  status: string
  fulfillments: { tracking_id: string[]; item_ids: string[] }[]
  payment_history: { transaction_type: string; amount: number; payment_method_id: string }[]
  cancel_reason: string | null
  exchange_items: string[] | null
  exchange_new_items: string[] | null
  exchange_payment_method_id: string | null
  exchange_price_difference: number | null
  return_items: string[] | null
  return_payment_method_id: string | null
}

/** A τ² saved payment method. */
export type Tau2PaymentMethod =
  | { source: 'credit_card'; id: string; brand: string; last_four: string }
  | { source: 'gift_card'; id: string; balance: number }
  | { source: string; id: string }

/** A τ² user record. */
export interface Tau2User {
  user_id: string
  name: { first_name: string; last_name: string }
  address: Tau2Address
  email: string
  payment_methods: Record<string, Tau2PaymentMethod>
  orders: string[]
}

/** A τ² variant (item). */
export interface Tau2Variant {
  item_id: string
  options: Record<string, string>
  available: boolean
  price: number
}

/** A τ² product with its variants by item id. */
export interface Tau2Product {
  name: string
  product_id: string
  variants: Record<string, Tau2Variant>
}
