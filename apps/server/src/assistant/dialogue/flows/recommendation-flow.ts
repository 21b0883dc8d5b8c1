import type { Flow } from '../flow.ts'
import { resolveProductId } from './resolve-product.ts'

/** Simple recommendations until the recommender: similar styles to the product in focus, in stock first. */
export const recommendationFlow: Flow = {
  name: 'recommendation',
  intents: ['recommendation'],
  async complete(_slots, context) {
    const catalog = context.services.catalog
    if (catalog === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const productId = await resolveProductId(context)
    const similar =
      productId === undefined
        ? (
            await catalog.searchProducts({
              text: context.text.slice(0, 200),
              locale: context.locale,
              page: 1,
              pageSize: 5,
              inStockOnly: true,
            })
          ).items
        : ((await catalog.findSimilarProducts(productId, { locale: context.locale, limit: 5 })) ??
          [])
    if (similar.length === 0)
      return { replies: [{ key: 'search-none', values: { query: context.text.slice(0, 60) } }] }
    return {
      replies: [
        { key: 'similar-products' },
        {
          key: 'similar-products',
          cards: similar.map((item) => ({
            productId: item.id,
            title: item.name,
            price: item.priceFrom,
            ...(item.imageUrl === null ? {} : { imageUrl: item.imageUrl }),
            buttons: [
              {
                label: 'choice-check-sizes',
                payload: `/intent:product_availability?product=${item.id}`,
              },
            ],
          })),
        },
      ],
      events: [
        {
          type: 'product.shown',
          aggregateId: context.conversationId,
          payload: {
            productIds: similar.map((item) => item.id),
            source: 'similar',
            forProductId: productId ?? null,
          },
        },
      ],
    }
  },
}
