import type { FlowContext } from '../flow.ts'

/** The value of the first entity of `type` in the turn (a tapped reply's argument or a recognized one). */
export function readEntity(context: FlowContext, type: string): string | undefined {
  return context.recognition.entities.find((entity) => entity.type === type)?.value
}

/** The variant id a tapped reply carried (`/intent:add_to_cart?variant=var_…`). */
export function readVariantArgument(context: FlowContext): string | undefined {
  return context.recognition.entities.find(
    (entity) => entity.type === 'option' && entity.resolvedId?.startsWith('var_') === true,
  )?.resolvedId
}

/** Words of the turn that name a product: product and category mentions, else the whole message. */
export function describeWanted(context: FlowContext): string {
  const mentions = context.recognition.entities
    .filter((entity) => entity.type === 'product' || entity.type === 'category')
    .map((entity) => entity.text)
  return mentions.length > 0 ? mentions.join(' ') : context.text
}

/**
 * The product the shopper means: a tapped reply's product id, else a product or category they
 * named (best search match), else the product in focus ("do you have it in black?").
 */
export async function resolveProductId(context: FlowContext): Promise<string | undefined> {
  const argument = context.recognition.entities.find(
    (entity) => entity.type === 'product' && entity.resolvedId?.startsWith('prd_') === true,
  )
  if (argument?.resolvedId !== undefined) return argument.resolvedId
  const catalog = context.services.catalog
  const named = context.recognition.entities.some(
    (entity) => entity.type === 'product' || entity.type === 'category',
  )
  if (named && catalog !== undefined) {
    // A product named in full ("the Urban Sneakers") beats the best match of its type ("sneakers").
    const candidates = await catalog.searchProducts({
      text: context.text,
      locale: context.locale,
      page: 1,
      pageSize: 5,
    })
    const text = context.text.toLowerCase()
    const exact = candidates.items.find((item) => text.includes(item.name.toLowerCase()))
    if (exact !== undefined) return exact.id
    const page = await catalog.searchProducts({
      text: describeWanted(context),
      locale: context.locale,
      page: 1,
      pageSize: 1,
    })
    const found = page.items[0]?.id
    if (found !== undefined) return found
  }
  return context.memory.focus?.productId
}

/** Size labels compare without case, spaces or a "size"/"US"/"EU" prefix. */
export function isSameOptionValue(left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false
  const normalize = (value: string) =>
    value
      .toLowerCase()
      .replace(/^(size|us|eu|uk)\s*/, '')
      .replace(/\s+/g, '')
  return normalize(left) === normalize(right)
}
