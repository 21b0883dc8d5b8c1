/** Types of the events the inventory domain publishes. */
export const inventoryEventTypes = {
  /** Units arrived at a location; payload `{ variantId, locationId, quantity, availableBefore, availableAfter }`. */
  restocked: 'inventory.restocked',
  /** A checkout's reserved units were sold; aggregate is the checkout reference, payload `{ variantIds }`. */
  committed: 'inventory.committed',
} as const
