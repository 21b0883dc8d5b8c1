/** Types of the events the catalog publishes. */
export const catalogEventTypes = {
  /** A product or its variants changed; payload `{ productId }`. */
  productChanged: 'catalog.product-changed',
} as const

/** Events of other areas that change what search knows (stock), listened to by type name only. */
export const stockChangeEventTypes = ['inventory.committed', 'inventory.restocked'] as const
