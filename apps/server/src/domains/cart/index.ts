export {
  cartFailureReasons,
  cartLineQuantityLimits,
  cartStatuses,
  createCartService,
  type CartFailureDetails,
  type CartFailureReason,
  type CartLineView,
  type CartResult,
  type CartService,
  type CartServiceDependencies,
  type CartStatus,
  type CartVariant,
  type CartVariantCatalog,
  type CartView,
} from './cart-service.ts'
export {
  calculateCartTotals,
  defaultTaxConfiguration,
  taxModes,
  type CartTotals,
  type TaxConfiguration,
  type TaxMode,
} from './calculate-cart-totals.ts'
export { cartEventTypes } from './cart-events.ts'
