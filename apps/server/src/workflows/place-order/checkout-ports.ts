import type { Money } from '../../shared/money.ts'

/**
 * What checkout asks of the shipping, promotions, fraud and notification areas (part B of issue 3).
 * Written as the workflow expects them; each is optional so checkout works before they are wired:
 * no shipping port means free shipping without an estimate, no promotions port means a coupon is
 * refused as `invalid-coupon`, no fraud port means every checkout is allowed, no notifier means no
 * confirmation message.
 */

/** An address an order ships to. */
export interface CheckoutAddress {
  readonly line1: string
  readonly line2: string
  readonly city: string
  readonly state: string
  readonly postcode: string
  readonly country: string
}

/** A shipping price and delivery estimate. */
export interface ShippingQuote {
  readonly amount: Money
  readonly method: string
  /** Earliest and latest delivery dates (ISO-8601), when known. */
  readonly estimatedDelivery?: { readonly earliest: string; readonly latest: string } | undefined
}

/** Quotes shipping for the checkout's items to an address; `undefined` when it cannot ship there. */
export interface CheckoutShipping {
  quote(input: {
    readonly address: CheckoutAddress
    readonly subtotal: Money
    readonly items: readonly { readonly variantId: string; readonly quantity: number }[]
  }): Promise<ShippingQuote | undefined>
}

/** A cart line as promotions see it. */
export interface CheckoutPromotionLine {
  readonly productId: string
  readonly variantId: string
  readonly sku: string
  readonly categoryKey: string | null
  readonly quantity: number
  readonly unitPrice: Money
}

/**
 * Applies the promotions that hold for this checkout (automatic ones and the entered codes) and
 * counts their use atomically; undone when a later step fails.
 */
export interface CheckoutPromotions {
  redeem(input: {
    readonly codes: readonly string[]
    /** The checkout key: redeeming the same reference twice counts once. */
    readonly reference: string
    readonly customerId: string
    readonly currency: string
    readonly shippingAmount: number
    readonly items: readonly CheckoutPromotionLine[]
  }): Promise<
    | { ok: true; itemDiscount: Money; shippingDiscount: Money; promotionKeys: readonly string[] }
    | { ok: false; reason: string }
  >
  /** Gives back the uses recorded under `reference` (compensation). */
  undoRedemption(reference: string): Promise<void>
  /** What the promotions would give now, without counting a use (for the cart's totals). */
  evaluate(input: {
    readonly codes: readonly string[]
    readonly customerId: string | null
    readonly currency: string
    readonly shippingAmount: number
    readonly items: readonly CheckoutPromotionLine[]
  }): Promise<{
    itemDiscount: Money
    shippingDiscount: Money
    promotionKeys: readonly string[]
    rejectedCodes: readonly { code: string; reason: string }[]
  }>
}

/** The fraud screen's verdict. */
export const fraudVerdicts = ['allow', 'review', 'block'] as const

/** One of {@link fraudVerdicts}. */
export type FraudVerdict = (typeof fraudVerdicts)[number]

/** Screens a checkout before money moves, and learns from declines. */
export interface CheckoutFraudScreen {
  screen(input: {
    readonly checkoutReference: string
    readonly customerId: string
    readonly email: string | null
    readonly total: Money
    readonly address: CheckoutAddress
    readonly itemCount: number
  }): Promise<{ verdict: FraudVerdict; reasons: readonly string[] }>
  /** Records a declined payment (declines feed the screening of later attempts). */
  recordDecline?(input: {
    readonly customerId: string
    readonly email: string | null
  }): Promise<void>
}

/** Sends the order confirmation in the shopper's language; failures never undo an order. */
export interface CheckoutNotifier {
  sendOrderConfirmation(input: {
    readonly orderId: string
    readonly customerId: string
    readonly locale: string
  }): Promise<void>
}
