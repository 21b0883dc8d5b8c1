import type { Flow } from '../flow.ts'
import { readVariantArgument, resolveProductId } from './resolve-product.ts'

/**
 * Restock alert sign-up: records `restock-alert.requested` for the variant (or product) in focus;
 * the notifications side sends the message when stock returns.
 */
export const restockAlertFlow: Flow = {
  name: 'restock-alert',
  intents: ['restock_alert'],
  async complete(_slots, context) {
    const productId = await resolveProductId(context)
    if (productId === undefined) return { replies: [{ key: 'ask-product' }] }
    const product = await context.services.catalog?.getProduct(productId, context.locale)
    const name = product?.name ?? context.memory.focus?.name ?? productId
    return {
      replies: [{ key: 'restock-alert-done', values: { product: name } }],
      events: [
        {
          type: 'restock-alert.requested',
          aggregateId: context.conversationId,
          payload: {
            productId,
            variantId: readVariantArgument(context) ?? null,
            customerId: context.customerId,
            locale: context.locale,
            channel: 'conversation',
          },
        },
      ],
    }
  },
}
