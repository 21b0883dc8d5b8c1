/** Who issues an invoice: the store's name and its address or contact lines. */
export interface InvoiceParty {
  readonly name: string
  readonly lines: readonly string[]
}

/** One line of an invoice: what was sold, how many, and for how much (minor units). */
export interface InvoiceLine {
  readonly description: string
  readonly sku: string
  readonly quantity: number
  readonly unitAmount: number
  readonly amount: number
}

/** A movement of money printed under the totals: the payment, and any refunds. */
export interface InvoicePayment {
  readonly kind: 'payment' | 'refund'
  readonly method: string
  readonly amount: number
  readonly status: string
}

/** Everything printed on an order's invoice. Amounts are integer minor units of `currency`. */
export interface Invoice {
  readonly invoiceNumber: string
  readonly orderNumber: string
  /** When the order was placed (the invoice date). */
  readonly issuedAt: string
  readonly currency: string
  readonly seller: InvoiceParty
  readonly billTo: InvoiceParty
  readonly lines: readonly InvoiceLine[]
  readonly subtotalAmount: number
  readonly discountAmount: number
  readonly shippingAmount: number
  readonly taxAmount: number
  /** True when the prices already include the tax (the total does not add it again). */
  readonly taxIncluded: boolean
  readonly totalAmount: number
  readonly payments: readonly InvoicePayment[]
}

/** The invoice number of an order: `INV-` and the order number's letters and digits. */
export function formatInvoiceNumber(orderNumber: string): string {
  return `INV-${orderNumber.replace(/[^0-9A-Za-z]/g, '').toUpperCase()}`
}

/**
 * True when the tax is part of the prices: subtotal − discount + shipping already makes the total.
 * Otherwise the tax is added on top.
 */
export function isTaxIncluded(totals: {
  readonly subtotalAmount: number
  readonly discountAmount: number
  readonly shippingAmount: number
  readonly taxAmount: number
  readonly totalAmount: number
}): boolean {
  if (totals.taxAmount === 0) return true
  return (
    totals.subtotalAmount - totals.discountAmount + totals.shippingAmount === totals.totalAmount
  )
}
