export {
  createOrderNumber,
  createPlaceOrderWorkflow,
  defaultPlaceOrderConfiguration,
  placeOrderFailureReasons,
  type CheckoutPayment,
  type PlacedOrder,
  type PlaceOrderConfiguration,
  type PlaceOrderDependencies,
  type PlaceOrderFailureDetails,
  type PlaceOrderFailureReason,
  type PlaceOrderInput,
  type PlaceOrderOutcome,
  type PlaceOrderWorkflow,
} from './place-order.ts'
export {
  fraudVerdicts,
  type CheckoutAddress,
  type CheckoutFraudScreen,
  type CheckoutNotifier,
  type CheckoutPromotionLine,
  type CheckoutPromotions,
  type CheckoutShipping,
  type FraudVerdict,
  type ShippingQuote,
} from './checkout-ports.ts'
export {
  calculateEarnedPoints,
  checkPointsRedemption,
  defaultLoyaltyConfiguration,
  findRedeemablePoints,
  pointsRefusalReasons,
  tierOfBalance,
  type LoyaltyConfiguration,
  type PointsRedemptionCheck,
  type PointsRefusalReason,
} from './loyalty-rules.ts'
export { CompensationError, runSteps, type Step } from './run-steps.ts'
export { createCheckoutFraudScreen } from './create-checkout-fraud-screen.ts'
export { createCheckoutPromotions } from './create-checkout-promotions.ts'
export { createCheckoutShipping } from './create-checkout-shipping.ts'
export { createOrderPaymentHook } from './create-order-payment-hook.ts'
export {
  quoteCheckout,
  type CheckoutQuote,
  type QuoteCheckoutDependencies,
  type QuoteCheckoutInput,
} from './quote-checkout.ts'
