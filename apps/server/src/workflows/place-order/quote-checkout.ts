import type { CartService, CartTotals } from '../../domains/cart/index.ts'
import type { CatalogService } from '../../domains/catalog/index.ts'
import type { Locale } from '../../shared/locale.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { CheckoutPromotions, CheckoutShipping, ShippingQuote } from './checkout-ports.ts'

/** A cart's totals with promotions and shipping as checkout would apply them now. */
export interface CheckoutQuote {
  readonly totals: CartTotals
  readonly shippingMethod: string | null
  readonly estimatedDelivery: ShippingQuote['estimatedDelivery'] | null
  readonly promotionKeys: readonly string[]
  /** Entered codes that do not apply, with the reason (`expired`, `minimum-not-met`, …). */
  readonly rejectedCodes: readonly { code: string; reason: string }[]
}

/** What a quote is for: the cart, an optional coupon and where it would ship. */
export interface QuoteCheckoutInput {
  readonly cartToken: string
  readonly couponCode?: string | undefined
  readonly shippingAddress?:
    | {
        readonly country: string
        readonly state?: string | undefined
        readonly postcode?: string | undefined
      }
    | undefined
  readonly locale?: Locale | undefined
}

/** What {@link quoteCheckout} reads. */
export interface QuoteCheckoutDependencies {
  readonly cart: Pick<CartService, 'getCart' | 'calculateTotals'>
  readonly catalog: Pick<CatalogService, 'findVariantsForSale'>
  readonly shipping?: CheckoutShipping | undefined
  readonly promotions?: CheckoutPromotions | undefined
}

/**
 * Prices a cart the way checkout would, without reserving, redeeming or charging anything: automatic
 * promotions and the coupon, shipping to the address (when given), and tax. For the cart page and
 * the bot's "what will I pay" answer.
 */
export async function quoteCheckout(
  dependencies: QuoteCheckoutDependencies,
  input: QuoteCheckoutInput,
): Promise<Result<CheckoutQuote, 'cart-not-found'>> {
  const cart = await dependencies.cart.getCart(input.cartToken, input.locale)
  if (cart === undefined) return fail('cart-not-found')
  const subtotal = cart.totals.subtotal
  const items = cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity }))
  const quote =
    input.shippingAddress === undefined || dependencies.shipping === undefined
      ? undefined
      : await dependencies.shipping.quote({
          address: {
            line1: '',
            line2: '',
            city: '',
            state: input.shippingAddress.state ?? '',
            postcode: input.shippingAddress.postcode ?? '',
            country: input.shippingAddress.country,
          },
          subtotal,
          items,
        })
  const shippingAmount = quote?.amount.amount ?? 0
  let itemDiscount = 0
  let shippingDiscount = 0
  let promotionKeys: readonly string[] = []
  let rejectedCodes: readonly { code: string; reason: string }[] =
    input.couponCode !== undefined && dependencies.promotions === undefined
      ? [{ code: input.couponCode, reason: 'promotions-unavailable' }]
      : []
  if (dependencies.promotions !== undefined && cart.lines.length > 0) {
    const variants = await dependencies.catalog.findVariantsForSale(
      cart.lines.map((line) => line.variantId),
    )
    const byId = new Map(variants.map((variant) => [variant.id, variant]))
    const evaluation = await dependencies.promotions.evaluate({
      codes: input.couponCode === undefined ? [] : [input.couponCode],
      customerId: cart.customerId,
      currency: cart.currency,
      shippingAmount,
      items: cart.lines.map((line) => ({
        productId: line.productId ?? '',
        variantId: line.variantId,
        sku: line.sku ?? line.variantId,
        categoryKey: byId.get(line.variantId)?.categoryKey ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
      })),
    })
    itemDiscount = evaluation.itemDiscount.amount
    shippingDiscount = evaluation.shippingDiscount.amount
    promotionKeys = evaluation.promotionKeys
    rejectedCodes = evaluation.rejectedCodes
  }
  return succeed({
    totals: dependencies.cart.calculateTotals(cart, {
      discountAmount: itemDiscount,
      shippingAmount: Math.max(0, shippingAmount - shippingDiscount),
    }),
    shippingMethod: quote?.method ?? null,
    estimatedDelivery: quote?.estimatedDelivery ?? null,
    promotionKeys,
    rejectedCodes,
  })
}
