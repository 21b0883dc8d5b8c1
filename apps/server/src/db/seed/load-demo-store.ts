import { loadDemoSavedCardCustomers } from './load-demo-saved-card-customers.ts'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { InsertObject, Transaction } from 'kysely'
import type { IdPrefix } from '../../shared/ids.ts'
import { parseDecimalAmount } from '../../shared/money.ts'
import type { DatabaseHandle } from '../database.ts'
import type { Database } from '../schema.ts'
import {
  demoCatalogSchema,
  demoLocationsSchema,
  tau2DatabaseSchema,
  type DemoCatalog,
  type DemoLocations,
  type Tau2Database,
} from './demo-files.ts'
import { mapTau2Address, mapTau2OrderStatus, mapTau2PaymentSource } from './tau2-mapping.ts'

/** What seeding needs from its caller: where the files are, the store currency, time and ids. */
export interface SeedOptions {
  readonly demoDirectory: string
  readonly currency: string
  readonly now: () => Date
  readonly createId: (prefix: IdPrefix) => string
}

/** Counts of what was loaded, for the start-up log and tests. */
export interface SeedReport {
  readonly seeded: boolean
  readonly products: number
  readonly variants: number
  readonly customers: number
  readonly orders: number
  readonly locations: number
  readonly policies: number
}

const seedMarker = 'demo-seed'
const insertChunkSize = 400

/** True when the demo store (or any catalog) was already loaded into this database. */
export async function isDemoSeeded(handle: DatabaseHandle): Promise<boolean> {
  const marker = await handle.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', seedMarker)
    .executeTakeFirst()
  return marker !== undefined
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown
}

/** Reads and validates τ²'s `db.json`. */
export function readTau2Database(file: string): Tau2Database {
  const parsed = tau2DatabaseSchema.safeParse(readJson(file))
  if (!parsed.success) {
    throw new Error(
      `${file} is not a τ²-bench retail database: ${parsed.error.issues[0]?.message ?? ''}`,
    )
  }
  return parsed.data
}

function parseDemoFile<T>(
  file: string,
  schema: {
    safeParse(
      value: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
  },
): T {
  const parsed = schema.safeParse(readJson(file))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${file}: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
    )
  }
  return parsed.data
}

