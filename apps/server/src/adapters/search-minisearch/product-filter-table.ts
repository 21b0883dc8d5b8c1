import { growTypedArray } from './grow-typed-array.ts'
import type { ProductSearchDocument, ProductSearchQuery } from '../../domains/catalog/index.ts'

/**
 * What the filters and the in-stock-first ranking need of each product, in flat typed arrays
 * (columns): per product slot its range of category ids and its range of variants; per variant its
 * price, stock flag and range of option values (interned ids of lower-cased `name=value` pairs).
 * Checking a product allocates nothing and reads a few neighbouring array cells rather than
 * following pointers to per-product objects — it runs for every text match of a query, often a
 * thousand or more, and object-per-product layouts cost a cache miss per field on a busy machine.
 * A product stored again gets fresh ranges at the end; the arrays are compacted once more than
 * half of them is left over. Per product, a summary (lowest and highest price, whether any variant
 * is in stock, a 32-bit mask of its option values; each variant has such a mask too) settles most products without reading their
 * variants: with no variant filter the summary is the answer, and a product whose summary cannot
 * pass is dropped at once.
 */

/** A query's filters, compiled against one {@link ProductFilterTable}; valid until its next query. */
export interface CompiledFilters {
  readonly categoryKeys: readonly string[] | undefined
  readonly priceMin: number
  readonly priceMax: number
  /** Number of option names the query filters on; each must be matched by an accepted pair. */
  readonly optionNameCount: number
  readonly inStockOnly: boolean
  /** False when no price, option or stock filter applies (the product summary is enough). */
  readonly hasVariantFilters: boolean
  /** Per filtered option name, the mask bits of its accepted values (see `optionMasks`). */
  readonly optionNameMasks: Uint32Array
  readonly stamp: number
}

/** How a product fares against a query's filters. */
export const filterOutcomes = { filteredOut: 0, outOfStock: 1, inStock: 2 } as const

/** One of {@link filterOutcomes}' values. */
export type FilterOutcome = (typeof filterOutcomes)[keyof typeof filterOutcomes]

/** Per-slot filter data of the indexed products. */
export interface ProductFilterTable {
  /** Stores (or replaces) the filter data of the product at `slot`. */
  set(slot: number, document: ProductSearchDocument): void
  /** Forgets the product at `slot`. */
  delete(slot: number): void
  /** True when a product is stored at `slot`. */
  has(slot: number): boolean
  /** Slots of the products in a category (ascending); empty for an unknown category. */
  slotsInCategory(categoryKey: string): readonly number[]
  /** Compiles a query's filters; the result is valid until the next call. */
  compile(query: ProductSearchQuery): CompiledFilters
  /** Whether the product passes the filters and, if so, whether a passing variant is in stock. */
  classify(slot: number, filters: CompiledFilters): FilterOutcome
  /** Ids of the product's variants passing the filters. */
  matchingVariantIds(slot: number, filters: CompiledFilters): string[]
}

function optionPairKey(name: string, value: string): string {
  return `${name.toLowerCase()}\u0000${value.toLowerCase()}`
}

