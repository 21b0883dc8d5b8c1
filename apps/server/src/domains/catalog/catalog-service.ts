import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { singleInstanceLink, type ClusterLink } from '../../shared/cluster-link.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import { pickText, type Locale, type LocalizedText } from '../../shared/locale.ts'
import type { Money } from '../../shared/money.ts'
import { catalogEventTypes, stockChangeEventTypes } from './catalog-events.ts'
import type { ProductSearch, ProductSearchDocument } from './product-search.ts'
import { rankSimilarProducts, type SimilarityCandidate } from './rank-similar-products.ts'

/** A category in the shopper's language. */
export interface CategoryView {
  readonly key: string
  readonly parentKey: string | null
  readonly name: string
}

/** A store location in the shopper's language. */
export interface LocationView {
  readonly id: string
  readonly code: string
  readonly kind: string
  readonly name: string
  readonly address: Record<string, string>
  readonly phone: string | null
  readonly timezone: string
  readonly openingHours: Record<string, [string, string] | null> | null
}

/** Units of a variant a location can sell now. */
export interface VariantStock {
  readonly locationId: string
  readonly locationCode: string
  readonly locationKind: string
  readonly available: number
  readonly aisle: string | null
}

/** A variant with its price and availability per location. */
export interface VariantView {
  readonly id: string
  readonly sku: string
  readonly options: Record<string, string>
  readonly price: Money
  /** False when the store does not sell it at the moment, whatever the stock. */
  readonly isAvailable: boolean
  /** Units the online locations can sell now. */
  readonly availableOnline: number
  readonly stock: readonly VariantStock[]
}

/** A product in a list: enough for a card. */
export interface ProductSummary {
  readonly id: string
  readonly slug: string
  readonly name: string
  readonly categoryKey: string | null
  readonly imageUrl: string | null
  readonly priceFrom: Money
  readonly priceTo: Money
  readonly inStock: boolean
  /** Option name → values offered, in display order. */
  readonly options: Record<string, string[]>
}

/** A product with its description and variants. */
export interface ProductDetail extends ProductSummary {
  readonly description: string
  readonly brand: string | null
  readonly tags: readonly string[]
  readonly complementIds: readonly string[]
  readonly variants: readonly VariantView[]
}

/** A variant as the cart and checkout see it: what it is, its price now, whether it can be sold. */
export interface VariantForSale {
  readonly id: string
  readonly productId: string
  readonly sku: string
  readonly name: LocalizedText
  readonly categoryKey: string | null
  readonly options: Record<string, string>
  readonly price: Money
  /** The variant and its product are on sale. */
  readonly isAvailable: boolean
  /** Units the online locations can sell now. */
  readonly availableOnline: number
}

/** A catalog search as the store API receives it. */
export interface CatalogSearchInput {
  readonly text?: string | undefined
  readonly locale: Locale
  readonly categoryKeys?: readonly string[] | undefined
  readonly priceMinAmount?: number | undefined
  readonly priceMaxAmount?: number | undefined
  readonly options?: Readonly<Record<string, readonly string[]>> | undefined
  readonly inStockOnly?: boolean | undefined
  readonly page: number
  readonly pageSize: number
}

/** A page of search results. */
export interface CatalogSearchPage {
  readonly total: number
  readonly page: number
  readonly pageSize: number
  readonly items: readonly (ProductSummary & { matchingVariantIds: readonly string[] })[]
}

/** Catalog settings: which location kinds count as "online" stock. */
export interface CatalogConfiguration {
  /** Location kinds or codes whose stock online shoppers can buy (default `['warehouse']`). */
  readonly onlineLocations: readonly string[]
  /**
   * Translations of option values (option name → value → text in every language), indexed so a
   * shopper finds `black` variants by 黑色 or hitam. Values without a translation are indexed as is.
   */
  readonly optionValueTranslations: Readonly<
    Record<string, Readonly<Record<string, LocalizedText>>>
  >
}

