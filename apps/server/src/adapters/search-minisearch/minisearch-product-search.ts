import type {
  ProductSearch,
  ProductSearchDocument,
  ProductSearchHit,
  ProductSearchResult,
} from '../../domains/catalog/index.ts'
import {
  createProductFilterTable,
  filterOutcomes,
  type CompiledFilters,
  type ProductFilterTable,
} from './product-filter-table.ts'
import {
  createProductTextIndex,
  type ProductTextIndex,
  type TermExpansion,
  type TextField,
  type TextMatches,
} from './product-text-index.ts'
import { tokenizeForIndex, tokenizeQuery } from './tokenize-search-text.ts'

/** Tuning of the search; the defaults were measured with `npm run bench:search`. */
export interface MiniSearchTuning {
  /** Relative weight of each field in the score. */
  readonly boosts: Readonly<Record<TextField, number>>
  /** Edit distance allowed, as a fraction of a Latin term's length (terms of 4+ letters only). */
  readonly fuzziness: number
  /** Shortest Latin term that is matched as a prefix (the last term of a query only). */
  readonly minimumPrefixLength: number
  /**
   * Most vocabulary terms one query word may stand for — prefix completions or typo corrections,
   * nearest first — so a short or common word cannot make a query score a large part of the index.
   */
  readonly maxTermExpansions: number
}

/** The default {@link MiniSearchTuning}. */
export const defaultMiniSearchTuning: MiniSearchTuning = {
  boosts: { name: 4, keywords: 2.5, description: 1 },
  fuzziness: 0.25,
  minimumPrefixLength: 2,
  maxTermExpansions: 16,
}

/** Largest edit distance tolerated for one word, whatever its length. */
const maxEditDistance = 2

/** Words of a query searched at most; a pasted paragraph must not cost a look-up per word. */
const maxQueryTerms = 32

/** Up to this many results wanted, the page is picked by insertion; beyond it, by a full sort. */
const partialSelectionLimit = 256

/** A product's three indexed texts. Fields are merged: scoring cost grows with fields matched. */
function toFieldTexts(document: ProductSearchDocument): string[] {
  const optionValues = new Set(
    document.variants.flatMap((variant) => Object.values(variant.options)),
  )
  return [
    Object.values(document.name).join('\n'),
    [
      ...document.tags,
      ...document.categoryNames,
      document.brand ?? '',
      ...optionValues,
      ...(document.optionTexts ?? []),
    ].join('\n'),
    Object.values(document.description).join('\n'),
  ]
}

/** The text index, filter data and product ids of one generation of the catalog. */
interface Catalog {
  readonly text: ProductTextIndex
  readonly filters: ProductFilterTable
  /** Product id → slot; kept when a product is removed, so it comes back at the same place. */
  readonly slotOf: Map<string, number>
  /** Slot → product id; slot order is the order products were first added (listing order). */
  readonly productIds: string[]
}

function createCatalog(): Catalog {
  return {
    text: createProductTextIndex(tokenizeForIndex),
    filters: createProductFilterTable(),
    slotOf: new Map(),
    productIds: [],
  }
}

function putDocument(catalog: Catalog, document: ProductSearchDocument): void {
  let slot = catalog.slotOf.get(document.productId)
  if (slot === undefined) {
    slot = catalog.productIds.length
    catalog.slotOf.set(document.productId, slot)
    catalog.productIds.push(document.productId)
  }
  catalog.text.remove(slot)
  catalog.text.add(slot, toFieldTexts(document))
  catalog.filters.set(slot, document)
}

/**
 * Products found by text (or every product), in rank order before filtering: `pass` 0 for matches
 * of the words as written, 1 for matches found only with typo tolerance (listed after), then score.
 */
interface Candidates {
  count: number
  slots: Int32Array
  scores: Float64Array
  passes: Uint8Array
}

function ensureCandidateCapacity(candidates: Candidates, needed: number): void {
  if (needed <= candidates.slots.length) return
  const length = Math.max(needed, candidates.slots.length * 2, 64)
  const slots = new Int32Array(length)
  const scores = new Float64Array(length)
  const passes = new Uint8Array(length)
  slots.set(candidates.slots)
  scores.set(candidates.scores)
  passes.set(candidates.passes)
  candidates.slots = slots
  candidates.scores = scores
  candidates.passes = passes
}

/**
 * {@link ProductSearch} in process: multilingual full text (Chinese in both scripts, typos,
 * prefixes) over MiniSearch's radix-tree vocabulary with BM25+ scoring into typed arrays, filters
 * on categories, prices, options and stock from typed arrays, in-stock first.
 */
