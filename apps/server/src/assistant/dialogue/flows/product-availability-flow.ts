import type { ReplyChoice } from '../../replies/index.ts'
import type { Flow, FlowOutcome } from '../flow.ts'
import {
  describeWanted,
  isSameOptionValue,
  readEntity,
  resolveProductId,
} from './resolve-product.ts'

/**
 * Availability: which sizes a product comes in; for a size, whether it is in stock (colours as
 * "add to cart" quick replies) or sold out (restock alert and similar styles offered).
 */
export const productAvailabilityFlow: Flow = {
  name: 'product-availability',
  intents: ['product_availability', 'product_info'],
  async complete(_slots, context): Promise<FlowOutcome> {
    const catalog = context.services.catalog
    if (catalog === undefined) return { replies: [{ key: 'not-yet-available' }] }
    const productId = await resolveProductId(context)
    if (productId === undefined) return { replies: [{ key: 'ask-product' }] }
    const product = await catalog.getProduct(productId, context.locale)
    if (product === undefined) return { replies: [{ key: 'ask-product' }] }
    const remember = { focus: { productId: product.id, name: product.name } }
    const shown = {
      type: 'product.shown',
      aggregateId: context.conversationId,
      payload: {
        productIds: [product.id],
        source: 'availability',
        clicked: context.text.startsWith('/'),
      },
    }
    // Sizes in a shopper's order: numbers by value (6, 8, 10, 11), letters as the catalog lists them.
    const sizes = [...(product.options['size'] ?? [])].sort((left, right) => {
      const a = Number(left)
      const b = Number(right)
      return Number.isNaN(a) || Number.isNaN(b) ? 0 : a - b
    })
    const size = readEntity(context, 'size')
    const color = readEntity(context, 'color')
    const sellable = (variant: (typeof product.variants)[number]) =>
      variant.isAvailable && variant.availableOnline > 0
    if (sizes.length === 0 || size === undefined) {
      if (sizes.length > 0) {
        return {
          replies: [
            {
              key: 'availability-sizes',
              values: { product: product.name, sizes: sizes.join(', ') },
              choices: sizes.slice(0, 10).map((value) => ({
                label: 'choice-size',
                values: { size: value },
                payload: `/intent:product_availability?product=${product.id}&size=${encodeURIComponent(value)}`,
              })),
            },
          ],
          events: [shown],
          remember,
        }
      }
      const variant = product.variants.find(sellable)
      return {
        replies: [
          {
            key: variant === undefined ? 'stock-out' : 'stock-in',
            values: { product: product.name },
            choices:
              variant === undefined
                ? [
                    {
                      label: 'choice-show-similar',
                      payload: `/intent:recommendation?product=${product.id}`,
                    },
                  ]
                : [
                    {
                      label: 'choice-add-to-cart',
                      payload: `/intent:add_to_cart?variant=${variant.id}`,
                    },
                  ],
          },
        ],
        events: [shown],
        remember,
      }
    }
    const ofSize = product.variants.filter((variant) =>
      isSameOptionValue(variant.options['size'], size),
    )
    if (ofSize.length === 0) {
      // Offer products of the same kind that do come in this size.
      const alternatives = await catalog.searchProducts({
        text: product.categoryKey === null ? product.name : describeWanted(context),
        locale: context.locale,
        page: 1,
        pageSize: 5,
        ...(product.categoryKey === null ? {} : { categoryKeys: [product.categoryKey] }),
        options: { size: [size] },
        inStockOnly: true,
      })
      const others = alternatives.items.filter((item) => item.id !== product.id)
      return {
        replies: [
          {
            key: 'availability-no-such-size',
            values: { product: product.name, size, sizes: sizes.join(', ') },
          },
          ...(others.length === 0
            ? []
            : [
                {
                  key: 'similar-products' as const,
                  cards: others.map((item) => ({
                    productId: item.id,
                    title: item.name,
                    price: item.priceFrom,
                    buttons: [
                      {
                        label: 'choice-check-sizes' as const,
                        payload: `/intent:product_availability?product=${item.id}&size=${encodeURIComponent(size)}`,
                      },
                    ],
                  })),
                },
              ]),
        ],
        events: [shown],
        remember,
      }
    }
    const matching =
      color === undefined
        ? ofSize
        : ofSize.filter((variant) => isSameOptionValue(variant.options['color'], color))
    const inStock = (matching.length > 0 ? matching : ofSize).filter(sellable)
    if (inStock.length > 0) {
      const first = inStock[0]
      // Colours as the shopper reads them (黑色, hitam), not the catalog's stored value.
      const describeColor = (value: string) =>
        context.services.catalog?.describeOptionValue('color', value, context.locale) ?? value
      const colors = [
        ...new Set(
          inStock
            .map((variant) => variant.options['color'] ?? '')
            .filter((value) => value.length > 0)
            .map(describeColor),
        ),
      ]
      const choices: ReplyChoice[] = inStock.slice(0, 3).map((variant) => ({
        label: 'choice-add-colour',
        values: {
          color:
            variant.options['color'] === undefined
              ? variant.sku
              : describeColor(variant.options['color']),
        },
        payload: `/intent:add_to_cart?variant=${variant.id}`,
      }))
      return {
        replies: [
          {
            key: 'availability-in-stock',
            values: {
              product: product.name,
              size,
              colors:
                colors.length === 0
                  ? '—'
                  : new Intl.ListFormat(context.locale, { type: 'conjunction' }).format(colors),
              ...(first === undefined ? {} : { price: first.price }),
            },
          },
          {
            // The product card carries the add-to-cart buttons, one per colour in stock.
            key: 'availability-in-stock',
            cards: [
              {
                productId: product.id,
                ...(first === undefined ? {} : { variantId: first.id, price: first.price }),
                title: product.name,
                ...(product.imageUrl === null ? {} : { imageUrl: product.imageUrl }),
                buttons: choices,
              },
            ],
          },
        ],
        events: [shown],
        remember,
      }
    }
    const soldOut = matching[0] ?? ofSize[0]
    return {
      replies: [
        {
          key: 'availability-out-of-stock',
          values: { product: product.name, size },
          choices: [
            {
              label: 'choice-notify-me',
              payload: `/intent:restock_alert?variant=${soldOut?.id ?? ''}&product=${product.id}`,
            },
            {
              label: 'choice-show-similar',
              payload: `/intent:recommendation?product=${product.id}`,
            },
          ],
        },
      ],
      events: [
        shown,
        {
          type: 'product.out-of-stock-asked',
          aggregateId: context.conversationId,
          payload: { productId: product.id, size },
        },
      ],
      remember,
    }
  },
}
