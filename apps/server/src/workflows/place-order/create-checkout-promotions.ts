import type { Db } from '../../db/database.ts'
import type { PromotionsService } from '../../domains/promotions/index.ts'
import type { CheckoutPromotions } from './checkout-ports.ts'
import { countCustomerOrders } from './place-order-repository.ts'

/**
 * {@link CheckoutPromotions} over the promotions domain: redeems automatic promotions and the
 * entered codes against the checkout key, and releases them on compensation.
 */
export function createCheckoutPromotions(
  promotions: Pick<PromotionsService, 'redeem' | 'releaseRedemption' | 'evaluate'>,
  db: Db,
): CheckoutPromotions {
  return {
    async redeem(input) {
      const redeemed = await promotions.redeem({
        checkoutReference: input.reference,
        codes: input.codes,
        customer: {
          customerId: input.customerId,
          previousOrderCount: await countCustomerOrders(db, input.customerId),
        },
        cart: {
          currency: input.currency,
          shippingAmount: input.shippingAmount,
          lines: input.items.map((item) => ({
            productId: item.productId,
            variantId: item.variantId,
            sku: item.sku,
            categoryKey: item.categoryKey,
            unitPrice: item.unitPrice.amount,
            quantity: item.quantity,
          })),
        },
      })
      if (!redeemed.ok) return { ok: false, reason: redeemed.reason }
      const evaluation = redeemed.value.evaluation
      return {
        ok: true,
        itemDiscount: evaluation.itemDiscount,
        shippingDiscount: evaluation.shippingDiscount,
        promotionKeys: evaluation.discounts.map((discount) => discount.promotionKey),
      }
    },
    async undoRedemption(reference) {
      await promotions.releaseRedemption(reference)
    },
    async evaluate(input) {
      const evaluation = await promotions.evaluate(
        {
          currency: input.currency,
          shippingAmount: input.shippingAmount,
          lines: input.items.map((item) => ({
            productId: item.productId,
            variantId: item.variantId,
            sku: item.sku,
            categoryKey: item.categoryKey,
            unitPrice: item.unitPrice.amount,
            quantity: item.quantity,
          })),
        },
        input.codes,
        {
          customerId: input.customerId,
          previousOrderCount:
            input.customerId === null ? 0 : await countCustomerOrders(db, input.customerId),
        },
      )
      return {
        itemDiscount: evaluation.itemDiscount,
        shippingDiscount: evaluation.shippingDiscount,
        promotionKeys: evaluation.discounts.map((discount) => discount.promotionKey),
        rejectedCodes: evaluation.rejected.map((rejected) => ({
          code: rejected.code,
          reason: rejected.reason,
        })),
      }
    },
  }
}