/** Reads the catalog for shoppers and keeps the search index in step with the database. */
export interface CatalogService {
  listCategories(locale: Locale): Promise<CategoryView[]>
  listLocations(locale: Locale): Promise<LocationView[]>
  /**
   * An option value as a shopper reads it in `locale` (`black` → `黑色`, `hitam`), from the store's
   * option value translations; the stored value itself when there is no translation.
   */
  describeOptionValue(name: string, value: string, locale: Locale): string
  /** A product by id or slug in `locale`; `undefined` when there is none (or it is not active). */
  getProduct(idOrSlug: string, locale: Locale): Promise<ProductDetail | undefined>
  /** Products by id, in the given order, skipping unknown ones. */
  getProductSummaries(productIds: readonly string[], locale: Locale): Promise<ProductSummary[]>
  /** Full-text and filtered search, in-stock first. */
  searchProducts(input: CatalogSearchInput): Promise<CatalogSearchPage>
  /**
   * Products that can replace `productId` (same category, closest options and price, in stock
   * first); `undefined` when the product does not exist.
   */
  findSimilarProducts(
    productId: string,
    options: { locale: Locale; limit: number },
  ): Promise<ProductSummary[] | undefined>
  /** Variants by id or SKU with their current price and online availability; unknown ones are left out. */
  findVariantsForSale(idsOrSkus: readonly string[]): Promise<VariantForSale[]>
  /** Rebuilds the whole search index from the database. */
  rebuildSearchIndex(): Promise<{ products: number; milliseconds: number }>
  /** Re-reads these products (or those owning these variants) and updates the index. */
  refreshSearchIndex(input: {
    productIds?: readonly string[]
    variantIds?: readonly string[]
  }): Promise<void>
  /**
   * Keeps the index in step with product and stock events; returns a function that stops it. With a
   * `cluster` (several instances on PostgreSQL), the other instances' indexes follow this one's
   * changes and this one follows theirs; `onError` hears a refresh asked by another instance that
   * failed.
   */
  followChanges(
    eventBus: EventBus,
    cluster?: ClusterLink,
    onError?: (error: unknown) => void,
  ): () => void
}

/** The cluster topic the search index's changes travel on between instances. */
export const catalogChangesTopic = 'catalog-changes'

/** Past this many ids a change is sent as "rebuild everything" (a notification is small). */
const largestRelayedChange = 100

const relayedChangeSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ productIds: z.array(z.string()), variantIds: z.array(z.string()) }),
])

/** What {@link createCatalogService} needs. */
export interface CatalogServiceDependencies {
  readonly db: Db
  readonly search: ProductSearch
  readonly configuration?: Partial<CatalogConfiguration>
}

interface ProductRow {
  id: string
  slug: string
  category_key: string | null
  name: string
  description: string
  brand: string | null
  tags: string
  option_names: string
  image_url: string | null
  complements: string
  status: string
}

interface VariantRow {
  id: string
  product_id: string
  sku: string
  options: string
  price_amount: number
  currency: string
  is_available: number
}

interface LoadedProduct {
  readonly row: ProductRow
  readonly variants: VariantRow[]
  /** Variant id → online units available. */
  readonly online: Map<string, number>
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T
  } catch {
    return fallback
  }
}

function parseLocalized(text: string): LocalizedText {
  const parsed = parseJson<unknown>(text, { en: text })
  if (typeof parsed === 'object' && parsed !== null && 'en' in parsed)
    return parsed as LocalizedText
  return { en: text }
}

function collectOptions(
  optionNames: readonly string[],
  variants: readonly VariantRow[],
): Record<string, string[]> {
  const options: Record<string, string[]> = {}
  for (const name of optionNames) options[name] = []
  for (const variant of variants) {
    for (const [name, value] of Object.entries(
      parseJson<Record<string, string>>(variant.options, {}),
    )) {
      const values = (options[name] ??= [])
      if (!values.includes(value)) values.push(value)
    }
  }
  return options
}

const chunkSize = 500

function chunk<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = []
  for (let start = 0; start < items.length; start += chunkSize)
    chunks.push(items.slice(start, start + chunkSize))
  return chunks
}

