import MiniSearch, { type SearchOptions } from 'minisearch'
import type {
  ProductSearch,
  ProductSearchDocument,
  ProductSearchHit,
  ProductSearchQuery,
  ProductSearchResult,
  ProductSearchVariant,
} from '../../domains/catalog/index.ts'
import { tokenizeForIndex, tokenizeQuery } from './tokenize-search-text.ts'

interface IndexedFields {
  id: string
  name: string
  tags: string
  categories: string
  options: string
  brand: string
  description: string
}

/** What filters need of a product, kept beside the index (MiniSearch stores no fields). */
interface FilterRecord {
  readonly categoryKeys: ReadonlySet<string>
  readonly variants: readonly ProductSearchVariant[]
  /** Option name → lower-cased value, per variant, to compare filters case-insensitively. */
  readonly loweredOptions: readonly Readonly<Record<string, string>>[]
}

/** Tuning of the MiniSearch index; the defaults were measured with `npm run bench:search`. */
export interface MiniSearchTuning {
  /** Relative weight of each field in the score. */
  readonly boosts: Readonly<Record<Exclude<keyof IndexedFields, 'id'>, number>>
  /** Edit distance allowed, as a fraction of a Latin term's length (terms of 4+ letters only). */
  readonly fuzziness: number
  /** Shortest Latin term that is matched as a prefix (the last term of a query only). */
  readonly minimumPrefixLength: number
}

/** The default {@link MiniSearchTuning}. */
export const defaultMiniSearchTuning: MiniSearchTuning = {
  boosts: { name: 4, tags: 3, categories: 2, options: 2, brand: 2, description: 1 },
  fuzziness: 0.25,
  minimumPrefixLength: 2,
}

function toIndexedFields(document: ProductSearchDocument): IndexedFields {
  return {
    id: document.productId,
    name: Object.values(document.name).join('\n'),
    tags: document.tags.join('\n'),
    categories: document.categoryNames.join('\n'),
    options: [
      ...new Set(document.variants.flatMap((variant) => Object.values(variant.options))),
    ].join('\n'),
    brand: document.brand ?? '',
    description: Object.values(document.description).join('\n'),
  }
}

function toFilterRecord(document: ProductSearchDocument): FilterRecord {
  return {
    categoryKeys: new Set(document.categoryKeys),
    variants: document.variants,
    loweredOptions: document.variants.map((variant) =>
      Object.fromEntries(
        Object.entries(variant.options).map(([name, value]) => [
          name.toLowerCase(),
          value.toLowerCase(),
        ]),
      ),
    ),
  }
}

interface PreparedFilters {
  readonly categoryKeys: readonly string[] | undefined
  readonly priceMin: number | undefined
  readonly priceMax: number | undefined
  readonly options: readonly (readonly [string, ReadonlySet<string>])[]
  readonly inStockOnly: boolean
}

function prepareFilters(query: ProductSearchQuery): PreparedFilters {
  return {
    categoryKeys:
      query.categoryKeys !== undefined && query.categoryKeys.length > 0
        ? query.categoryKeys
        : undefined,
    priceMin: query.priceMinAmount,
    priceMax: query.priceMaxAmount,
    options: Object.entries(query.options ?? {})
      .filter(([, values]) => values.length > 0)
      .map(
        ([name, values]) =>
          [name.toLowerCase(), new Set(values.map((value) => value.toLowerCase()))] as const,
      ),
    inStockOnly: query.inStockOnly === true,
  }
}

/** The variants passing the filters, or `undefined` when the product is filtered out. */
function matchFilters(
  record: FilterRecord,
  filters: PreparedFilters,
): { variantIds: string[]; inStock: boolean } | undefined {
  if (
    filters.categoryKeys !== undefined &&
    !filters.categoryKeys.some((key) => record.categoryKeys.has(key))
  ) {
    return undefined
  }
  const variantIds: string[] = []
  let inStock = false
  record.variants.forEach((variant, index) => {
    if (filters.priceMin !== undefined && variant.priceAmount < filters.priceMin) return
    if (filters.priceMax !== undefined && variant.priceAmount > filters.priceMax) return
    const lowered = record.loweredOptions[index] ?? {}
    for (const [name, accepted] of filters.options) {
      const value = lowered[name]
      if (value === undefined || !accepted.has(value)) return
    }
    if (filters.inStockOnly && !variant.inStock) return
    variantIds.push(variant.variantId)
    if (variant.inStock) inStock = true
  })
  if (variantIds.length === 0) return undefined
  return { variantIds, inStock }
}

