import type { Flow, FlowOutcome } from '../flow.ts'
import { describeOptionValues } from './describe-item.ts'
import { changeQuantityInCart } from './change-cart-flow.ts'
import { productAvailabilityFlow } from './product-availability-flow.ts'
import {
  isSameOptionValue,
  readEntity,
  readVariantArgument,
  resolveProductId,
} from './resolve-product.ts'

/**
 * Add to cart: the variant a tapped reply names, or the one the shopper describes (product in focus
 * plus size and colour); opens a cart on first use. Without a clear variant it shows sizes instead.
 */
export const addToCartFlow: Flow = {
  name: 'add-to-cart',
  intents: ['add_to_cart'],
  async complete(slots, context): Promise<FlowOutcome> {
    const catalog = context.services.catalog
    const carts = context.services.carts
    if (catalog === undefined || carts === undefined)
      return { replies: [{ key: 'not-yet-available' }] }
    // "Make it 2" about a line already in the cart sets its quantity rather than adding more.
    const quantityChange = await changeQuantityInCart(context)
    if (quantityChange !== undefined) return quantityChange
    let variantId = readVariantArgument(context)
    if (variantId === undefined) {
      const productId = await resolveProductId(context)
      const product =
        productId === undefined ? undefined : await catalog.getProduct(productId, context.locale)
      const size = readEntity(context, 'size')
      const color = readEntity(context, 'color')
      const candidates = (product?.variants ?? []).filter(
        (variant) =>
          variant.isAvailable &&
          variant.availableOnline > 0 &&
          (size === undefined || isSameOptionValue(variant.options['size'], size)) &&
          (color === undefined || isSameOptionValue(variant.options['color'], color)),
      )
      const onlyChoice =
        candidates.length === 1 ||
        (product !== undefined && Object.keys(product.options).length === 0)
      variantId = onlyChoice ? candidates[0]?.id : undefined
      if (variantId === undefined) return productAvailabilityFlow.complete(slots, context)
    }
    const cart =
      context.memory.cartToken === undefined
        ? undefined
        : await carts.getCart(context.memory.cartToken, context.locale)
    const open =
      cart !== undefined && cart.status === 'open'
        ? cart
        : await carts.createCart({ customerId: context.customerId, locale: context.locale })
    const quantity = Math.min(99, Math.max(1, Number(readEntity(context, 'quantity') ?? '1') || 1))
    const result = await carts.addLine(open.token, { variant: variantId, quantity })
    if (!result.ok)
      return { replies: [{ key: 'cart-add-failed' }], remember: { cartToken: open.token } }
    const line = result.value.lines.find((candidate) => candidate.variantId === variantId)
    return {
      replies: [
        {
          key: 'cart-added',
          values: {
            product: line?.name ?? variantId,
            options: describeOptionValues(line?.options ?? {}, context),
            total: result.value.totals.total,
          },
          choices: [
            { label: 'choice-view-cart', payload: '/intent:view_cart' },
            { label: 'choice-checkout', payload: '/intent:checkout' },
          ],
        },
      ],
      events: [
        {
          type: 'cart.updated-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            cartId: result.value.id,
            variantId,
            quantity,
            itemCount: result.value.totals.itemCount,
          },
        },
      ],
      remember: { cartToken: result.value.token },
    }
  },
}
