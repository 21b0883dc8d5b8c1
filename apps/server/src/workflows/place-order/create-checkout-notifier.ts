import type { NotificationsService } from '../../domains/notifications/index.ts'
import type { CheckoutNotifier } from './checkout-ports.ts'

/**
 * {@link CheckoutNotifier} over the notifications domain: the order confirmation by e-mail, and by
 * SMS when the customer has a phone number, in the language the shopper checked out in.
 */
export function createCheckoutNotifier(
  notifications: Pick<NotificationsService, 'send'>,
): CheckoutNotifier {
  return {
    async sendOrderConfirmation(confirmation) {
      const data = {
        orderNumber: confirmation.orderNumber,
        customerName: confirmation.customerName,
        items: confirmation.items,
        total: confirmation.total,
        deliveryEstimate:
          confirmation.estimatedDelivery === null
            ? null
            : {
                earliestDate: confirmation.estimatedDelivery.earliest.slice(0, 10),
                latestDate: confirmation.estimatedDelivery.latest.slice(0, 10),
              },
        trackingUrl: null,
      }
      if (confirmation.email !== null) {
        await notifications.send({
          channel: 'email',
          to: confirmation.email,
          locale: confirmation.locale,
          template: 'order-confirmation',
          data,
        })
      }
      if (confirmation.phone !== null) {
        await notifications.send({
          channel: 'sms',
          to: confirmation.phone,
          locale: confirmation.locale,
          template: 'order-confirmation',
          data,
        })
      }
    },
  }
}
