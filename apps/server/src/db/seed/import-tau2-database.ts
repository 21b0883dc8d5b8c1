import type { IdPrefix } from '../../shared/ids.ts'
import { parseDecimalAmount } from '../../shared/money.ts'
import type { DatabaseHandle } from '../database.ts'
import type { Tau2Database } from './demo-files.ts'
import { importTau2People } from './load-demo-store.ts'

/** What {@link importTau2Database} loaded. */
export interface Tau2ImportReport {
  readonly products: number
  readonly variants: number
  readonly customers: number
  readonly orders: number
}

/** Thrown when the database already holds records of the τ² database being imported. */
export class Tau2ImportConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'Tau2ImportConflictError'
  }
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Loads a τ²-bench retail database (products with variants, users, orders) into a migrated Kedai
 * database in one transaction, keeping τ²'s ids as product references, SKUs, customer handles,
 * payment-method references and order numbers, and τ²'s record order as id order. Refuses (and
 * loads nothing) when any of those ids is already present.
 */
export async function importTau2Database(
  handle: DatabaseHandle,
  tau2: Tau2Database,
  options: {
    readonly currency: string
    readonly now: () => Date
    readonly createId: (prefix: IdPrefix) => string
  },
): Promise<Tau2ImportReport> {
  const now = options.now().toISOString()
  return handle.db.transaction().execute(async (transaction) => {
    const handles = Object.keys(tau2.users)
    const productIds = Object.values(tau2.products).map((product) => product.product_id)
    for (let start = 0; start < handles.length; start += 400) {
      const clash = await transaction
        .selectFrom('customers')
        .select('handle')
        .where('handle', 'in', handles.slice(start, start + 400))
        .executeTakeFirst()
      if (clash !== undefined)
        throw new Tau2ImportConflictError(
          `the database already has τ² user ${clash.handle ?? ''}; import into an empty database`,
        )
    }
    const existingProducts =
      productIds.length === 0
        ? []
        : await transaction
            .selectFrom('products')
            .select('external_id')
            .where('external_id', 'in', productIds)
            .execute()
    if (existingProducts.length > 0) {
      throw new Tau2ImportConflictError(
        `the database already has τ² product ${existingProducts[0]?.external_id ?? ''}; import into an empty database`,
      )
    }
    const slugs = new Set(
      (await transaction.selectFrom('products').select('slug').execute()).map((row) => row.slug),
    )
    let variants = 0
    for (const product of Object.values(tau2.products)) {
      const id = options.createId('prd')
      let slug = slugify(product.name)
      if (slugs.has(slug)) slug = `${slug}-${product.product_id}`
      slugs.add(slug)
      const optionNames = [
        ...new Set(
          Object.values(product.variants).flatMap((variant) => Object.keys(variant.options)),
        ),
      ]
      await transaction
        .insertInto('products')
        .values({
          id,
          external_id: product.product_id,
          slug,
          category_key: null,
          name: JSON.stringify({ en: product.name }),
          description: JSON.stringify({ en: product.name }),
          brand: null,
          tags: '[]',
          option_names: JSON.stringify(optionNames),
          image_url: null,
          complements: '[]',
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .execute()
      const rows = Object.values(product.variants).map((variant) => ({
        id: options.createId('var'),
        product_id: id,
        sku: variant.item_id,
        options: JSON.stringify(variant.options),
        price_amount: parseDecimalAmount(variant.price, options.currency).amount,
        currency: options.currency,
        is_available: variant.available ? 1 : 0,
        created_at: now,
        updated_at: now,
      }))
      if (rows.length > 0) await transaction.insertInto('product_variants').values(rows).execute()
      variants += rows.length
    }
    const people = await importTau2People(
      transaction,
      tau2,
      {
        demoDirectory: '',
        currency: options.currency,
        now: options.now,
        createId: options.createId,
      },
      now,
    )
    return { products: productIds.length, variants, ...people }
  })
}
