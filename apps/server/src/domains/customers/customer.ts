/** A shopper's postal address. */
export interface CustomerAddress {
  readonly line1: string
  readonly line2: string
  readonly city: string
  readonly state: string
  readonly postcode: string
  readonly country: string
}

/** A saved payment method: a provider token, brand and last four digits, or a gift card balance. */
export interface SavedPaymentMethod {
  readonly id: string
  /** The id the shopper and imports know (`credit_card_7815826`, `gift_card_1234567`). */
  readonly reference: string
  /** `credit-card`, `gift-card`, `paypal`… */
  readonly kind: string
  readonly brand: string | null
  readonly lastFour: string | null
  /** Minor units, gift cards only. */
  readonly balanceAmount: number | null
  readonly currency: string
  /** True when a provider token is on file, so checkout can charge it without a card being typed. */
  readonly isChargeable: boolean
}

/** A customer record (CRM). */
export interface Customer {
  readonly id: string
  readonly handle: string | null
  readonly firstName: string
  readonly lastName: string
  readonly email: string | null
  readonly phone: string | null
  readonly locale: string
  readonly marketingConsent: boolean
  readonly loyaltyPoints: number
  readonly loyaltyTier: string
  readonly erasedAt: string | null
}

/** A customer with the default address, saved payment methods (in saved order) and order numbers. */
export interface CustomerProfile {
  readonly customer: Customer
  readonly defaultAddress: CustomerAddress | null
  readonly addresses: readonly (CustomerAddress & { id: string; isDefault: boolean })[]
  readonly paymentMethods: readonly SavedPaymentMethod[]
  /** Order numbers, oldest first. */
  readonly orderNumbers: readonly string[]
}

/** True when a saved method is a gift card (its balance can pay and be refunded at once). */
export function isGiftCard(method: Pick<SavedPaymentMethod, 'kind'>): boolean {
  return method.kind === 'gift-card'
}
