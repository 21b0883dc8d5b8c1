import type { Locale } from '../../shared/locale.ts'
import type { Money } from '../../shared/money.ts'
import type { CartService } from '../../domains/cart/index.ts'
import type { CatalogService } from '../../domains/catalog/index.ts'
import type { CustomerService } from '../../domains/customers/index.ts'
import type { Order, OrderService } from '../../domains/orders/index.ts'
import type { PolicyService } from '../../domains/policies/index.ts'
import type { ReturnService } from '../../domains/returns/index.ts'
import type { VerificationService } from '../../domains/verification/index.ts'
import type { OrderOperations } from '../../workflows/order-operations/index.ts'
import type {
  LoyaltyConfiguration,
  PlaceOrderInput,
  PlaceOrderOutcome,
  PlaceOrderWorkflow,
} from '../../workflows/place-order/index.ts'

/** The domain services flows may call; each is optional so a flow degrades to a hand-over offer. */
export interface FlowServices {
  readonly policies?: PolicyService
  readonly catalog?: Pick<
    CatalogService,
    | 'searchProducts'
    | 'getProduct'
    | 'findSimilarProducts'
    | 'listLocations'
    | 'describeOptionValue'
  >
  readonly carts?: Pick<
    CartService,
    'createCart' | 'getCart' | 'addLine' | 'setLineQuantity' | 'removeLine'
  >
  readonly orders?: Pick<OrderService, 'getOrderByNumber' | 'trackOrder' | 'listCustomerOrders'>
  readonly verification?: Pick<
    VerificationService,
    'verifiedCustomerId' | 'verifyByEmailAndOrderNumber'
  >
  /** Places orders, and prices the cart as checkout would (for the points the order allows). */
  readonly checkout?: Pick<PlaceOrderWorkflow, 'placeOrder' | 'quoteCheckout'>
  /** Starts a return (the start-return workflow: policy checks, RMA, label link, e-mail). */
  readonly returns?: ReturnStarter
  /** Cancels or re-addresses a pending order (the order operations, as the verified shopper). */
  readonly orderOperations?: Pick<OrderOperations, 'cancelOrder' | 'changeOrderAddress'>
  /** Exchanges delivered items (the start-exchange workflow: policy checks, RMA, label, e-mail). */
  readonly exchanges?: ExchangeStarter
  /** The returns (RMAs) of an order, for the refund status. */
  readonly returnRecords?: Pick<ReturnService, 'listReturnsOfOrder'>
  /** Issues signed links to orders' PDF invoices. */
  readonly invoices?: InvoiceIssuer
  /** The customer's account: saved details, loyalty balance, preferences and data requests. */
  readonly customers?: Pick<
    CustomerService,
    | 'getCustomer'
    | 'getProfile'
    | 'setMarketingConsent'
    | 'setLocale'
    | 'exportPersonalData'
    | 'erasePersonalData'
    | 'saveCard'
  >
  /** The loyalty programme (points value, tiers) and the store's currency. */
  readonly loyalty?: { readonly configuration: LoyaltyConfiguration; readonly currency: string }
  /** Short-lived download links of a verified customer's personal data. */
  readonly dataExports?: { createLink(customerId: string): { url: string; expiresAt: string } }
  /** Checkout paid on a hosted payment page (a payment link the shopper opens). */
  readonly paymentLinks?: PaymentLinkStarter
  /** Turns a card typed in the chat into the payment provider's token, to offer saving it. */
  readonly cardTokenizer?: CardTokenizer
}

/**
 * Tokenizes a typed card with the provider that charges typed cards (the sandbox); real providers
 * tokenize in the shopper's browser, so they have none and saving is not offered.
 */
export interface CardTokenizer {
  /** The provider's reusable token with brand and last four; `undefined` when it cannot tokenize. */
  tokenize(
    cardNumber: string,
  ): { provider: string; token: string; brand: string; lastFour: string } | undefined
}

/**
 * What the checkout flow needs to pay on a hosted page: starts the checkout with a payment link and
 * remembers it, so the conversation is told the order once the payment completes.
 */
export interface PaymentLinkStarter {
  /**
   * Starts the checkout with `hosted-page` payment. `requires-action` with the link is the expected
   * outcome; any other outcome (an order, a refusal) is returned as the workflow gave it.
   */
  start(
    input: Omit<PlaceOrderInput, 'payment'> & { conversationId: string },
  ): Promise<
    | { readonly ok: true; readonly url: string; readonly paymentId: string }
    | { readonly ok: false; readonly outcome: PlaceOrderOutcome }
  >
}

/** What the return flow needs from the start-return workflow. */
export interface ReturnStarter {
  /**
   * What the store takes from the refund of a return of `order` for its prepaid return label (the
   * returns policy's charge for the order's country; a zero amount when the label is free).
   */
  labelFee(order: Order): Money
  start(input: {
    customerId: string
    orderNumber: string
    items: readonly string[]
    paymentMethodReference: string
    locale: Locale
  }): Promise<{ ok: true; rmaNumber: string; labelUrl: string } | { ok: false; reason: string }>
}

/** What the exchange flow needs from the start-exchange workflow. */
export interface ExchangeStarter {
  start(input: {
    customerId: string
    orderNumber: string
    items: readonly string[]
    newItems: readonly string[]
    paymentMethodReference: string
    locale: Locale
  }): Promise<{ ok: true; rmaNumber: string; labelUrl: string } | { ok: false; reason: string }>
}

/** What the invoice flow needs: a signed, expiring link to the PDF invoice of the shopper's order. */
export interface InvoiceIssuer {
  issue(input: {
    customerId: string
    orderNumber: string
  }): Promise<{ ok: true; invoiceNumber: string; url: string } | { ok: false; reason: string }>
}
