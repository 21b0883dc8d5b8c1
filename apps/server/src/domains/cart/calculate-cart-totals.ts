import type { Money } from '../../shared/money.ts'

/** How prices carry tax: `inclusive` prices already contain it (shown as a part), `exclusive` add it. */
export const taxModes = ['inclusive', 'exclusive'] as const

/** One of {@link taxModes}. */
export type TaxMode = (typeof taxModes)[number]

/** The store's tax rule: a single rate in basis points (600 = 6 %) and how prices carry it. */
export interface TaxConfiguration {
  readonly rateBasisPoints: number
  readonly mode: TaxMode
}

/**
 * The default: Malaysian SST-like 6 % included in shelf prices, so the total a shopper sees on a
 * product is what they pay and the tax is shown as the part of it that is tax.
 */
export const defaultTaxConfiguration: TaxConfiguration = { rateBasisPoints: 600, mode: 'inclusive' }

/** The money summary of a cart or an order. */
export interface CartTotals {
  readonly itemCount: number
  readonly subtotal: Money
  readonly discount: Money
  readonly shipping: Money
  /** Tax in the total (inclusive) or added to it (exclusive). */
  readonly tax: Money
  readonly total: Money
  readonly taxMode: TaxMode
  readonly taxRateBasisPoints: number
}

/**
 * Totals of lines with a discount and shipping: discount is capped at the subtotal; tax is computed on
 * `subtotal - discount + shipping` and rounded half up to a minor unit.
 */
export function calculateCartTotals(input: {
  readonly lines: readonly { readonly unitPriceAmount: number; readonly quantity: number }[]
  readonly currency: string
  readonly discountAmount?: number
  readonly shippingAmount?: number
  readonly tax: TaxConfiguration
}): CartTotals {
  const { currency, tax } = input
  const subtotal = input.lines.reduce((sum, line) => sum + line.unitPriceAmount * line.quantity, 0)
  const itemCount = input.lines.reduce((sum, line) => sum + line.quantity, 0)
  const discount = Math.min(Math.max(0, input.discountAmount ?? 0), subtotal)
  const shipping = Math.max(0, input.shippingAmount ?? 0)
  const taxable = subtotal - discount + shipping
  const taxAmount =
    tax.mode === 'inclusive'
      ? Math.round((taxable * tax.rateBasisPoints) / (10_000 + tax.rateBasisPoints))
      : Math.round((taxable * tax.rateBasisPoints) / 10_000)
  return {
    itemCount,
    subtotal: { amount: subtotal, currency },
    discount: { amount: discount, currency },
    shipping: { amount: shipping, currency },
    tax: { amount: taxAmount, currency },
    total: { amount: tax.mode === 'inclusive' ? taxable : taxable + taxAmount, currency },
    taxMode: tax.mode,
    taxRateBasisPoints: tax.rateBasisPoints,
  }
}
