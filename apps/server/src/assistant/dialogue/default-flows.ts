import type { Flow } from './flow.ts'
import { addToCartFlow } from './flows/add-to-cart-flow.ts'
import { productAvailabilityFlow } from './flows/product-availability-flow.ts'
import { productSearchFlow } from './flows/product-search-flow.ts'
import { recommendationFlow } from './flows/recommendation-flow.ts'
import { restockAlertFlow } from './flows/restock-alert-flow.ts'
import { viewCartFlow } from './flows/view-cart-flow.ts'
import { affirmFlow } from './flows/affirm-flow.ts'
import { denyFlow } from './flows/deny-flow.ts'
import { goodbyeFlow } from './flows/goodbye-flow.ts'
import { greetingFlow } from './flows/greeting-flow.ts'
import { handOverFlow } from './flows/hand-over-flow.ts'
import { newsletterFlow } from './flows/newsletter-flow.ts'
import { policyFlow } from './flows/policy-flow.ts'
import { returnFlow } from './flows/return-flow.ts'
import { thanksFlow } from './flows/thanks-flow.ts'
import { applyCouponFlow } from './flows/apply-coupon-flow.ts'
import { checkoutFlow } from './flows/checkout-flow.ts'
import { trackOrderFlow } from './flows/track-order-flow.ts'
import { storeAvailabilityFlow } from './flows/store-availability-flow.ts'
import { changeCartFlow } from './flows/change-cart-flow.ts'
import { loyaltyBalanceFlow } from './flows/loyalty-balance-flow.ts'
import { accountHelpFlow } from './flows/account-help-flow.ts'
import { feedbackFlow } from './flows/feedback-flow.ts'
import { paymentIssueFlow } from './flows/payment-issue-flow.ts'
import { cancelOrderFlow } from './flows/cancel-order-flow.ts'
import { changeOrderFlow } from './flows/change-order-flow.ts'
import { exchangeFlow } from './flows/exchange-flow.ts'
import { refundStatusFlow } from './flows/refund-status-flow.ts'
import { invoiceFlow } from './flows/invoice-flow.ts'
import { saveCardFlow } from './flows/save-card-flow.ts'

/** The flows of the assistant, in priority order (the first flow listing an intent handles it). */
export const defaultFlows: readonly Flow[] = [
  greetingFlow,
  thanksFlow,
  goodbyeFlow,
  affirmFlow,
  denyFlow,
  handOverFlow,
  policyFlow,
  newsletterFlow,
  productSearchFlow,
  productAvailabilityFlow,
  storeAvailabilityFlow,
  recommendationFlow,
  restockAlertFlow,
  addToCartFlow,
  viewCartFlow,
  trackOrderFlow,
  returnFlow,
  applyCouponFlow,
  checkoutFlow,
  changeCartFlow,
  loyaltyBalanceFlow,
  accountHelpFlow,
  feedbackFlow,
  paymentIssueFlow,
  cancelOrderFlow,
  changeOrderFlow,
  exchangeFlow,
  refundStatusFlow,
  invoiceFlow,
  saveCardFlow,
]
