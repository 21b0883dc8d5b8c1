export {
  createPaymentLinkCheckout,
  type PaymentLinkCheckout,
  type PaymentLinkCheckoutDependencies,
  type PaymentLinkCheckoutInput,
  type PaymentLinkSettledListener,
  type SettledPaymentLinkCheckout,
} from './payment-link-checkout.ts'
