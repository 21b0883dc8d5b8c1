/**
 * How τ²-bench's retail records map onto Kedai's: status words, payment-method sources and
 * addresses. Used by the import and by the export back to τ²'s JSON shape, so both stay inverse.
 */

/** τ² order status → Kedai status and whether the items were modified. */
export function mapTau2OrderStatus(status: string): { status: string; itemsModified: boolean } {
  switch (status) {
    case 'pending (item modified)':
      return { status: 'pending', itemsModified: true }
    case 'return requested':
      return { status: 'return-requested', itemsModified: false }
    case 'exchange requested':
      return { status: 'exchange-requested', itemsModified: false }
    default:
      return { status, itemsModified: false }
  }
}

/** Kedai status → τ² order status (inverse of {@link mapTau2OrderStatus}). */
export function convertToTau2OrderStatus(status: string, itemsModified: boolean): string {
  if (status === 'pending' && itemsModified) return 'pending (item modified)'
  if (status === 'return-requested') return 'return requested'
  if (status === 'exchange-requested') return 'exchange requested'
  return status
}

/** τ² payment source (`credit_card`) → Kedai payment-method kind (`credit-card`). */
export function mapTau2PaymentSource(source: string): string {
  return source.replaceAll('_', '-')
}

/** Kedai payment-method kind → τ² payment source. */
export function convertToTau2PaymentSource(kind: string): string {
  return kind.replaceAll('-', '_')
}

/** An address in Kedai's shape. */
export interface KedaiAddress {
  line1: string
  line2: string
  city: string
  state: string
  postcode: string
  country: string
}

/** τ² address → Kedai address. */
export function mapTau2Address(address: {
  address1: string
  address2: string
  city: string
  state: string
  country: string
  zip: string
}): KedaiAddress {
  return {
    line1: address.address1,
    line2: address.address2,
    city: address.city,
    state: address.state,
    postcode: address.zip,
    country: address.country,
  }
}

/** Kedai address → τ² address (key order as τ² writes it). */
export function convertToTau2Address(address: KedaiAddress): {
  address1: string
  address2: string
  city: string
  country: string
  state: string
  zip: string
} {
  return {
    address1: address.line1,
    address2: address.line2,
    city: address.city,
    country: address.country,
    state: address.state,
    zip: address.postcode,
  }
}