/** Creates the {@link CatalogService} over the core catalog tables and a {@link ProductSearch}. */
export function createCatalogService(dependencies: CatalogServiceDependencies): CatalogService {
  const { db, search } = dependencies
  const onlineLocations = dependencies.configuration?.onlineLocations ?? ['warehouse']
  const optionValueTranslations = dependencies.configuration?.optionValueTranslations ?? {}

  function translateOptionValues(variants: readonly VariantRow[]): string[] {
    const texts = new Set<string>()
    for (const variant of variants) {
      for (const [name, value] of Object.entries(
        parseJson<Record<string, string>>(variant.options, {}),
      )) {
        const translation = optionValueTranslations[name]?.[value]
        if (translation !== undefined)
          for (const text of Object.values(translation)) texts.add(text)
      }
    }
    return [...texts]
  }

  async function onlineLocationIds(): Promise<Set<string>> {
    const rows = await db.selectFrom('locations').select(['id', 'code', 'kind']).execute()
    return new Set(
      rows
        .filter((row) => onlineLocations.includes(row.kind) || onlineLocations.includes(row.code))
        .map((row) => row.id),
    )
  }

  /** Loads products with variants and online stock; `productIds` undefined loads every active product. */
  async function loadProducts(productIds: readonly string[] | undefined): Promise<LoadedProduct[]> {
    const productRows: ProductRow[] = []
    if (productIds === undefined) {
      productRows.push(
        ...(await db.selectFrom('products').selectAll().where('status', '=', 'active').execute()),
      )
    } else {
      for (const ids of chunk(productIds)) {
        productRows.push(
          ...(await db.selectFrom('products').selectAll().where('id', 'in', ids).execute()),
        )
      }
    }
    if (productRows.length === 0) return []
    const variantRows: VariantRow[] = []
    const stockRows: {
      variant_id: string
      location_id: string
      on_hand: number
      reserved: number
    }[] = []
    const byProduct = new Map<string, LoadedProduct>()
    for (const row of productRows) byProduct.set(row.id, { row, variants: [], online: new Map() })
    const ids = productIds === undefined ? undefined : productRows.map((row) => row.id)
    if (ids === undefined) {
      variantRows.push(
        ...(await db.selectFrom('product_variants').selectAll().orderBy('sku').execute()),
      )
      stockRows.push(
        ...(await db
          .selectFrom('stock_levels')
          .select(['variant_id', 'location_id', 'on_hand', 'reserved'])
          .execute()),
      )
    } else {
      for (const part of chunk(ids)) {
        variantRows.push(
          ...(await db
            .selectFrom('product_variants')
            .selectAll()
            .where('product_id', 'in', part)
            .orderBy('sku')
            .execute()),
        )
      }
      for (const part of chunk(variantRows.map((variant) => variant.id))) {
        stockRows.push(
          ...(await db
            .selectFrom('stock_levels')
            .select(['variant_id', 'location_id', 'on_hand', 'reserved'])
            .where('variant_id', 'in', part)
            .execute()),
        )
      }
    }
    const online = await onlineLocationIds()
    const onlineByVariant = new Map<string, number>()
    for (const stock of stockRows) {
      if (!online.has(stock.location_id)) continue
      onlineByVariant.set(
        stock.variant_id,
        (onlineByVariant.get(stock.variant_id) ?? 0) +
          Number(stock.on_hand) -
          Number(stock.reserved),
      )
    }
    for (const variant of variantRows) {
      const product = byProduct.get(variant.product_id)
      if (product === undefined) continue
      product.variants.push(variant)
      product.online.set(
        variant.id,
        variant.is_available === 1 ? (onlineByVariant.get(variant.id) ?? 0) : 0,
      )
    }
    return [...byProduct.values()]
  }

  function summarize(product: LoadedProduct, locale: Locale): ProductSummary {
    const prices = product.variants.map((variant) => Number(variant.price_amount))
    const currency = product.variants[0]?.currency ?? 'MYR'
    return {
      id: product.row.id,
      slug: product.row.slug,
      name: pickText(parseLocalized(product.row.name), locale),
      categoryKey: product.row.category_key,
      imageUrl: product.row.image_url,
      priceFrom: { amount: prices.length === 0 ? 0 : Math.min(...prices), currency },
      priceTo: { amount: prices.length === 0 ? 0 : Math.max(...prices), currency },
      inStock: [...product.online.values()].some((units) => units > 0),
      options: collectOptions(parseJson<string[]>(product.row.option_names, []), product.variants),
    }
  }

  async function categoryAncestry(): Promise<{
    ancestors: Map<string, string[]>
    names: Map<string, string[]>
  }> {
    const rows = await db.selectFrom('categories').select(['key', 'parent_key', 'name']).execute()
    const parentOf = new Map(rows.map((row) => [row.key, row.parent_key]))
    const names = new Map<string, string[]>(
      rows.map((row) => [row.key, [...new Set(Object.values(parseLocalized(row.name)))]]),
    )
    const ancestors = new Map<string, string[]>()
    for (const row of rows) {
      const chain: string[] = []
      let current: string | null | undefined = row.key
      while (current !== null && current !== undefined && !chain.includes(current)) {
        chain.push(current)
        current = parentOf.get(current)
      }
      ancestors.set(row.key, chain)
    }
    return { ancestors, names }
  }

  async function buildDocuments(
    products: readonly LoadedProduct[],
  ): Promise<ProductSearchDocument[]> {
    const { ancestors, names } = await categoryAncestry()
    return products
      .filter((product) => product.row.status === 'active')
      .map((product) => {
        const categoryKeys =
          product.row.category_key === null
            ? []
            : (ancestors.get(product.row.category_key) ?? [product.row.category_key])
        return {
          productId: product.row.id,
          categoryKeys,
          name: parseLocalized(product.row.name),
          description: parseLocalized(product.row.description),
          tags: parseJson<string[]>(product.row.tags, []),
          brand: product.row.brand,
          categoryNames: categoryKeys.flatMap((key) => names.get(key) ?? []),
          optionTexts: translateOptionValues(product.variants),
          variants: product.variants.map((variant) => ({
            variantId: variant.id,
            options: parseJson<Record<string, string>>(variant.options, {}),
            priceAmount: Number(variant.price_amount),
            inStock: (product.online.get(variant.id) ?? 0) > 0,
          })),
        }
      })
  }

  const service: CatalogService = {
    describeOptionValue(name, value, locale) {
      const translation =
        optionValueTranslations[name]?.[value] ??
        optionValueTranslations[name.toLowerCase()]?.[value.toLowerCase()]
      return translation === undefined ? value : pickText(translation, locale)
    },

    async listCategories(locale) {
      const rows = await db.selectFrom('categories').selectAll().orderBy('position').execute()
      return rows.map((row) => ({
        key: row.key,
        parentKey: row.parent_key,
        name: pickText(parseLocalized(row.name), locale),
      }))
    },

    async listLocations(locale) {
      const rows = await db.selectFrom('locations').selectAll().orderBy('code').execute()
      return rows.map((row) => ({
        id: row.id,
        code: row.code,
        kind: row.kind,
        name: pickText(parseLocalized(row.name), locale),
        address: parseJson<Record<string, string>>(row.address, {}),
        phone: row.phone,
        timezone: row.timezone,
        openingHours: row.opening_hours === null ? null : parseJson(row.opening_hours, null),
      }))
    },

    async getProduct(idOrSlug, locale) {
      const row = await db
        .selectFrom('products')
        .select('id')
        .where((expression) =>
          expression.or([expression('id', '=', idOrSlug), expression('slug', '=', idOrSlug)]),
        )
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (row === undefined) return undefined
      const [product] = await loadProducts([row.id])
      if (product === undefined) return undefined
      const stockRows = await db
        .selectFrom('stock_levels')
        .innerJoin('locations', 'locations.id', 'stock_levels.location_id')
        .select([
          'stock_levels.variant_id',
          'stock_levels.location_id',
          'stock_levels.on_hand',
          'stock_levels.reserved',
          'stock_levels.aisle',
          'locations.code',
          'locations.kind',
        ])
        .where(
          'stock_levels.variant_id',
          'in',
          product.variants.length === 0 ? [''] : product.variants.map((variant) => variant.id),
        )
        .orderBy('locations.code')
        .execute()
      return {
        ...summarize(product, locale),
        description: pickText(parseLocalized(product.row.description), locale),
        brand: product.row.brand,
        tags: parseJson<string[]>(product.row.tags, []),
        complementIds: parseJson<string[]>(product.row.complements, []),
        variants: product.variants.map((variant) => ({
          id: variant.id,
          sku: variant.sku,
          options: parseJson<Record<string, string>>(variant.options, {}),
          price: { amount: Number(variant.price_amount), currency: variant.currency },
          isAvailable: variant.is_available === 1,
          availableOnline: Math.max(0, product.online.get(variant.id) ?? 0),
          stock: stockRows
            .filter((stock) => stock.variant_id === variant.id)
            .map((stock) => ({
              locationId: stock.location_id,
              locationCode: stock.code,
              locationKind: stock.kind,
              available:
                variant.is_available === 1
                  ? Math.max(0, Number(stock.on_hand) - Number(stock.reserved))
                  : 0,
              aisle: stock.aisle,
            })),
        })),
      }
    },

    async getProductSummaries(productIds, locale) {
      const products = await loadProducts(productIds)
      const byId = new Map(products.map((product) => [product.row.id, product]))
      return productIds
        .map((id) => byId.get(id))
        .filter((product): product is LoadedProduct => product !== undefined)
        .map((product) => summarize(product, locale))
    },

    async searchProducts(input) {
      const result = await search.search({
        text: input.text,
        categoryKeys: input.categoryKeys,
        priceMinAmount: input.priceMinAmount,
        priceMaxAmount: input.priceMaxAmount,
        options: input.options,
        inStockOnly: input.inStockOnly,
        offset: (input.page - 1) * input.pageSize,
        limit: input.pageSize,
      })
      const summaries = await service.getProductSummaries(
        result.hits.map((hit) => hit.productId),
        input.locale,
      )
      const byId = new Map(summaries.map((summary) => [summary.id, summary]))
      return {
        total: result.total,
        page: input.page,
        pageSize: input.pageSize,
        items: result.hits.flatMap((hit) => {
          const summary = byId.get(hit.productId)
          return summary === undefined
            ? []
            : [{ ...summary, matchingVariantIds: hit.matchingVariantIds }]
        }),
      }
    },

    async findSimilarProducts(productId, { locale, limit }) {
      const [target] = await loadProducts([productId])
      if (target === undefined || target.row.status !== 'active') return undefined
      const peerRows = await db
        .selectFrom('products')
        .select('id')
        .where('status', '=', 'active')
        .where('id', '!=', productId)
        .$if(target.row.category_key !== null, (query) =>
          query.where('category_key', '=', target.row.category_key ?? ''),
        )
        .execute()
      const peers = await loadProducts(peerRows.map((row) => row.id))
      const toCandidate = (product: LoadedProduct): SimilarityCandidate => ({
        productId: product.row.id,
        categoryKey: product.row.category_key,
        optionPairs: new Set(
          product.variants.flatMap((variant) =>
            Object.entries(parseJson<Record<string, string>>(variant.options, {})).map(
              ([name, value]) => `${name.toLowerCase()}=${value.toLowerCase()}`,
            ),
          ),
        ),
        priceAmount: Math.min(
          ...product.variants.map((variant) => Number(variant.price_amount)),
          Number.MAX_SAFE_INTEGER,
        ),
        inStock: [...product.online.values()].some((units) => units > 0),
      })
      const ranked = rankSimilarProducts(toCandidate(target), peers.map(toCandidate), limit)
      const byId = new Map(peers.map((product) => [product.row.id, product]))
      return ranked.flatMap((candidate) => {
        const product = byId.get(candidate.productId)
        return product === undefined ? [] : [summarize(product, locale)]
      })
    },

    async findVariantsForSale(idsOrSkus) {
      if (idsOrSkus.length === 0) return []
      const rows: (VariantRow & { name: string; status: string; category_key: string | null })[] =
        []
      for (const part of chunk([...new Set(idsOrSkus)])) {
        rows.push(
          ...(await db
            .selectFrom('product_variants')
            .innerJoin('products', 'products.id', 'product_variants.product_id')
            .select([
              'product_variants.id',
              'product_variants.product_id',
              'product_variants.sku',
              'product_variants.options',
              'product_variants.price_amount',
              'product_variants.currency',
              'product_variants.is_available',
              'products.name',
              'products.status',
              'products.category_key',
            ])
            .where((expression) =>
              expression.or([
                expression('product_variants.id', 'in', part),
                expression('product_variants.sku', 'in', part),
              ]),
            )
            .execute()),
        )
      }
      const online = await onlineLocationIds()
      const stock =
        rows.length === 0
          ? []
          : await db
              .selectFrom('stock_levels')
              .select(['variant_id', 'location_id', 'on_hand', 'reserved'])
              .where(
                'variant_id',
                'in',
                rows.map((row) => row.id),
              )
              .execute()
      return rows.map((row) => {
        const isAvailable = row.is_available === 1 && row.status === 'active'
        const units = stock
          .filter((level) => level.variant_id === row.id && online.has(level.location_id))
          .reduce((sum, level) => sum + Number(level.on_hand) - Number(level.reserved), 0)
        return {
          id: row.id,
          productId: row.product_id,
          sku: row.sku,
          name: parseLocalized(row.name),
          categoryKey: row.category_key,
          options: parseJson<Record<string, string>>(row.options, {}),
          price: { amount: Number(row.price_amount), currency: row.currency },
          isAvailable,
          availableOnline: isAvailable ? Math.max(0, units) : 0,
        }
      })
    },

    async rebuildSearchIndex() {
      const started = performance.now()
      const documents = await buildDocuments(await loadProducts(undefined))
      await search.replaceAll(documents)
      return { products: documents.length, milliseconds: Math.round(performance.now() - started) }
    },

    async refreshSearchIndex({ productIds = [], variantIds = [] }) {
      const ids = new Set(productIds)
      for (const part of chunk(variantIds)) {
        const rows = await db
          .selectFrom('product_variants')
          .select('product_id')
          .where('id', 'in', part)
          .execute()
        for (const row of rows) ids.add(row.product_id)
      }
      if (ids.size === 0) return
      const products = await loadProducts([...ids])
      const documents = await buildDocuments(products)
      const active = new Set(documents.map((document) => document.productId))
      await search.upsert(documents)
      const gone = [...ids].filter((id) => !active.has(id))
      if (gone.length > 0) await search.remove(gone)
    },

    followChanges(eventBus, cluster = singleInstanceLink, onError = () => undefined) {
      const refresh = async (change: { productIds: string[]; variantIds: string[] }) => {
        if (change.productIds.length === 0 && change.variantIds.length === 0) return
        await service.refreshSearchIndex(change)
        cluster.broadcast(
          catalogChangesTopic,
          change.productIds.length + change.variantIds.length > largestRelayedChange
            ? { all: true }
            : change,
        )
      }
      const stopHearing = cluster.listen(catalogChangesTopic, (data) => {
        const parsed = relayedChangeSchema.safeParse(data)
        if (!parsed.success) return
        const change = parsed.data
        const done =
          'all' in change ? service.rebuildSearchIndex() : service.refreshSearchIndex(change)
        done.catch(onError)
      })
      const stops = [
        stopHearing,
        eventBus.subscribe(catalogEventTypes.productChanged, async (event) => {
          const productId = (event.payload as { productId?: unknown }).productId
          if (typeof productId === 'string')
            await refresh({ productIds: [productId], variantIds: [] })
        }),
        ...stockChangeEventTypes.map((type) =>
          eventBus.subscribe(type, async (event) => {
            const payload = event.payload as { variantId?: unknown; variantIds?: unknown }
            const variantIds = [
              ...(typeof payload.variantId === 'string' ? [payload.variantId] : []),
              ...(Array.isArray(payload.variantIds)
                ? payload.variantIds.filter((id): id is string => typeof id === 'string')
                : []),
            ]
            await refresh({ productIds: [], variantIds })
          }),
        ),
      ]
      return () => {
        for (const stop of stops) stop()
      }
    },
  }
  return service
}