/** Creates an empty {@link ProductFilterTable}. */
export function createProductFilterTable(): ProductFilterTable {
  const categoryIds = new Map<string, number>()
  const pairIds = new Map<string, number>()
  // Category id → slots (ascending), so a listing by category does not scan every product.
  const slotsByCategory: number[][] = []

  // Per slot: 1 when stored, and the ranges [start, end) of its categories and variants.
  let stored = new Uint8Array(0)
  let categoryStart = new Int32Array(0)
  let categoryEnd = new Int32Array(0)
  let variantStart = new Int32Array(0)
  let variantEnd = new Int32Array(0)
  // Per slot summary: price bounds, 1 when a variant is in stock, option value bits (id mod 32).
  let lowestPrice = new Float64Array(0)
  let highestPrice = new Float64Array(0)
  let anyInStock = new Uint8Array(0)
  let optionMasks = new Uint32Array(0)
  // Flat columns the ranges point into; `*Used` is the filled length, `*Live` what is still in use.
  let categories = new Int32Array(0)
  let categoriesUsed = 0
  let prices = new Float64Array(0)
  let inStock = new Uint8Array(0)
  let pairStart = new Int32Array(0)
  let pairEnd = new Int32Array(0)
  let variantMasks = new Uint32Array(0)
  let variantIds: string[] = []
  let variantsUsed = 0
  let variantsLive = 0
  let pairs = new Int32Array(0)
  let pairsUsed = 0

  // Query-time acceptance marks, by category id and option pair id (equal to the query's stamp).
  let acceptedCategories = new Uint32Array(0)
  let acceptedPairs = new Uint32Array(0)
  let currentStamp = 0

  function intern(ids: Map<string, number>, key: string): number {
    let id = ids.get(key)
    if (id === undefined) {
      id = ids.size
      ids.set(key, id)
    }
    return id
  }

  function placeInCategories(slot: number, add: boolean): void {
    for (let index = categoryStart[slot] ?? 0; index < (categoryEnd[slot] ?? 0); index += 1) {
      const slots = (slotsByCategory[categories[index] ?? 0] ??= [])
      let low = 0
      let high = slots.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((slots[middle] ?? 0) < slot) low = middle + 1
        else high = middle
      }
      const present = slots[low] === slot
      if (add && !present) slots.splice(low, 0, slot)
      else if (!add && present) slots.splice(low, 1)
    }
  }

  function ensureSlot(slot: number): void {
    const needed = slot + 1
    stored = growTypedArray(stored, needed, (length) => new Uint8Array(length), 64)
    categoryStart = growTypedArray(categoryStart, needed, (length) => new Int32Array(length), 64)
    categoryEnd = growTypedArray(categoryEnd, needed, (length) => new Int32Array(length), 64)
    variantStart = growTypedArray(variantStart, needed, (length) => new Int32Array(length), 64)
    variantEnd = growTypedArray(variantEnd, needed, (length) => new Int32Array(length), 64)
    lowestPrice = growTypedArray(lowestPrice, needed, (length) => new Float64Array(length), 64)
    highestPrice = growTypedArray(highestPrice, needed, (length) => new Float64Array(length), 64)
    anyInStock = growTypedArray(anyInStock, needed, (length) => new Uint8Array(length), 64)
    optionMasks = growTypedArray(optionMasks, needed, (length) => new Uint32Array(length), 64)
  }

  function ensureVariants(needed: number): void {
    prices = growTypedArray(prices, needed, (length) => new Float64Array(length), 64)
    inStock = growTypedArray(inStock, needed, (length) => new Uint8Array(length), 64)
    pairStart = growTypedArray(pairStart, needed, (length) => new Int32Array(length), 64)
    pairEnd = growTypedArray(pairEnd, needed, (length) => new Int32Array(length), 64)
    variantMasks = growTypedArray(variantMasks, needed, (length) => new Uint32Array(length), 64)
  }

  /** Copies every stored product's ranges to the front of fresh columns, in slot order. */
  function compact(): void {
    const nextCategories = new Int32Array(Math.max(64, categoriesUsed))
    const nextPrices = new Float64Array(Math.max(64, variantsLive))
    const nextInStock = new Uint8Array(Math.max(64, variantsLive))
    const nextPairStart = new Int32Array(Math.max(64, variantsLive))
    const nextPairEnd = new Int32Array(Math.max(64, variantsLive))
    const nextVariantMasks = new Uint32Array(Math.max(64, variantsLive))
    const nextVariantIds: string[] = []
    const nextPairs = new Int32Array(Math.max(64, pairsUsed))
    let nextCategoriesUsed = 0
    let nextPairsUsed = 0
    for (let slot = 0; slot < stored.length; slot += 1) {
      if (stored[slot] !== 1) continue
      const categoryFrom = categoryStart[slot] ?? 0
      const categoryTo = categoryEnd[slot] ?? 0
      nextCategories.set(categories.subarray(categoryFrom, categoryTo), nextCategoriesUsed)
      categoryStart[slot] = nextCategoriesUsed
      nextCategoriesUsed += categoryTo - categoryFrom
      categoryEnd[slot] = nextCategoriesUsed
      const firstVariant = nextVariantIds.length
      for (let variant = variantStart[slot] ?? 0; variant < (variantEnd[slot] ?? 0); variant += 1) {
        const target = nextVariantIds.length
        nextVariantIds.push(variantIds[variant] ?? '')
        nextPrices[target] = prices[variant] ?? 0
        nextInStock[target] = inStock[variant] ?? 0
        nextVariantMasks[target] = variantMasks[variant] ?? 0
        const pairFrom = pairStart[variant] ?? 0
        const pairTo = pairEnd[variant] ?? 0
        nextPairs.set(pairs.subarray(pairFrom, pairTo), nextPairsUsed)
        nextPairStart[target] = nextPairsUsed
        nextPairsUsed += pairTo - pairFrom
        nextPairEnd[target] = nextPairsUsed
      }
      variantStart[slot] = firstVariant
      variantEnd[slot] = nextVariantIds.length
    }
    categories = nextCategories
    categoriesUsed = nextCategoriesUsed
    prices = nextPrices
    inStock = nextInStock
    pairStart = nextPairStart
    pairEnd = nextPairEnd
    variantMasks = nextVariantMasks
    variantIds = nextVariantIds
    variantsUsed = nextVariantIds.length
    pairs = nextPairs
    pairsUsed = nextPairsUsed
  }

  function release(slot: number): void {
    if (stored[slot] !== 1) return
    placeInCategories(slot, false)
    variantsLive -= (variantEnd[slot] ?? 0) - (variantStart[slot] ?? 0)
    stored[slot] = 0
  }

  function append(slot: number, document: ProductSearchDocument): void {
    ensureSlot(slot)
    const keys = [...new Set(document.categoryKeys)]
    categories = growTypedArray(
      categories,
      categoriesUsed + keys.length,
      (length) => new Int32Array(length),
      64,
    )
    categoryStart[slot] = categoriesUsed
    for (const key of keys) {
      categories[categoriesUsed] = intern(categoryIds, key)
      categoriesUsed += 1
    }
    categoryEnd[slot] = categoriesUsed
    const { variants } = document
    ensureVariants(variantsUsed + variants.length)
    variantStart[slot] = variantsUsed
    let lowest = Number.POSITIVE_INFINITY
    let highest = Number.NEGATIVE_INFINITY
    let stocked = 0
    let mask = 0
    for (const variant of variants) {
      // One value per lower-cased option name (the last, as a later key overrides an earlier one).
      const byName = new Map<string, string>()
      for (const [name, value] of Object.entries(variant.options)) {
        byName.set(name.toLowerCase(), value)
      }
      pairs = growTypedArray(pairs, pairsUsed + byName.size, (length) => new Int32Array(length), 64)
      pairStart[variantsUsed] = pairsUsed
      let variantMask = 0
      for (const [name, value] of byName) {
        const pair = intern(pairIds, optionPairKey(name, value))
        pairs[pairsUsed] = pair
        pairsUsed += 1
        variantMask |= 1 << (pair % 32)
      }
      pairEnd[variantsUsed] = pairsUsed
      variantMasks[variantsUsed] = variantMask
      mask |= variantMask
      lowest = Math.min(lowest, variant.priceAmount)
      highest = Math.max(highest, variant.priceAmount)
      if (variant.inStock) stocked = 1
      prices[variantsUsed] = variant.priceAmount
      inStock[variantsUsed] = variant.inStock ? 1 : 0
      variantIds[variantsUsed] = variant.variantId
      variantsUsed += 1
    }
    variantEnd[slot] = variantsUsed
    lowestPrice[slot] = lowest
    highestPrice[slot] = highest
    anyInStock[slot] = stocked
    optionMasks[slot] = mask
    variantsLive += variants.length
    stored[slot] = 1
    placeInCategories(slot, true)
    acceptedCategories = growTypedArray(
      acceptedCategories,
      categoryIds.size,
      (length) => new Uint32Array(length),
      64,
    )
    acceptedPairs = growTypedArray(
      acceptedPairs,
      pairIds.size,
      (length) => new Uint32Array(length),
      64,
    )
  }

  function isVariantWanted(variant: number, filters: CompiledFilters): boolean {
    const price = prices[variant] ?? 0
    if (price < filters.priceMin || price > filters.priceMax) return false
    if (filters.inStockOnly && inStock[variant] !== 1) return false
    if (filters.optionNameCount === 0) return true
    const mask = variantMasks[variant] ?? 0
    for (const nameMask of filters.optionNameMasks) if ((mask & nameMask) === 0) return false
    // A variant has one pair per option name and an accepted pair names one filtered option, so
    // counting the accepted pairs counts the filtered options the variant satisfies.
    let satisfied = 0
    const end = pairEnd[variant] ?? 0
    for (let index = pairStart[variant] ?? 0; index < end; index += 1) {
      if (acceptedPairs[pairs[index] ?? 0] === filters.stamp) satisfied += 1
    }
    return satisfied === filters.optionNameCount
  }

  /** False when the product's summary shows that none of its variants can pass. */
  function mayPass(slot: number, filters: CompiledFilters): boolean {
    if (filters.inStockOnly && anyInStock[slot] !== 1) return false
    if ((highestPrice[slot] ?? 0) < filters.priceMin) return false
    if ((lowestPrice[slot] ?? 0) > filters.priceMax) return false
    const mask = optionMasks[slot] ?? 0
    for (const nameMask of filters.optionNameMasks) if ((mask & nameMask) === 0) return false
    return true
  }

  function isInCategory(slot: number, filters: CompiledFilters): boolean {
    if (filters.categoryKeys === undefined) return true
    const end = categoryEnd[slot] ?? 0
    for (let index = categoryStart[slot] ?? 0; index < end; index += 1) {
      if (acceptedCategories[categories[index] ?? 0] === filters.stamp) return true
    }
    return false
  }

  return {
    set(slot, document) {
      release(slot)
      append(slot, document)
      if (variantsUsed > 1024 && variantsUsed > 2 * variantsLive) compact()
    },

    delete(slot) {
      release(slot)
    },

    has(slot) {
      return stored[slot] === 1
    },

    slotsInCategory(categoryKey) {
      const id = categoryIds.get(categoryKey)
      return id === undefined ? [] : (slotsByCategory[id] ?? [])
    },

    compile(query) {
      currentStamp = currentStamp >= 0xffff_fffe ? 1 : currentStamp + 1
      if (currentStamp === 1) {
        acceptedCategories.fill(0)
        acceptedPairs.fill(0)
      }
      const categoryKeys =
        query.categoryKeys !== undefined && query.categoryKeys.length > 0
          ? query.categoryKeys
          : undefined
      for (const key of categoryKeys ?? []) {
        const id = categoryIds.get(key)
        if (id !== undefined) acceptedCategories[id] = currentStamp
      }
      const names = new Map<string, readonly string[]>()
      for (const [name, values] of Object.entries(query.options ?? {})) {
        if (values.length === 0) continue
        const lowered = name.toLowerCase()
        names.set(lowered, [...(names.get(lowered) ?? []), ...values])
      }
      const optionNameMasks = new Uint32Array(names.size)
      let position = 0
      for (const [name, values] of names) {
        for (const value of values) {
          const id = pairIds.get(optionPairKey(name, value))
          if (id === undefined) continue
          acceptedPairs[id] = currentStamp
          optionNameMasks[position] = (optionNameMasks[position] ?? 0) | (1 << (id % 32))
        }
        position += 1
      }
      const priceMin = query.priceMinAmount ?? Number.NEGATIVE_INFINITY
      const priceMax = query.priceMaxAmount ?? Number.POSITIVE_INFINITY
      const inStockOnly = query.inStockOnly === true
      return {
        categoryKeys,
        priceMin,
        priceMax,
        optionNameCount: names.size,
        inStockOnly,
        hasVariantFilters:
          inStockOnly ||
          names.size > 0 ||
          priceMin !== Number.NEGATIVE_INFINITY ||
          priceMax !== Number.POSITIVE_INFINITY,
        optionNameMasks,
        stamp: currentStamp,
      }
    },

    classify(slot, filters) {
      if (stored[slot] !== 1 || !isInCategory(slot, filters)) return filterOutcomes.filteredOut
      if (!filters.hasVariantFilters) {
        return anyInStock[slot] === 1 ? filterOutcomes.inStock : filterOutcomes.outOfStock
      }
      if (!mayPass(slot, filters)) return filterOutcomes.filteredOut
      let found = false
      const end = variantEnd[slot] ?? 0
      for (let variant = variantStart[slot] ?? 0; variant < end; variant += 1) {
        if (!isVariantWanted(variant, filters)) continue
        if (inStock[variant] === 1) return filterOutcomes.inStock
        found = true
      }
      return found ? filterOutcomes.outOfStock : filterOutcomes.filteredOut
    },

    matchingVariantIds(slot, filters) {
      const ids: string[] = []
      if (stored[slot] !== 1 || !isInCategory(slot, filters)) return ids
      const end = variantEnd[slot] ?? 0
      for (let variant = variantStart[slot] ?? 0; variant < end; variant += 1) {
        if (isVariantWanted(variant, filters)) ids.push(variantIds[variant] ?? '')
      }
      return ids
    },
  }
}