export function createMiniSearchProductSearch(
  tuning: MiniSearchTuning = defaultMiniSearchTuning,
): ProductSearch & {
  /** Number of products indexed. */
  readonly size: () => number
} {
  let catalog = createCatalog()
  const strongBoosts = { name: tuning.boosts.name, keywords: tuning.boosts.keywords }
  const allBoosts = { ...tuning.boosts }

  // Query-time buffers, reused by every search.
  const candidates: Candidates = {
    count: 0,
    slots: new Int32Array(0),
    scores: new Float64Array(0),
    passes: new Uint8Array(0),
  }
  let seen = new Uint32Array(0)
  let seenStamp = 0
  let passing = new Int32Array(0)
  let passingGroups = new Uint8Array(0)
  let ranked = new Int32Array(0)

  function appendCandidate(slot: number, score: number, pass: number): void {
    candidates.slots[candidates.count] = slot
    candidates.scores[candidates.count] = score
    candidates.passes[candidates.count] = pass
    candidates.count += 1
  }

  function appendMatches(matches: TextMatches, pass: number, skipSeen: boolean): void {
    ensureCandidateCapacity(candidates, candidates.count + matches.count)
    for (let index = 0; index < matches.count; index += 1) {
      const slot = matches.slots[index] ?? 0
      if (skipSeen && seen[slot] === seenStamp) continue
      appendCandidate(slot, matches.scores[index] ?? 0, pass)
    }
  }

  function markCandidatesSeen(): void {
    if (seen.length < catalog.productIds.length) {
      seen = new Uint32Array(Math.max(catalog.productIds.length, seen.length * 2))
      seenStamp = 0
    }
    if (seenStamp >= 0xffff_fffe) {
      seen.fill(0)
      seenStamp = 0
    }
    seenStamp += 1
    for (let index = 0; index < candidates.count; index += 1) {
      seen[candidates.slots[index] ?? 0] = seenStamp
    }
  }

  function isPrefixTerm(term: string, isLast: boolean, chinese: ReadonlySet<string>): boolean {
    return isLast && !chinese.has(term) && term.length >= tuning.minimumPrefixLength
  }

  function typoDistance(term: string, chinese: ReadonlySet<string>): number {
    if (chinese.has(term) || term.length < 4) return 0
    return Math.min(maxEditDistance, Math.round(term.length * tuning.fuzziness))
  }

  /**
   * Fills `candidates`, cheapest first, stopping once a page is found: the words as written (a
   * prefix for the last one) in names and keywords, then in descriptions too (both skipped when a
   * word is in no product); then with typo tolerance in names and keywords, then everywhere —
   * listed after the matches as written; any-word matching in names and keywords only when all
   * words together find nothing.
   */
  function findByText(text: string, wanted: number): void {
    candidates.count = 0
    const query = tokenizeQuery(text)
    const { chinese } = query
    const terms = query.terms.slice(0, maxQueryTerms)
    if (terms.length === 0) return
    const { text: index } = catalog
    const limit = tuning.maxTermExpansions
    const exact = terms.map((term, position) =>
      index.expandExact(term, isPrefixTerm(term, position === terms.length - 1, chinese), limit),
    )
    if (exact.every((expansions) => expansions.length > 0)) {
      appendMatches(
        index.score({ terms: exact, boosts: strongBoosts, combineWith: 'and' }),
        0,
        false,
      )
      if (candidates.count >= wanted) return
      candidates.count = 0
      appendMatches(index.score({ terms: exact, boosts: allBoosts, combineWith: 'and' }), 0, false)
      if (candidates.count >= wanted) return
    }
    const found = candidates.count
    const typos: TermExpansion[][] = terms.map((term) =>
      index.expandFuzzy(term, typoDistance(term, chinese), limit),
    )
    if (typos.every((expansions) => expansions.length > 0)) {
      markCandidatesSeen()
      appendMatches(
        index.score({ terms: typos, boosts: strongBoosts, combineWith: 'and' }),
        1,
        true,
      )
      if (candidates.count >= wanted) return
      candidates.count = found
      appendMatches(index.score({ terms: typos, boosts: allBoosts, combineWith: 'and' }), 1, true)
    }
    if (candidates.count > 0) return
    appendMatches(index.score({ terms: typos, boosts: strongBoosts, combineWith: 'or' }), 0, false)
  }

  /** Every product, or those of the filtered categories, all alike (score 0). */
  function listAll(filters: CompiledFilters): void {
    candidates.count = 0
    const slotCount = catalog.productIds.length
    ensureCandidateCapacity(candidates, slotCount)
    if (filters.categoryKeys === undefined) {
      for (let slot = 0; slot < slotCount; slot += 1) appendCandidate(slot, 0, 0)
      return
    }
    markCandidatesSeen()
    for (const key of filters.categoryKeys) {
      for (const slot of catalog.filters.slotsInCategory(key)) {
        if (seen[slot] === seenStamp) continue
        seen[slot] = seenStamp
        appendCandidate(slot, 0, 0)
      }
    }
  }

  /** Negative when candidate `left` ranks before `right`: in stock, pass, score, then slot. */
  function compareCandidates(left: number, right: number): number {
    return (
      (passingGroups[left] ?? 0) - (passingGroups[right] ?? 0) ||
      (candidates.passes[passing[left] ?? 0] ?? 0) -
        (candidates.passes[passing[right] ?? 0] ?? 0) ||
      (candidates.scores[passing[right] ?? 0] ?? 0) -
        (candidates.scores[passing[left] ?? 0] ?? 0) ||
      (candidates.slots[passing[left] ?? 0] ?? 0) - (candidates.slots[passing[right] ?? 0] ?? 0)
    )
  }

  /**
   * Keeps the candidates passing the filters (in `passing`, with their stock group) and returns how
   * many; ranks the best `wanted` of them into `ranked`.
   */
  function rankPassing(filters: CompiledFilters, wanted: number): number {
    if (passing.length < candidates.count) {
      passing = new Int32Array(candidates.slots.length)
      passingGroups = new Uint8Array(candidates.slots.length)
    }
    let total = 0
    for (let index = 0; index < candidates.count; index += 1) {
      const outcome = catalog.filters.classify(candidates.slots[index] ?? 0, filters)
      if (outcome === filterOutcomes.filteredOut) continue
      passing[total] = index
      passingGroups[total] = outcome === filterOutcomes.inStock ? 0 : 1
      total += 1
    }
    const keep = Math.min(wanted, total)
    if (ranked.length < keep) ranked = new Int32Array(Math.max(keep, ranked.length * 2, 64))
    if (keep > partialSelectionLimit) {
      const order = Array.from({ length: total }, (_, position) => position)
      order.sort(compareCandidates)
      for (let position = 0; position < keep; position += 1) ranked[position] = order[position] ?? 0
      return total
    }
    // Insertion into a sorted run of at most `keep` entries.
    let kept = 0
    for (let position = 0; position < total && keep > 0; position += 1) {
      if (kept === keep && compareCandidates(position, ranked[kept - 1] ?? 0) >= 0) continue
      let low = 0
      let high = kept
      while (low < high) {
        const middle = (low + high) >>> 1
        if (compareCandidates(ranked[middle] ?? 0, position) <= 0) low = middle + 1
        else high = middle
      }
      if (kept < keep) kept += 1
      ranked.copyWithin(low + 1, low, kept - 1)
      ranked[low] = position
    }
    return total
  }

  return {
    size: () => catalog.text.size(),

    async replaceAll(documents) {
      const next = createCatalog()
      for (const document of documents) {
        if (!next.slotOf.has(document.productId)) putDocument(next, document)
      }
      next.text.trim()
      catalog = next
    },

    async upsert(documents) {
      for (const document of documents) putDocument(catalog, document)
    },

    async remove(productIds) {
      for (const id of productIds) {
        const slot = catalog.slotOf.get(id)
        if (slot === undefined) continue
        catalog.text.remove(slot)
        catalog.filters.delete(slot)
      }
    },

    async search(query): Promise<ProductSearchResult> {
      const offset = Math.max(0, Math.floor(query.offset))
      const limit = Math.max(0, Math.floor(query.limit))
      const filters = catalog.filters.compile(query)
      const text = query.text?.trim() ?? ''
      if (text.length === 0) listAll(filters)
      else findByText(text, offset + limit)
      const total = rankPassing(filters, offset + limit)
      const hits: ProductSearchHit[] = []
      for (let position = offset; position < Math.min(total, offset + limit); position += 1) {
        const entry = ranked[position] ?? 0
        const candidate = passing[entry] ?? 0
        const slot = candidates.slots[candidate] ?? 0
        hits.push({
          productId: catalog.productIds[slot] ?? '',
          score: candidates.scores[candidate] ?? 0,
          inStock: passingGroups[entry] === 0,
          matchingVariantIds: catalog.filters.matchingVariantIds(slot, filters),
        })
      }
      return { total, hits }
    },
  }
}
