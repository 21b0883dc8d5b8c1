import type { Invoice } from './invoice.ts'

/**
 * Renders an invoice as PDF bytes (port owned by invoices; implemented by `adapters/invoice-pdf`).
 */
export interface InvoiceRenderer {
  render(invoice: Invoice): Promise<Uint8Array>
}
