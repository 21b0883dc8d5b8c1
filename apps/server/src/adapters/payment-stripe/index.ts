/** Payments through Stripe (official SDK): PaymentIntents, Checkout Sessions, refunds, webhooks. */
export {
  createStripePaymentProvider,
  type StripePaymentProviderOptions,
} from './stripe-payment-provider.ts'
