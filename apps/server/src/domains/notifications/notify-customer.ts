import type { Locale } from '../../shared/locale.ts'
import type {
  Notification,
  NotificationTemplate,
  NotificationsService,
} from './notifications-service.ts'

/** A phone number SMS can reach (E.164). */
const smsNumber = /^\+[1-9]\d{6,14}$/

/**
 * Sends `template` to a customer by e-mail when they have an address, and by SMS when they have a
 * phone number in E.164 form; returns the notifications recorded in the outbox.
 */
export async function notifyCustomer(
  notifications: Pick<NotificationsService, 'send'>,
  customer: { readonly email: string | null; readonly phone: string | null },
  message: {
    readonly locale: Locale
    readonly template: NotificationTemplate
    readonly data: unknown
  },
): Promise<Notification[]> {
  const sent: Notification[] = []
  if (customer.email !== null) {
    sent.push(await notifications.send({ channel: 'email', to: customer.email, ...message }))
  }
  if (customer.phone !== null && smsNumber.test(customer.phone)) {
    sent.push(await notifications.send({ channel: 'sms', to: customer.phone, ...message }))
  }
  return sent
}