/**
 * {@link ProductSearch} in process with MiniSearch: multilingual full text (Chinese both scripts,
 * typos, prefixes), filters on categories, prices, options and stock, in-stock first.
 */
export function createMiniSearchProductSearch(
  tuning: MiniSearchTuning = defaultMiniSearchTuning,
): ProductSearch & {
  /** Number of products indexed. */
  readonly size: () => number
} {
  const createIndex = (): MiniSearch<IndexedFields> =>
    new MiniSearch<IndexedFields>({
      fields: ['name', 'tags', 'categories', 'options', 'brand', 'description'],
      storeFields: [],
      tokenize: (text) => tokenizeForIndex(text),
      processTerm: (term) => term,
    })
  let index = createIndex()
  let records = new Map<string, FilterRecord>()

  function runTextSearch(text: string, combineWith: 'AND' | 'OR'): { id: string; score: number }[] {
    const { terms, chinese } = tokenizeQuery(text)
    if (terms.length === 0) return []
    const last = terms[terms.length - 1]
    const options: SearchOptions = {
      combineWith,
      boost: { ...tuning.boosts },
      tokenize: () => [...terms],
      processTerm: (term) => term,
      fuzzy: (term) => (!chinese.has(term) && term.length >= 4 ? tuning.fuzziness : false),
      prefix: (term) =>
        term === last && !chinese.has(term) && term.length >= tuning.minimumPrefixLength,
      maxFuzzy: 2,
    }
    return index
      .search(terms.join(' '), options)
      .map((result) => ({ id: String(result.id), score: result.score }))
  }

  return {
    size: () => records.size,

    async replaceAll(documents) {
      const nextIndex = createIndex()
      const nextRecords = new Map<string, FilterRecord>()
      for (const document of documents) {
        if (nextRecords.has(document.productId)) continue
        nextIndex.add(toIndexedFields(document))
        nextRecords.set(document.productId, toFilterRecord(document))
      }
      index = nextIndex
      records = nextRecords
    },

    async upsert(documents) {
      for (const document of documents) {
        if (index.has(document.productId)) index.discard(document.productId)
        index.add(toIndexedFields(document))
        records.set(document.productId, toFilterRecord(document))
      }
    },

    async remove(productIds) {
      for (const id of productIds) {
        if (index.has(id)) index.discard(id)
        records.delete(id)
      }
    },

    async search(query): Promise<ProductSearchResult> {
      const filters = prepareFilters(query)
      const text = query.text?.trim() ?? ''
      let ranked: { id: string; score: number }[]
      if (text.length === 0) {
        ranked = [...records.keys()].map((id) => ({ id, score: 0 }))
      } else {
        ranked = runTextSearch(text, 'AND')
        // A forgiving search: when every word together finds nothing, any word may match.
        if (ranked.length === 0) ranked = runTextSearch(text, 'OR')
      }
      const inStock: ProductSearchHit[] = []
      const outOfStock: ProductSearchHit[] = []
      for (const { id, score } of ranked) {
        const record = records.get(id)
        if (record === undefined) continue
        const matched = matchFilters(record, filters)
        if (matched === undefined) continue
        const hit = {
          productId: id,
          score,
          inStock: matched.inStock,
          matchingVariantIds: matched.variantIds,
        }
        if (matched.inStock) inStock.push(hit)
        else outOfStock.push(hit)
      }
      const all = inStock.concat(outOfStock)
      return { total: all.length, hits: all.slice(query.offset, query.offset + query.limit) }
    },
  }
}
