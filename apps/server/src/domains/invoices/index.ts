export {
  formatInvoiceNumber,
  isTaxIncluded,
  type Invoice,
  type InvoiceLine,
  type InvoiceParty,
  type InvoicePayment,
} from './invoice.ts'
export {
  createInvoiceLinks,
  type InvoiceGrant,
  type InvoiceLinkRefusal,
  type InvoiceLinks,
  type InvoiceLinksDependencies,
} from './invoice-links.ts'
export type { InvoiceRenderer } from './invoice-renderer.ts'
