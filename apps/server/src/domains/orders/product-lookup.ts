import type { Db } from '../../db/database.ts'

/** A product with its variants as order conversations show them. */
export interface OrderableProduct {
  readonly id: string
  /** Id in the system the product came from (τ²'s `product_id`), else the Kedai id. */
  readonly reference: string
  /** English name. */
  readonly name: string
  readonly variants: readonly {
    readonly id: string
    readonly sku: string
    readonly options: Readonly<Record<string, string>>
    readonly isAvailable: boolean
    readonly priceAmount: number
  }[]
}

function englishName(text: string): string {
  try {
    const parsed = JSON.parse(text) as { en?: unknown }
    return typeof parsed.en === 'string' ? parsed.en : text
  } catch {
    return text
  }
}

/** Reads products and variants for order conversations (by reference, by variant SKU, or all). */
export interface ProductLookup {
  findProduct(reference: string): Promise<OrderableProduct | undefined>
  findProductOfSku(sku: string): Promise<OrderableProduct | undefined>
  listProducts(): Promise<{ reference: string; name: string }[]>
  /** Product id → reference, for the given products. */
  listReferences(productIds: readonly string[]): Promise<Map<string, string>>
}

/** A {@link ProductLookup} over the core `products` and `product_variants` tables. */
export function createProductLookup(db: Db): ProductLookup {
  async function load(productId: string): Promise<OrderableProduct | undefined> {
    const product = await db
      .selectFrom('products')
      .select(['id', 'external_id', 'name'])
      .where('id', '=', productId)
      .executeTakeFirst()
    if (product === undefined) return undefined
    const variants = await db
      .selectFrom('product_variants')
      .select(['id', 'sku', 'options', 'is_available', 'price_amount'])
      .where('product_id', '=', productId)
      .orderBy('id')
      .execute()
    return {
      id: product.id,
      reference: product.external_id ?? product.id,
      name: englishName(product.name),
      variants: variants.map((variant) => ({
        id: variant.id,
        sku: variant.sku,
        options: JSON.parse(variant.options) as Record<string, string>,
        isAvailable: variant.is_available === 1,
        priceAmount: Number(variant.price_amount),
      })),
    }
  }
  return {
    async findProduct(reference) {
      const row = await db
        .selectFrom('products')
        .select('id')
        .where((expression) =>
          expression.or([
            expression('external_id', '=', reference),
            expression('id', '=', reference),
          ]),
        )
        .executeTakeFirst()
      return row === undefined ? undefined : load(row.id)
    },
    async findProductOfSku(sku) {
      const row = await db
        .selectFrom('product_variants')
        .select('product_id')
        .where('sku', '=', sku)
        .executeTakeFirst()
      return row === undefined ? undefined : load(row.product_id)
    },
    async listProducts() {
      const rows = await db
        .selectFrom('products')
        .select(['id', 'external_id', 'name'])
        .orderBy('id')
        .execute()
      return rows.map((row) => ({
        reference: row.external_id ?? row.id,
        name: englishName(row.name),
      }))
    },
    async listReferences(productIds) {
      const result = new Map<string, string>()
      const ids = [...new Set(productIds)]
      for (let start = 0; start < ids.length; start += 500) {
        const rows = await db
          .selectFrom('products')
          .select(['id', 'external_id'])
          .where('id', 'in', ids.slice(start, start + 500))
          .execute()
        for (const row of rows) result.set(row.id, row.external_id ?? row.id)
      }
      return result
    },
  }
}
