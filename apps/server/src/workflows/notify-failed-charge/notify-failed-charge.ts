import type { Db } from '../../db/database.ts'
import {
  notifyCustomer,
  type Notification,
  type NotificationsService,
} from '../../domains/notifications/index.ts'
import { isLocale } from '../../shared/locale.ts'

/** What the failed-charge notice needs. */
export interface FailedChargeNoticeDependencies {
  readonly db: Db
  readonly notifications: Pick<NotificationsService, 'send'>
}

/** A price difference the payment provider would not take (the `charge.failed` event's facts). */
export interface FailedCharge {
  readonly orderId: string
  readonly amount: number
  readonly currency: string
  readonly paymentMethodReference: string
}

/**
 * Tells the customer, in their language, that the price difference of their order (a dearer exchange
 * or item change) could not be charged to their saved card and how to pay it: by e-mail, and by SMS
 * when they have a phone number. Nothing is sent to an erased customer. Returns the notifications
 * recorded in the outbox.
 */
export async function notifyFailedCharge(
  dependencies: FailedChargeNoticeDependencies,
  charge: FailedCharge,
): Promise<Notification[]> {
  const { db } = dependencies
  const order = await db
    .selectFrom('orders')
    .select(['number', 'customer_id'])
    .where('id', '=', charge.orderId)
    .executeTakeFirst()
  if (order === undefined) return []
  const customer = await db
    .selectFrom('customers')
    .select(['first_name', 'email', 'phone', 'locale', 'erased_at'])
    .where('id', '=', order.customer_id)
    .executeTakeFirst()
  if (customer === undefined || customer.erased_at !== null) return []
  const card = await db
    .selectFrom('payment_methods')
    .select('last_four')
    .where('customer_id', '=', order.customer_id)
    .where('reference', '=', charge.paymentMethodReference)
    .executeTakeFirst()
  const locale = isLocale(customer.locale) ? customer.locale : 'en'
  const data = {
    orderNumber: order.number,
    customerName: customer.first_name,
    amount: { amount: charge.amount, currency: charge.currency },
    cardLastFour: card?.last_four ?? null,
  }
  return notifyCustomer(dependencies.notifications, customer, {
    locale,
    template: 'charge-failed',
    data,
  })
}
