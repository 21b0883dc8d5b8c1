/**
 * The payments domain: payments through a {@link PaymentProvider} port (sandbox, Stripe, PayPal
 * adapters), idempotent webhooks, refunds, and status-change events for the checkout side.
 */
export type {
  CaptureMode,
  CardInput,
  CardSummary,
  DeclineReason,
  InitiatePaymentInput,
  ParsedWebhook,
  PaymentMethodInput,
  PaymentOutcome,
  PaymentProvider,
  PaymentStatus,
  PaymentWebhookEvent,
  PaymentWebhookKind,
  RawWebhook,
  RefundOutcome,
  RefundWebhookNews,
} from './payment-provider.ts'
export {
  captureModes,
  declineReasons,
  paymentStatuses,
  paymentWebhookKinds,
} from './payment-provider.ts'
export type {
  PaymentEventType,
  PaymentStatusChange,
  RefundStatusChange,
} from './payments-events.ts'
export { paymentEventTypes } from './payments-events.ts'
export type {
  Payment,
  PaymentChangeRefusal,
  PaymentFailure,
  PaymentRefund,
  PaymentsService,
  PaymentsServiceDependencies,
  PaymentStatusListener,
  RefundStatusListener,
  StartPaymentInput,
  WebhookHandling,
} from './payments-service.ts'
export { canMoveTo, createPaymentsService, paymentChangeRefusals } from './payments-service.ts'
