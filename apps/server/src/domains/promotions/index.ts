/**
 * The promotions domain: promotions as configurable operations (conditions and actions as data),
 * coupon codes with date windows and usage limits, redemption with undo, single-use codes.
 */
export type {
  CartSnapshot,
  CartSnapshotLine,
  LineSelector,
  PromotionCustomer,
} from './cart-snapshot.ts'
export { cartSubtotal } from './cart-snapshot.ts'
export type {
  AppliedDiscount,
  CouponCode,
  Promotion,
  PromotionEvaluation,
  PromotionRejection,
  RejectedCode,
} from './evaluate-promotions.ts'
export { evaluatePromotions, normalizeCode, promotionRejections } from './evaluate-promotions.ts'
export type {
  ConfiguredOperation,
  PromotionActionCode,
  PromotionConditionCode,
} from './promotion-operations.ts'
export { promotionActions, promotionConditions } from './promotion-operations.ts'
export type {
  PromotionDefinition,
  PromotionsService,
  PromotionsServiceDependencies,
  Redemption,
  SingleUseCouponInput,
} from './promotions-service.ts'
export { createPromotionsService, promotionDefinitionSchema } from './promotions-service.ts'
export { seedDemoPromotions } from './seed-demo-promotions.ts'
