/**
 * The notifications domain: messages to shoppers (order confirmation, a price difference that could
 * not be charged; in en, zh-Hant, zh-Hans, ms)
 * through the {@link NotificationSender} port, with an outbox that keeps and retries failed sends.
 */
export type {
  DeliveryOutcome,
  NotificationChannel,
  NotificationSender,
  OutgoingMessage,
} from './notification-sender.ts'
export { notificationChannels } from './notification-sender.ts'
export type { ChargeFailedData } from './charge-failed-template.ts'
export { chargeFailedDataSchema, renderChargeFailed } from './charge-failed-template.ts'
export type { OrderConfirmationData, RenderedMessage } from './order-confirmation-template.ts'
export {
  formatShopperDate,
  orderConfirmationDataSchema,
  renderOrderConfirmation,
} from './order-confirmation-template.ts'
export type {
  Notification,
  NotificationRequest,
  NotificationStatus,
  NotificationTemplate,
  NotificationsService,
} from './notifications-service.ts'
export { notifyCustomer } from './notify-customer.ts'
export {
  createNotificationsService,
  notificationStatuses,
  notificationTemplates,
} from './notifications-service.ts'
