/** Where an order ships, as far as shipping cares. */
export interface ShippingAddress {
  /** ISO 3166-1 alpha-2 (`MY`, `SG`, `TW`). */
  readonly country: string
  readonly state?: string | null | undefined
  readonly postcode?: string | null | undefined
}
