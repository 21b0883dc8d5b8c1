import type { CustomerService } from '../../domains/customers/index.ts'
import type { NotificationSender } from '../../domains/notifications/index.ts'
import type { Order, OrderService } from '../../domains/orders/index.ts'
import {
  labelInstructions,
  renderReturnInstructions,
  type ReturnLabelRenderer,
  type ReturnRecord,
  type ReturnService,
} from '../../domains/returns/index.ts'
import { isLocale, pickText, type Locale } from '../../shared/locale.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { OrderAccess, OrderOperations } from '../order-operations/index.ts'

/** Where returned parcels go. */
export interface ReturnAddress {
  readonly name: string
  readonly lines: readonly string[]
}

/** What starting a return needs. */
export interface StartReturnDependencies {
  readonly operations: OrderOperations
  readonly orders: OrderService
  readonly customers: CustomerService
  readonly returns: ReturnService
  readonly renderer: ReturnLabelRenderer
  /** Sends the instructions e-mail; without one the return is created and the link returned only. */
  readonly emailSender?: NotificationSender | undefined
  /** Base URL of the store API, for the label link. */
  readonly publicUrl: string
  readonly returnAddress: ReturnAddress
}

/** The label and e-mail parts of returns the server is wired with. */
export type ReturnLabelServices = Pick<
  StartReturnDependencies,
  'renderer' | 'emailSender' | 'returnAddress'
>

/** A started return: the order after the request, the RMA, the label link and whether it was e-mailed. */
export interface StartedReturn {
  readonly order: Order
  readonly returnRecord: ReturnRecord
  readonly labelUrl: string
  readonly labelLinkExpiresAt: string
  readonly emailed: boolean
}

/** The default return address of the demo store. */
export const defaultReturnAddress: ReturnAddress = {
  name: 'Kedai Returns Centre',
  lines: ['Lot 12, Jalan Gudang 3', 'Shah Alam 40150', 'Selangor, Malaysia'],
}

/** The label link for a return token. */
export function labelUrlOf(publicUrl: string, returnId: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/store/returns/${returnId}/label?token=${encodeURIComponent(token)}`
}

/**
 * Starts a return: requests it on the order (policy checks), creates the RMA, issues a label link bound
 * to the customer and e-mails the instructions in the shopper's language.
 */
export async function startReturn(
  dependencies: StartReturnDependencies,
  input: {
    access: OrderAccess
    orderNumber: string
    items: readonly string[]
    paymentMethodReference: string
    locale?: string | undefined
  },
): Promise<Result<StartedReturn, string, { sku?: string }>> {
  const requested = await dependencies.operations.returnOrderItems(
    input.access,
    input.orderNumber,
    input.items,
    input.paymentMethodReference,
  )
  if (!requested.ok) return requested
  const started = await issueReturn(dependencies, requested.value, input.locale)
  return started === undefined ? fail('customer-not-found', {}) : succeed(started)
}

/**
 * Starts an exchange: requests it on the order (policy checks), then issues the RMA, label link and
 * e-mail for the items to send back (no new order is placed).
 */
export async function startExchange(
  dependencies: StartReturnDependencies,
  input: {
    access: OrderAccess
    orderNumber: string
    items: readonly string[]
    newItems: readonly string[]
    paymentMethodReference: string
    locale?: string | undefined
  },
): Promise<Result<StartedReturn, string, { sku?: string }>> {
  const requested = await dependencies.operations.exchangeOrderItems(
    input.access,
    input.orderNumber,
    input.items,
    input.newItems,
    input.paymentMethodReference,
  )
  if (!requested.ok) return requested
  const started = await issueReturn(dependencies, requested.value, input.locale)
  return started === undefined ? fail('customer-not-found', {}) : succeed(started)
}

/** Creates the RMA, label link and e-mail for an order whose return or exchange was just requested. */
export async function issueReturn(
  dependencies: StartReturnDependencies,
  order: Order,
  localeOverride?: string,
): Promise<StartedReturn | undefined> {
  const profile = await dependencies.customers.getProfile(order.customerId)
  if (profile === undefined) return undefined
  const request = order.details.returnRequest ?? order.details.exchangeRequest
  const locale: Locale = isLocale(localeOverride)
    ? localeOverride
    : isLocale(profile.customer.locale)
      ? profile.customer.locale
      : 'en'
  const returnRecord = await dependencies.returns.createReturn({
    orderId: order.id,
    orderNumber: order.number,
    customerId: order.customerId,
    items: request?.items ?? [],
    refundPaymentMethodReference:
      request?.paymentMethodReference ?? order.payments[0]?.paymentMethodReference ?? '',
    locale,
  })
  const { token, expiresAt } = dependencies.returns.issueLabelToken(returnRecord)
  const labelUrl = labelUrlOf(dependencies.publicUrl, returnRecord.id, token)
  let emailed = false
  if (dependencies.emailSender !== undefined && profile.customer.email !== null) {
    const names = new Map(
      order.items.map((item) => [
        item.sku,
        `${item.name} (${Object.values(item.options).join(', ')})`,
      ]),
    )
    const message = renderReturnInstructions(locale, {
      rmaNumber: returnRecord.rmaNumber,
      orderNumber: order.number,
      items: returnRecord.items.map((sku) => names.get(sku) ?? sku),
      labelUrl,
      expiresAt,
    })
    const outcome = await dependencies.emailSender.send({
      channel: 'email',
      to: profile.customer.email,
      subject: message.subject,
      text: message.text,
    })
    emailed = outcome.ok
  }
  return { order, returnRecord, labelUrl, labelLinkExpiresAt: expiresAt, emailed }
}

/** Renders the PDF label of a return (sender is the order's shipping address). */
export async function renderReturnLabel(
  dependencies: Pick<
    StartReturnDependencies,
    'orders' | 'customers' | 'renderer' | 'returnAddress'
  >,
  record: ReturnRecord,
  issuedAt: Date,
): Promise<Uint8Array> {
  const order = await dependencies.orders.getOrder(record.orderId)
  const customer = await dependencies.customers.getCustomer(record.customerId)
  const address = order?.shippingAddress
  return dependencies.renderer.render({
    rmaNumber: record.rmaNumber,
    orderNumber: record.orderNumber,
    sender: {
      name: customer === undefined ? 'Customer' : `${customer.firstName} ${customer.lastName}`,
      lines:
        address === undefined
          ? []
          : [
              address.line1,
              address.line2,
              `${address.city} ${address.state} ${address.postcode}`.trim(),
              address.country,
            ].filter((line) => line.length > 0),
    },
    recipient: dependencies.returnAddress,
    items: record.items,
    instructions: pickText(labelInstructions, record.locale),
    issuedAt: issuedAt.toISOString(),
  })
}
