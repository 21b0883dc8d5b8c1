/** One line of a cart as promotions see it: what it is, how it is classified, its price. */
export interface CartSnapshotLine {
  readonly productId: string
  readonly variantId: string
  readonly productSlug?: string | null | undefined
  readonly sku?: string | null | undefined
  readonly categoryKey?: string | null | undefined
  /** Unit price in minor units. */
  readonly unitPrice: number
  readonly quantity: number
}

/** A cart at the moment promotions are evaluated. */
export interface CartSnapshot {
  readonly currency: string
  readonly lines: readonly CartSnapshotLine[]
  /** The shipping charge chosen so far, in minor units (what free shipping takes off). */
  readonly shippingAmount?: number | undefined
}

/** The shopper, as far as promotions care. */
export interface PromotionCustomer {
  readonly customerId?: string | null | undefined
  /** Orders the customer placed before (0 for a first order). */
  readonly previousOrderCount: number
}

/** Selects cart lines: a line matches when it matches any listed id, slug, SKU or category. */
export interface LineSelector {
  readonly productIds?: readonly string[] | undefined
  readonly productSlugs?: readonly string[] | undefined
  readonly skus?: readonly string[] | undefined
  /** SKU beginnings (`KD-RUN-STR-` selects every size and colour of a product). */
  readonly skuPrefixes?: readonly string[] | undefined
  readonly categoryKeys?: readonly string[] | undefined
}

/** True when `line` is selected by `selector` (an empty selector selects every line). */
export function isLineSelected(line: CartSnapshotLine, selector: LineSelector): boolean {
  const lists = [
    selector.productIds,
    selector.productSlugs,
    selector.skus,
    selector.skuPrefixes,
    selector.categoryKeys,
  ]
  if (lists.every((list) => list === undefined || list.length === 0)) return true
  return (
    (selector.productIds ?? []).includes(line.productId) ||
    (line.productSlug != null && (selector.productSlugs ?? []).includes(line.productSlug)) ||
    (line.sku != null && (selector.skus ?? []).includes(line.sku)) ||
    (line.sku != null &&
      (selector.skuPrefixes ?? []).some((prefix) => line.sku?.startsWith(prefix) === true)) ||
    (line.categoryKey != null && (selector.categoryKeys ?? []).includes(line.categoryKey))
  )
}

/** The cart's item subtotal in minor units. */
export function cartSubtotal(cart: CartSnapshot): number {
  return cart.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)
}
