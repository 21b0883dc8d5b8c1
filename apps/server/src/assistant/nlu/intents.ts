/**
 * The closed set of shopper intents of the NLU contract (`/work/shared/nlu/intents.md`).
 * `out_of_scope` is last: anything a retail assistant does not handle.
 */
export const intents = [
  'greeting',
  'goodbye',
  'thanks',
  'affirm',
  'deny',
  'product_search',
  'product_availability',
  'product_info',
  'recommendation',
  'add_to_cart',
  'view_cart',
  'remove_from_cart',
  'checkout',
  'apply_coupon',
  'restock_alert',
  'store_availability',
  'track_order',
  'cancel_order',
  'change_order',
  'change_shipping_address',
  'request_return',
  'exchange_item',
  'track_refund',
  'get_invoice',
  'shipping_info',
  'payment_methods',
  'payment_issue',
  'store_policy',
  'manage_account',
  'newsletter_subscription',
  'loyalty_points',
  'feedback',
  'complaint',
  'report_fraud',
  'request_special_discount',
  'contact_human_agent',
  'out_of_scope',
] as const

/** One of {@link intents}. */
export type Intent = (typeof intents)[number]

/** True when `value` is one of the contract's intents. */
export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (intents as readonly string[]).includes(value)
}

/** The entity types of the NLU contract. */
export const entityTypes = [
  'product',
  'category',
  'size',
  'color',
  'option',
  'quantity',
  'money',
  'order_id',
  'email',
  'phone',
  'coupon_code',
  'person_name',
  'city',
  'country',
  'zip',
  'address',
  'date',
  'payment_method',
  'store',
] as const

/** One of {@link entityTypes}. */
export type EntityType = (typeof entityTypes)[number]

/** True when `value` is one of the contract's entity types. */
export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (entityTypes as readonly string[]).includes(value)
}
