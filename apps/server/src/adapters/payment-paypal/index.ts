/** Payments through PayPal Orders v2 (fetch, no SDK): create, capture, refund, verified webhooks. */
export {
  createPaypalPaymentProvider,
  PaypalRequestError,
  type PaypalPaymentProviderOptions,
} from './paypal-payment-provider.ts'
