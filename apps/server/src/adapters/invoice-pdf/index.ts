/** Order invoices as PDF (pdf-lib). */
export { createPdfInvoiceRenderer } from './pdf-invoice-renderer.ts'
