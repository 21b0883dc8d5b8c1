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
  /** The product name in every language. */
  name: string
  /** Tags and synonyms, category names, brand and option values: short, telling words. */
  keywords: string
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
  boosts: { name: 4, keywords: 2.5, description: 1 },
  fuzziness: 0.25,
  minimumPrefixLength: 2,
}

const allFields = ['name', 'keywords', 'description'] as const

function toIndexedFields(document: ProductSearchDocument): IndexedFields {
  // Three fields rather than one per source: scoring cost grows with the fields a term is found in.
  const optionValues = new Set(
    document.variants.flatMap((variant) => Object.values(variant.options)),
  )
  return {
    id: document.productId,
    name: Object.values(document.name).join('\n'),
    keywords: [
      ...document.tags,
      ...document.categoryNames,
      document.brand ?? '',
      ...optionValues,
      ...(document.optionTexts ?? []),
    ].join('\n'),
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
/** True when one variant of a product passes the price, option and stock filters. */
function isVariantWanted(record: FilterRecord, index: number, filters: PreparedFilters): boolean {
  const variant = record.variants[index]
  if (variant === undefined) return false
  if (filters.priceMin !== undefined && variant.priceAmount < filters.priceMin) return false
  if (filters.priceMax !== undefined && variant.priceAmount > filters.priceMax) return false
  const lowered = record.loweredOptions[index] ?? {}
  for (const [name, accepted] of filters.options) {
    const value = lowered[name]
    if (value === undefined || !accepted.has(value)) return false
  }
  return !(filters.inStockOnly && !variant.inStock)
}

/**
 * Whether a product passes the filters, and if so whether a wanted variant is in stock — without
 * allocating, because it runs for every text match (often a thousand) to rank in-stock first.
 */
function classifyRecord(
  record: FilterRecord,
  filters: PreparedFilters,
): 'in-stock' | 'out-of-stock' | undefined {
  if (
    filters.categoryKeys !== undefined &&
    !filters.categoryKeys.some((key) => record.categoryKeys.has(key))
  ) {
    return undefined
  }
  let found = false
  for (let index = 0; index < record.variants.length; index += 1) {
    if (!isVariantWanted(record, index, filters)) continue
    if (record.variants[index]?.inStock === true) return 'in-stock'
    found = true
  }
  return found ? 'out-of-stock' : undefined
}

/** The ids of the variants of a product that pass the filters (only for the hits returned). */
function wantedVariantIds(record: FilterRecord, filters: PreparedFilters): string[] {
  const ids: string[] = []
  for (let index = 0; index < record.variants.length; index += 1) {
    const variant = record.variants[index]
    if (variant !== undefined && isVariantWanted(record, index, filters))
      ids.push(variant.variantId)
  }
  return ids
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
  // Every term ever indexed (it only grows), to know before searching whether an exact match of all
  // words is possible at all: MiniSearch scores each word's postings before combining them, so an
  // AND with one unknown word still pays for the others.
  let vocabulary = new Set<string>()
  let sortedVocabulary: string[] | undefined
  const createIndex = (): MiniSearch<IndexedFields> =>
    new MiniSearch<IndexedFields>({
      fields: [...allFields],
      storeFields: [],
      tokenize: (text) => {
        const terms = tokenizeForIndex(text)
        for (const term of terms) {
          if (!vocabulary.has(term)) {
            vocabulary.add(term)
            sortedVocabulary = undefined
          }
        }
        return terms
      },
      processTerm: (term) => term,
    })

  function hasTermWithPrefix(prefix: string): boolean {
    sortedVocabulary ??= [...vocabulary].sort()
    let low = 0
    let high = sortedVocabulary.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((sortedVocabulary[middle] ?? '') < prefix) low = middle + 1
      else high = middle
    }
    return (sortedVocabulary[low] ?? '').startsWith(prefix)
  }

  function canMatchExactly(terms: readonly string[], chinese: ReadonlySet<string>): boolean {
    return terms.every((term, position) =>
      position === terms.length - 1 &&
      !chinese.has(term) &&
      term.length >= tuning.minimumPrefixLength
        ? hasTermWithPrefix(term)
        : vocabulary.has(term),
    )
  }
  let index = createIndex()
  let records = new Map<string, FilterRecord>()

  // Category key → product ids, so a filter-only listing does not scan the whole catalog.
  let byCategory = new Map<string, Set<string>>()

  function runTextSearch(
    terms: readonly string[],
    chinese: ReadonlySet<string>,
    combineWith: 'AND' | 'OR',
    fuzzy: boolean,
    fields: readonly (keyof IndexedFields)[],
  ): { id: string; score: number }[] {
    if (terms.length === 0) return []
    const last = terms[terms.length - 1]
    const options: SearchOptions = {
      combineWith,
      fields: [...fields],
      boost: { ...tuning.boosts },
      tokenize: () => [...terms],
      processTerm: (term) => term,
      fuzzy: (term) => (fuzzy && !chinese.has(term) && term.length >= 4 ? tuning.fuzziness : false),
      // With typo tolerance on, a prefix too would let a short word match a large part of the vocabulary.
      prefix: (term) =>
        !fuzzy && term === last && !chinese.has(term) && term.length >= tuning.minimumPrefixLength,
      maxFuzzy: 2,
    }
    return index
      .search(terms.join(' '), options)
      .map((result) => ({ id: String(result.id), score: result.score }))
  }

  /**
   * Cheapest first, stopping once a page is found: exact words (and a prefix for the last one) in
   * names and keywords, then in descriptions too (both skipped when a word is in no product); then
   * with typo tolerance (the costly part) in names and keywords, then everywhere; any-word matching
   * in names and keywords only when all words together find nothing. Exact matches stay on top.
   */
  function rankByText(text: string, wanted: number): { id: string; score: number }[] {
    const { terms, chinese } = tokenizeQuery(text)
    let found: { id: string; score: number }[] = []
    if (canMatchExactly(terms, chinese)) {
      found = runTextSearch(terms, chinese, 'AND', false, ['name', 'keywords'])
      if (found.length >= wanted) return found
      found = runTextSearch(terms, chinese, 'AND', false, allFields)
      if (found.length >= wanted) return found
    }
    const withTypos = (fields: readonly (keyof IndexedFields)[]) => {
      const seen = new Set(found.map((hit) => hit.id))
      return found.concat(
        runTextSearch(terms, chinese, 'AND', true, fields).filter((hit) => !seen.has(hit.id)),
      )
    }
    const strongTypos = withTypos(['name', 'keywords'])
    if (strongTypos.length >= wanted) return strongTypos
    const allTypos = withTypos(allFields)
    if (allTypos.length > 0) return allTypos
    return runTextSearch(terms, chinese, 'OR', true, ['name', 'keywords'])
  }

  function candidatesWithoutText(filters: PreparedFilters): { id: string; score: number }[] {
    if (filters.categoryKeys === undefined)
      return [...records.keys()].map((id) => ({ id, score: 0 }))
    const ids = new Set<string>()
    for (const key of filters.categoryKeys) for (const id of byCategory.get(key) ?? []) ids.add(id)
    return [...ids].map((id) => ({ id, score: 0 }))
  }

  function indexCategories(
    productId: string,
    record: FilterRecord | undefined,
    add: boolean,
  ): void {
    if (record === undefined) return
    for (const key of record.categoryKeys) {
      const set = byCategory.get(key) ?? new Set<string>()
      if (add) set.add(productId)
      else set.delete(productId)
      byCategory.set(key, set)
    }
  }

  return {
    size: () => records.size,

    async replaceAll(documents) {
      vocabulary = new Set()
      sortedVocabulary = undefined
      const nextIndex = createIndex()
      const nextRecords = new Map<string, FilterRecord>()
      for (const document of documents) {
        if (nextRecords.has(document.productId)) continue
        nextIndex.add(toIndexedFields(document))
        nextRecords.set(document.productId, toFilterRecord(document))
      }
      index = nextIndex
      records = nextRecords
      byCategory = new Map()
      for (const [id, record] of records) indexCategories(id, record, true)
    },

    async upsert(documents) {
      for (const document of documents) {
        if (index.has(document.productId)) index.discard(document.productId)
        indexCategories(document.productId, records.get(document.productId), false)
        index.add(toIndexedFields(document))
        const record = toFilterRecord(document)
        records.set(document.productId, record)
        indexCategories(document.productId, record, true)
      }
    },

    async remove(productIds) {
      for (const id of productIds) {
        if (index.has(id)) index.discard(id)
        indexCategories(id, records.get(id), false)
        records.delete(id)
      }
    },

    async search(query): Promise<ProductSearchResult> {
      const filters = prepareFilters(query)
      const text = query.text?.trim() ?? ''
      const ranked =
        text.length === 0
          ? candidatesWithoutText(filters)
          : rankByText(text, query.offset + query.limit)
      const inStock: { id: string; score: number; record: FilterRecord }[] = []
      const outOfStock: { id: string; score: number; record: FilterRecord }[] = []
      for (const { id, score } of ranked) {
        const record = records.get(id)
        if (record === undefined) continue
        const kind = classifyRecord(record, filters)
        if (kind === 'in-stock') inStock.push({ id, score, record })
        else if (kind === 'out-of-stock') outOfStock.push({ id, score, record })
      }
      const all = inStock.concat(outOfStock)
      const hits: ProductSearchHit[] = all
        .slice(query.offset, query.offset + query.limit)
        .map(({ id, score, record }) => ({
          productId: id,
          score,
          inStock: classifyRecord(record, filters) === 'in-stock',
          matchingVariantIds: wantedVariantIds(record, filters),
        }))
      return { total: all.length, hits }
    },
  }
}
