import type { Db } from '../../db/database.ts'
import {
  notifyCustomer,
  type Notification,
  type NotificationsService,
} from '../../domains/notifications/index.ts'
import { isLocale, type Locale } from '../../shared/locale.ts'
import type { CheckoutNotifier } from '../place-order/index.ts'

/** What the confirmation workflow needs. */
export interface OrderConfirmationDependencies {
  readonly db: Db
  readonly notifications: Pick<NotificationsService, 'send'>
  /** The public tracking link of a parcel, once it ships. */
  readonly trackingUrl: (carrier: string, trackingNumber: string) => string
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

/**
 * Sends the order confirmation (order number, items, total, delivery estimate, tracking link) in the
 * customer's language by e-mail, and by SMS when the customer has a phone number. Reads the order,
 * its items, its fulfilments and the customer; returns the notifications recorded in the outbox.
 */
export async function sendOrderConfirmation(
  dependencies: OrderConfirmationDependencies,
  input: { orderId: string; locale?: string },
): Promise<Notification[]> {
  const { db } = dependencies
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', input.orderId)
    .executeTakeFirst()
  if (order === undefined) return []
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', order.customer_id)
    .executeTakeFirst()
  if (customer === undefined || customer.erased_at !== null) return []
  const items = await db
    .selectFrom('order_items')
    .select(['name', 'quantity', 'unit_price_amount'])
    .where('order_id', '=', order.id)
    .orderBy('position')
    .execute()
  const fulfillment = await db
    .selectFrom('fulfillments')
    .select(['carrier', 'tracking_numbers'])
    .where('order_id', '=', order.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const trackingNumber =
    fulfillment === undefined ? undefined : parseJson<string[]>(fulfillment.tracking_numbers, [])[0]
  const details = parseJson<{ estimatedDelivery?: { earliest?: string; latest?: string } | null }>(
    order.details,
    {},
  )
  const estimate = details.estimatedDelivery
  const locale: Locale = isLocale(input.locale)
    ? input.locale
    : isLocale(customer.locale)
      ? customer.locale
      : 'en'
  const data = {
    orderNumber: order.number,
    customerName: customer.first_name,
    items: items.map((item) => ({
      name: item.name,
      quantity: Number(item.quantity),
      unitPrice: { amount: Number(item.unit_price_amount), currency: order.currency },
    })),
    total: { amount: Number(order.total_amount), currency: order.currency },
    deliveryEstimate:
      estimate?.earliest === undefined || estimate.latest === undefined
        ? null
        : {
            earliestDate: estimate.earliest.slice(0, 10),
            latestDate: estimate.latest.slice(0, 10),
          },
    trackingUrl:
      trackingNumber === undefined
        ? null
        : dependencies.trackingUrl(fulfillment?.carrier ?? 'kedai', trackingNumber),
  }
  return notifyCustomer(dependencies.notifications, customer, {
    locale,
    template: 'order-confirmation',
    data,
  })
}

/** The checkout's {@link CheckoutNotifier} over {@link sendOrderConfirmation}. */
export function createOrderConfirmationNotifier(
  dependencies: OrderConfirmationDependencies,
): CheckoutNotifier {
  return {
    async sendOrderConfirmation(input) {
      await sendOrderConfirmation(dependencies, { orderId: input.orderId, locale: input.locale })
    },
  }
}
