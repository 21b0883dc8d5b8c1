import type { Flow } from '../flow.ts'
import { describeWanted, readEntity } from './resolve-product.ts'

/** Product search: the best matches as a carousel, each with "sizes and stock". */
export const productSearchFlow: Flow = {
  name: 'product-search',
  intents: ['product_search'],
  async complete(_slots, context) {
    const catalog = context.services.catalog
    if (catalog === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const query = describeWanted(context).slice(0, 200)
    const size = readEntity(context, 'size')
    const color = readEntity(context, 'color')
    const options = {
      ...(size === undefined ? {} : { size: [size] }),
      ...(color === undefined ? {} : { color: [color] }),
    }
    const page = await catalog.searchProducts({
      text: query,
      locale: context.locale,
      page: 1,
      pageSize: 5,
      ...(Object.keys(options).length === 0 ? {} : { options }),
    })
    if (page.items.length === 0) return { replies: [{ key: 'search-none', values: { query } }] }
    const first = page.items[0]
    return {
      replies: [
        { key: 'search-results', values: { query } },
        {
          key: 'search-results',
          cards: page.items.map((item) => ({
            productId: item.id,
            title: item.name,
            price: item.priceFrom,
            ...(item.imageUrl === null ? {} : { imageUrl: item.imageUrl }),
            buttons: [
              {
                label: 'choice-check-sizes',
                payload: `/intent:product_availability?product=${item.id}${size === undefined ? '' : `&size=${encodeURIComponent(size)}`}`,
              },
            ],
          })),
        },
      ],
      events: [
        {
          type: 'product.shown',
          aggregateId: context.conversationId,
          payload: { productIds: page.items.map((item) => item.id), source: 'search', query },
        },
      ],
      ...(first === undefined
        ? {}
        : { remember: { focus: { productId: first.id, name: first.name } } }),
    }
  },
}
