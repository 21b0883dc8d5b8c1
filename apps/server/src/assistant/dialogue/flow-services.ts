import type { Locale } from '../../shared/locale.ts'
import type { CartService } from '../../domains/cart/index.ts'
import type { CatalogService } from '../../domains/catalog/index.ts'
import type { OrderService } from '../../domains/orders/index.ts'
import type { PolicyService } from '../../domains/policies/index.ts'
import type { VerificationService } from '../../domains/verification/index.ts'
import type { PlaceOrderWorkflow } from '../../workflows/place-order/index.ts'

/** The domain services flows may call; each is optional so a flow degrades to a hand-over offer. */
export interface FlowServices {
  readonly policies?: PolicyService
  readonly catalog?: Pick<
    CatalogService,
    'searchProducts' | 'getProduct' | 'findSimilarProducts' | 'listLocations'
  >
  readonly carts?: Pick<CartService, 'createCart' | 'getCart' | 'addLine'>
  readonly orders?: Pick<OrderService, 'getOrderByNumber' | 'trackOrder'>
  readonly verification?: Pick<
    VerificationService,
    'verifiedCustomerId' | 'verifyByEmailAndOrderNumber'
  >
  readonly checkout?: Pick<PlaceOrderWorkflow, 'placeOrder'>
  /** Starts a return (the start-return workflow: policy checks, RMA, label link, e-mail). */
  readonly returns?: ReturnStarter
}

/** What the return flow needs from the start-return workflow. */
export interface ReturnStarter {
  start(input: {
    customerId: string
    orderNumber: string
    items: readonly string[]
    paymentMethodReference: string
    locale: Locale
  }): Promise<{ ok: true; rmaNumber: string; labelUrl: string } | { ok: false; reason: string }>
}
