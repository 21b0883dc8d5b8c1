import type { CartService } from '../../domains/cart/index.ts'
import type { CatalogService } from '../../domains/catalog/index.ts'
import type { OrderService } from '../../domains/orders/index.ts'
import type { PolicyService } from '../../domains/policies/index.ts'
import type { VerificationService } from '../../domains/verification/index.ts'

/** The domain services flows may call; each is optional so a flow degrades to a hand-over offer. */
export interface FlowServices {
  readonly policies?: PolicyService
  readonly catalog?: Pick<CatalogService, 'searchProducts' | 'getProduct' | 'findSimilarProducts'>
  readonly carts?: Pick<CartService, 'createCart' | 'getCart' | 'addLine'>
  readonly orders?: Pick<OrderService, 'getOrderByNumber' | 'trackOrder'>
  readonly verification?: Pick<
    VerificationService,
    'verifiedCustomerId' | 'verifyByEmailAndOrderNumber'
  >
}
