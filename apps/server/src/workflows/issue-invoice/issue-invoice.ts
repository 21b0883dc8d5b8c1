import type { CustomerService } from '../../domains/customers/index.ts'
import {
  formatInvoiceNumber,
  isTaxIncluded,
  type Invoice,
  type InvoiceLinks,
  type InvoiceParty,
  type InvoiceRenderer,
} from '../../domains/invoices/index.ts'
import type { Order, OrderService } from '../../domains/orders/index.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { OrderAccess } from '../order-operations/index.ts'

/** The invoice parts the server is wired with: links, the PDF renderer and the store as seller. */
export interface InvoiceServices {
  readonly links: InvoiceLinks
  readonly renderer: InvoiceRenderer
  readonly seller: InvoiceParty
}

/** What issuing and rendering invoices needs. */
export interface IssueInvoiceDependencies extends InvoiceServices {
  readonly orders: Pick<OrderService, 'getOrderByNumber' | 'products'>
  readonly customers: Pick<CustomerService, 'getCustomer'>
  /** Base URL of the store API, for the invoice link. */
  readonly publicUrl: string
}

/** The seller printed on invoices when the store file names none. */
export const defaultInvoiceSeller: InvoiceParty = { name: 'Kedai', lines: [] }

/** Why an invoice link was not issued. */
export type IssueInvoiceRefusal = 'order-not-found' | 'order-cancelled'

/** An issued invoice link. */
export interface IssuedInvoice {
  readonly invoiceNumber: string
  readonly url: string
  readonly expiresAt: string
}

/** The download link of an order's invoice for a link token. */
export function invoiceUrlOf(publicUrl: string, orderNumber: string, token: string): string {
  const number = encodeURIComponent(orderNumber.replace(/^#/, ''))
  return `${publicUrl.replace(/\/$/, '')}/api/store/orders/${number}/invoice?token=${encodeURIComponent(token)}`
}

/**
 * Issues a signed, expiring link to the invoice of an order the caller may see (a shopper only their
 * own; any other order is "not found"). A cancelled order has no invoice.
 */
export async function issueInvoiceLink(
  dependencies: IssueInvoiceDependencies,
  input: { access: OrderAccess; orderNumber: string },
): Promise<Result<IssuedInvoice, IssueInvoiceRefusal>> {
  const order = await dependencies.orders.getOrderByNumber(input.orderNumber)
  if (order === undefined) return fail('order-not-found')
  if (input.access.kind === 'customer' && order.customerId !== input.access.customerId)
    return fail('order-not-found')
  if (order.status === 'cancelled') return fail('order-cancelled')
  const { token, expiresAt } = dependencies.links.issue({
    orderId: order.id,
    orderNumber: order.number,
    customerId: order.customerId,
  })
  return succeed({
    invoiceNumber: formatInvoiceNumber(order.number),
    url: invoiceUrlOf(dependencies.publicUrl, order.number, token),
    expiresAt,
  })
}

/** How a payment method reads on an invoice (`credit_card_7815826` → `credit card 7815826`). */
export function describePaymentMethod(reference: string): string {
  if (reference === 'card') return 'card'
  if (reference === 'hosted-page') return 'online payment'
  const match = /^(credit_card|debit_card|gift_card|paypal)_(\w+)$/.exec(reference)
  if (match === null) return reference
  const kind = match[1] === 'paypal' ? 'PayPal' : (match[1] ?? '').replace('_', ' ')
  return `${kind} ${match[2] ?? ''}`.trim()
}

/** The invoice of an order: its lines (English product names), totals and payment history. */
export async function buildOrderInvoice(
  dependencies: Pick<IssueInvoiceDependencies, 'orders' | 'customers' | 'seller'>,
  order: Order,
): Promise<Invoice> {
  const customer = await dependencies.customers.getCustomer(order.customerId)
  const names = new Map<string, string>()
  for (const productId of new Set(order.items.map((item) => item.productId))) {
    const product = await dependencies.orders.products.findProduct(productId)
    if (product !== undefined) names.set(productId, product.name)
  }
  const address = order.shippingAddress
  return {
    invoiceNumber: formatInvoiceNumber(order.number),
    orderNumber: order.number,
    issuedAt: order.placedAt,
    currency: order.currency,
    seller: dependencies.seller,
    billTo: {
      name: customer === undefined ? '' : `${customer.firstName} ${customer.lastName}`.trim(),
      lines: [
        ...(customer?.email === null || customer?.email === undefined ? [] : [customer.email]),
        address.line1,
        address.line2,
        `${address.postcode} ${address.city}`.trim(),
        address.state === address.city ? '' : address.state,
        address.country,
      ].filter((line) => line.length > 0),
    },
    lines: order.items.map((item) => {
      const options = Object.values(item.options).join(', ')
      const name = names.get(item.productId) ?? item.name
      return {
        description: options.length === 0 ? name : `${name} (${options})`,
        sku: item.sku,
        quantity: item.quantity,
        unitAmount: item.unitPriceAmount,
        amount: item.unitPriceAmount * item.quantity,
      }
    }),
    subtotalAmount: order.subtotalAmount,
    discountAmount: order.discountAmount,
    shippingAmount: order.shippingAmount,
    taxAmount: order.taxAmount,
    taxIncluded: isTaxIncluded(order),
    totalAmount: order.totalAmount,
    payments: order.payments.map((payment) => ({
      kind: payment.kind,
      method: describePaymentMethod(payment.paymentMethodReference),
      amount: payment.amount,
      status: payment.status,
    })),
  }
}

/** Renders the PDF invoice of an order. */
export async function renderOrderInvoice(
  dependencies: Pick<IssueInvoiceDependencies, 'orders' | 'customers' | 'seller' | 'renderer'>,
  order: Order,
): Promise<Uint8Array> {
  return dependencies.renderer.render(await buildOrderInvoice(dependencies, order))
}