/** A stable number in [0, 1) from a text, so generated stock and dates are the same every run. */
function stableFraction(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

async function insertInChunks<T extends keyof Database & string>(
  transaction: Transaction<Database>,
  table: T,
  rows: Database[T][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += insertChunkSize) {
    // Kysely cannot relate a generic table name to its row type; the rows are typed by the caller.
    const chunk = rows.slice(start, start + insertChunkSize) as InsertObject<Database, T>[]
    await transaction.insertInto(table).values(chunk).execute()
  }
}

/**
 * Loads the demo store into an empty database: τ²-bench's catalog, customers and orders, the apparel,
 * locations with stock and aisles, translations and store policies. Does nothing when already seeded.
 * Runs in one transaction that first claims the seed marker, so two instances starting together on
 * PostgreSQL seed once.
 */
export async function seedDemoStore(
  handle: DatabaseHandle,
  options: SeedOptions,
): Promise<SeedReport> {
  const empty: SeedReport = {
    seeded: false,
    products: 0,
    variants: 0,
    customers: 0,
    orders: 0,
    locations: 0,
    policies: 0,
  }
  if (await isDemoSeeded(handle)) return empty
  const directory = options.demoDirectory
  const tau2 = readTau2Database(join(directory, 'tau2', 'db.json'))
  const catalog = parseDemoFile<DemoCatalog>(join(directory, 'catalog.json'), demoCatalogSchema)
  const locations = parseDemoFile<DemoLocations>(
    join(directory, 'locations.json'),
    demoLocationsSchema,
  )
  const now = options.now().toISOString()

  try {
    return await handle.db.transaction().execute(async (transaction) => {
      await transaction
        .insertInto('settings')
        .values({ key: seedMarker, value: JSON.stringify({ at: now }), updated_at: now })
        .execute()
      const locationIds = await loadLocations(transaction, locations, options, now)
      await loadCategories(transaction, catalog)
      const catalogCounts = await loadCatalog(
        transaction,
        tau2,
        catalog,
        locationIds,
        locations,
        options,
        now,
      )
      const customerCounts = await importTau2People(transaction, tau2, options, now)
      await loadDemoSavedCardCustomers(
        transaction,
        join(directory, 'saved-card-customers.json'),
        options,
        now,
      )
      const policies = await loadPolicies(transaction, join(directory, 'policies'), options, now)
      return {
        seeded: true,
        ...catalogCounts,
        ...customerCounts,
        locations: locationIds.size,
        policies,
      }
    })
  } catch (error) {
    // Another instance claimed the marker first and seeded: nothing left to do.
    if (await isDemoSeeded(handle)) return empty
    throw error
  }
}

async function loadLocations(
  transaction: Transaction<Database>,
  locations: DemoLocations,
  options: SeedOptions,
  now: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const rows = locations.map((location) => {
    const id = options.createId('loc')
    ids.set(location.code, id)
    return {
      id,
      code: location.code,
      kind: location.kind,
      name: JSON.stringify(location.name),
      address: JSON.stringify(location.address),
      phone: location.phone ?? null,
      timezone: location.timezone,
      opening_hours: location.openingHours === null ? null : JSON.stringify(location.openingHours),
      holidays_closed: JSON.stringify(location.holidaysClosed),
      aisles: JSON.stringify(location.aisles),
      created_at: now,
    }
  })
  await insertInChunks(transaction, 'locations', rows)
  return ids
}

async function loadCategories(
  transaction: Transaction<Database>,
  catalog: DemoCatalog,
): Promise<void> {
  await insertInChunks(
    transaction,
    'categories',
    catalog.categories.map((category, position) => ({
      key: category.key,
      parent_key: category.parent,
      name: JSON.stringify(category.name),
      position,
    })),
  )
}

async function loadCatalog(
  transaction: Transaction<Database>,
  tau2: Tau2Database,
  catalog: DemoCatalog,
  locationIds: Map<string, string>,
  locations: DemoLocations,
  options: SeedOptions,
  now: string,
): Promise<{ products: number; variants: number }> {
  const products: Database['products'][] = []
  const variants: Database['product_variants'][] = []
  const stock: Database['stock_levels'][] = []
  const aisleOf = (locationCode: string, category: string | null): string | null =>
    category === null
      ? null
      : (locations.find((location) => location.code === locationCode)?.aisles[category] ?? null)

  for (const product of Object.values(tau2.products)) {
    const id = options.createId('prd')
    const translation = catalog.tau2Products[product.name]
    const category = catalog.tau2ProductCategories[product.name] ?? null
    const optionNames = [
      ...new Set(
        Object.values(product.variants).flatMap((variant) => Object.keys(variant.options)),
      ),
    ]
    products.push({
      id,
      external_id: product.product_id,
      slug: slugify(product.name),
      category_key: category,
      name: JSON.stringify({ ...translation?.name, en: product.name }),
      description: JSON.stringify(translation?.description ?? { en: product.name }),
      brand: null,
      tags: JSON.stringify(translation?.tags ?? []),
      option_names: JSON.stringify(optionNames),
      image_url: category === null ? null : `/demo-images/category-${category}.svg`,
      complements: '[]',
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    for (const variant of Object.values(product.variants)) {
      const variantId = options.createId('var')
      variants.push({
        id: variantId,
        product_id: id,
        sku: variant.item_id,
        options: JSON.stringify(variant.options),
        price_amount: parseDecimalAmount(variant.price, options.currency).amount,
        currency: options.currency,
        is_available: variant.available ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      for (const [code, locationId] of locationIds) {
        // τ² says only whether a variant is available; give available ones a stable, plausible stock.
        const fraction = stableFraction(`${variant.item_id}:${code}`)
        const onHand = !variant.available
          ? 0
          : code === 'warehouse'
            ? 5 + Math.floor(fraction * 40)
            : Math.floor(fraction * 6)
        stock.push({
          variant_id: variantId,
          location_id: locationId,
          on_hand: onHand,
          reserved: 0,
          aisle: aisleOf(code, category),
          updated_at: now,
        })
      }
    }
  }

  const productIdByKey = new Map<string, string>()
  for (const product of catalog.products) productIdByKey.set(product.key, options.createId('prd'))
  for (const product of catalog.products) {
    const id = productIdByKey.get(product.key) ?? options.createId('prd')
    products.push({
      id,
      external_id: null,
      slug: product.key,
      category_key: product.category,
      name: JSON.stringify(product.name),
      description: JSON.stringify(product.description),
      brand: product.brand ?? null,
      tags: JSON.stringify(product.tags),
      option_names: JSON.stringify([
        ...new Set(product.variants.flatMap((variant) => Object.keys(variant.options))),
      ]),
      image_url: product.image ?? null,
      complements: JSON.stringify(
        product.complements
          .map((key) => productIdByKey.get(key))
          .filter((value) => value !== undefined),
      ),
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    for (const variant of product.variants) {
      const variantId = options.createId('var')
      variants.push({
        id: variantId,
        product_id: id,
        sku: variant.sku,
        options: JSON.stringify(variant.options),
        price_amount: parseDecimalAmount(variant.price, options.currency).amount,
        currency: options.currency,
        is_available: 1,
        created_at: now,
        updated_at: now,
      })
      for (const [code, locationId] of locationIds) {
        stock.push({
          variant_id: variantId,
          location_id: locationId,
          on_hand: variant.stock[code] ?? 0,
          reserved: 0,
          aisle: aisleOf(code, product.category),
          updated_at: now,
        })
      }
    }
  }
  await insertInChunks(transaction, 'products', products)
  await insertInChunks(transaction, 'product_variants', variants)
  await insertInChunks(transaction, 'stock_levels', stock)
  return { products: products.length, variants: variants.length }
}

/**
 * Imports τ²'s users (as customers with addresses and payment methods) and orders (with items,
 * fulfilments and payment history), keeping their ids as handles, references and order numbers.
 * Variants must already exist (matched by SKU = τ² item id).
 */
export async function importTau2People(
  transaction: Transaction<Database>,
  tau2: Tau2Database,
  options: SeedOptions,
  now: string,
): Promise<{ customers: number; orders: number }> {
  const variantRows = await transaction
    .selectFrom('product_variants')
    .select(['id', 'sku', 'product_id'])
    .execute()
  const variantBySku = new Map(variantRows.map((row) => [row.sku, row]))
  const customers: Database['customers'][] = []
  const addresses: Database['customer_addresses'][] = []
  const paymentMethods: Database['payment_methods'][] = []
  const customerIdByHandle = new Map<string, string>()
  const paymentMethodIdByReference = new Map<string, string>()

  for (const user of Object.values(tau2.users)) {
    const id = options.createId('cus')
    customerIdByHandle.set(user.user_id, id)
    customers.push({
      id,
      handle: user.user_id,
      first_name: user.name.first_name,
      last_name: user.name.last_name,
      email: user.email.toLowerCase(),
      phone: null,
      locale: 'en',
      marketing_consent: 0,
      loyalty_points: 0,
      loyalty_tier: 'silver',
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    addresses.push({
      id: options.createId('adr'),
      customer_id: id,
      ...mapTau2Address(user.address),
      is_default: 1,
      created_at: now,
    })
    for (const method of Object.values(user.payment_methods)) {
      const methodId = options.createId('pm')
      paymentMethodIdByReference.set(method.id, methodId)
      paymentMethods.push({
        id: methodId,
        customer_id: id,
        reference: method.id,
        kind: mapTau2PaymentSource(method.source),
        brand: method.brand ?? null,
        last_four: method.last_four ?? null,
        balance_amount:
          method.balance === undefined
            ? null
            : parseDecimalAmount(method.balance, options.currency).amount,
        currency: options.currency,
        provider: 'imported',
        provider_token: null,
        created_at: now,
        removed_at: null,
      })
    }
  }

  const orders: Database['orders'][] = []
  const items: Database['order_items'][] = []
  const fulfillments: Database['fulfillments'][] = []
  const transactions: Database['payment_transactions'][] = []
  const base = Date.parse('2026-10-31T08:00:00.000Z')
  for (const order of Object.values(tau2.orders)) {
    const customerId = customerIdByHandle.get(order.user_id)
    if (customerId === undefined)
      throw new Error(`order ${order.order_id} names unknown user ${order.user_id}`)
    const id = options.createId('ord')
    const { status, itemsModified } = mapTau2OrderStatus(order.status)
    const subtotal = order.items.reduce(
      (sum, item) => sum + parseDecimalAmount(item.price, options.currency).amount,
      0,
    )
    // τ² has no dates; spread orders over the two months before the demo's "today", stably.
    const placedAt = new Date(
      base - Math.floor(stableFraction(order.order_id) * 60 * 86_400_000),
    ).toISOString()
    const details: Record<string, unknown> = {}
    for (const key of [
      'exchange_items',
      'exchange_new_items',
      'exchange_payment_method_id',
      'exchange_price_difference',
      'return_items',
      'return_payment_method_id',
    ] as const) {
      if (order[key] !== undefined) details[key] = order[key]
    }
    orders.push({
      id,
      number: order.order_id,
      customer_id: customerId,
      status,
      currency: options.currency,
      shipping_address: JSON.stringify(mapTau2Address(order.address)),
      subtotal_amount: subtotal,
      discount_amount: 0,
      shipping_amount: 0,
      tax_amount: 0,
      total_amount: subtotal,
      items_modified: itemsModified ? 1 : 0,
      cancel_reason: order.cancel_reason ?? null,
      details: JSON.stringify(details),
      conversation_id: null,
      placed_at: placedAt,
      created_at: placedAt,
      updated_at: placedAt,
    })
    order.items.forEach((item, position) => {
      const variant = variantBySku.get(item.item_id)
      items.push({
        id: options.createId('oli'),
        order_id: id,
        position,
        product_id: variant?.product_id ?? item.product_id,
        variant_id: variant?.id ?? item.item_id,
        sku: item.item_id,
        name: item.name,
        options: JSON.stringify(item.options),
        unit_price_amount: parseDecimalAmount(item.price, options.currency).amount,
        quantity: 1,
      })
    })
    for (const fulfillment of order.fulfillments) {
      const delivered =
        status === 'delivered' || status === 'return-requested' || status === 'exchange-requested'
      fulfillments.push({
        id: options.createId('ful'),
        order_id: id,
        carrier: 'demo-express',
        tracking_numbers: JSON.stringify(fulfillment.tracking_id),
        item_skus: JSON.stringify(fulfillment.item_ids),
        status: delivered ? 'delivered' : 'in-transit',
        events: '[]',
        shipped_at: placedAt,
        delivered_at: delivered ? placedAt : null,
        created_at: placedAt,
      })
    }
    order.payment_history.forEach((payment, position) => {
      transactions.push({
        id: options.createId('pay'),
        order_id: id,
        position,
        kind: payment.transaction_type,
        amount: parseDecimalAmount(payment.amount, options.currency).amount,
        currency: options.currency,
        payment_method_id: paymentMethodIdByReference.get(payment.payment_method_id) ?? null,
        payment_method_reference: payment.payment_method_id,
        status: 'succeeded',
        provider_reference: null,
        created_at: placedAt,
      })
    })
  }

  await insertInChunks(transaction, 'customers', customers)
  await insertInChunks(transaction, 'customer_addresses', addresses)
  await insertInChunks(transaction, 'payment_methods', paymentMethods)
  await insertInChunks(transaction, 'orders', orders)
  await insertInChunks(transaction, 'order_items', items)
  await insertInChunks(transaction, 'fulfillments', fulfillments)
  await insertInChunks(transaction, 'payment_transactions', transactions)
  return { customers: customers.length, orders: orders.length }
}

async function loadPolicies(
  transaction: Transaction<Database>,
  directory: string,
  options: SeedOptions,
  now: string,
): Promise<number> {
  if (!existsSync(directory)) return 0
  const rows = readdirSync(directory)
    .filter((file) => /^[a-z0-9-]+\.(en|zh-Hant|zh-Hans|ms)\.md$/.test(file))
    .sort()
    .map((file) => {
      const [slug = '', locale = ''] = file.replace(/\.md$/, '').split('.')
      const body = readFileSync(join(directory, file), 'utf8')
      const title = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? slug
      return { id: options.createId('pol'), slug, locale, title, body, updated_at: now }
    })
  await insertInChunks(transaction, 'policy_documents', rows)
  return rows.length
}
