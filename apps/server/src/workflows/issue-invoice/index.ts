export {
  buildOrderInvoice,
  defaultInvoiceSeller,
  describePaymentMethod,
  invoiceUrlOf,
  issueInvoiceLink,
  renderOrderInvoice,
  type InvoiceServices,
  type IssueInvoiceDependencies,
  type IssueInvoiceRefusal,
  type IssuedInvoice,
} from './issue-invoice.ts'
