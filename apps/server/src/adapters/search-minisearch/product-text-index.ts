import { growTypedArray } from './grow-typed-array.ts'
import SearchableMap from 'minisearch/SearchableMap'

/**
 * The full-text part of product search: an inverted index over three fields per product, addressed
 * by slot (a small integer the caller gives each product). MiniSearch's radix tree
 * (`SearchableMap`) holds the vocabulary, for exact, prefix and typo-tolerant (Levenshtein) term
 * look-ups; the postings are plain integer arrays per term and field, and scoring adds into typed
 * arrays indexed by slot, so a query allocates nothing per matching product. The score is
 * MiniSearch's BM25+ with its weights for prefix and fuzzy matches, so the ranking is the one
 * MiniSearch's own search gives — without its per-match objects, which made up most of the query
 * time on a large catalog.
 */

/** The indexed fields, in the order of {@link ProductTextIndex.add}'s `fieldTexts`. */
export const textFields = ['name', 'keywords', 'description'] as const

/** One of {@link textFields}. */
export type TextField = (typeof textFields)[number]

const fieldCount = textFields.length

/** Documents holding a term in one field: slots ascending, and the term's count in each. */
interface FieldPostings {
  slots: number[]
  frequencies: number[]
}

/** A vocabulary term and its postings per field (`undefined` where no document has it). */
export interface TermPostings {
  readonly term: string
  readonly fields: (FieldPostings | undefined)[]
}

/** A vocabulary term a query term stands for, and how much a match on it counts (exact = 1). */
export interface TermExpansion {
  readonly postings: TermPostings
  readonly weight: number
}

/** Matching slots and their scores; overwritten by the next {@link ProductTextIndex.score}. */
export interface TextMatches {
  readonly count: number
  readonly slots: Int32Array
  readonly scores: Float64Array
}

/** What {@link ProductTextIndex.score} looks for. */
export interface TextScoring {
  /** Per query term, the vocabulary terms standing for it. */
  readonly terms: readonly (readonly TermExpansion[])[]
  /** Weight of each field in the score; a field left out (or 0) is not searched. */
  readonly boosts: Readonly<Partial<Record<TextField, number>>>
  /** `and`: every query term must match; `or`: any one. */
  readonly combineWith: 'and' | 'or'
}

/** An in-process inverted index of product text; see the module comment. */
export interface ProductTextIndex {
  /** Indexes a product's texts (one per {@link textFields} entry) at a slot not in use. */
  add(slot: number, fieldTexts: readonly string[]): void
  /** Drops the slot's texts; a slot not in use is ignored. */
  remove(slot: number): void
  /**
   * Trims the spare capacity arrays keep for growth (about a third of the postings after a bulk
   * load, and most of a one-product list); call after indexing many products at once.
   */
  trim(): void
  /** Number of products indexed. */
  readonly size: () => number
  /** The term itself and, with `prefix`, the longer terms starting with it (nearest first). */
  expandExact(term: string, prefix: boolean, limit: number): TermExpansion[]
  /** The term itself and terms within `maxDistance` edits of it (nearest first). */
  expandFuzzy(term: string, maxDistance: number, limit: number): TermExpansion[]
  /**
   * Scores every product matching the query terms. Allocation-free: the result lives in buffers
   * that the next call overwrites, so read it before scoring again.
   */
  score(scoring: TextScoring): TextMatches
}

/** MiniSearch's BM25+ parameters and its weights for prefix and fuzzy matches. */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 } as const
const prefixWeight = 0.375
const fuzzyWeight = 0.45

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  return counts
}

/** First position in `slots` (ascending) holding a value ≥ `slot`. */
function lowerBound(slots: readonly number[], slot: number): number {
  let low = 0
  let high = slots.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((slots[middle] ?? 0) < slot) low = middle + 1
    else high = middle
  }
  return low
}

function documentFrequency(postings: TermPostings): number {
  let most = 0
  for (const field of postings.fields) most = Math.max(most, field?.slots.length ?? 0)
  return most
}

/** Nearest first (smallest distance), then the terms more documents hold, then alphabetical. */
function keepNearest(
  found: { postings: TermPostings; distance: number; weight: number }[],
  limit: number,
): TermExpansion[] {
  if (found.length > limit) {
    found.sort(
      (left, right) =>
        left.distance - right.distance ||
        documentFrequency(right.postings) - documentFrequency(left.postings) ||
        (left.postings.term < right.postings.term ? -1 : 1),
    )
  }
  return found.slice(0, Math.max(1, limit)).map(({ postings, weight }) => ({ postings, weight }))
}

/** Creates an empty {@link ProductTextIndex}; `tokenize` splits a field's text into terms. */
export function createProductTextIndex(tokenize: (text: string) => string[]): ProductTextIndex {
  const vocabulary = new SearchableMap<TermPostings>()
  let documentCount = 0
  const totalFieldLength = new Float64Array(fieldCount)
  // Per field, per slot: number of distinct terms (MiniSearch's field length).
  const fieldLengths: Uint16Array[] = textFields.map(() => new Uint16Array(0))
  // Per slot: the terms it was indexed under, to take it out again.
  const termsOfSlot: (TermPostings[] | undefined)[] = []

  // Scoring buffers, indexed by slot; `stamp` marks the slots touched by the current scoring.
  let stamp = new Uint32Array(0)
  let currentStamp = 0
  let accumulated = new Float64Array(0)
  let termsMatched = new Uint16Array(0)
  let lastTermMatched = new Int32Array(0)
  let touched = new Int32Array(0)
  let matchSlots = new Int32Array(0)
  let matchScores = new Float64Array(0)

  function ensureSlotCapacity(slot: number): void {
    const needed = slot + 1
    for (let field = 0; field < fieldCount; field += 1) {
      fieldLengths[field] = growTypedArray(
        fieldLengths[field] ?? new Uint16Array(0),
        needed,
        (length) => new Uint16Array(length),
        16,
      )
    }
    stamp = growTypedArray(stamp, needed, (length) => new Uint32Array(length), 16)
    accumulated = growTypedArray(accumulated, needed, (length) => new Float64Array(length), 16)
    termsMatched = growTypedArray(termsMatched, needed, (length) => new Uint16Array(length), 16)
    lastTermMatched = growTypedArray(
      lastTermMatched,
      needed,
      (length) => new Int32Array(length),
      16,
    )
    touched = growTypedArray(touched, needed, (length) => new Int32Array(length), 16)
    matchSlots = growTypedArray(matchSlots, needed, (length) => new Int32Array(length), 16)
    matchScores = growTypedArray(matchScores, needed, (length) => new Float64Array(length), 16)
  }

  function nextStamp(): number {
    if (currentStamp >= 0xffff_fffe) {
      stamp.fill(0)
      currentStamp = 0
    }
    currentStamp += 1
    return currentStamp
  }

  function addPosting(postings: TermPostings, field: number, slot: number, count: number): void {
    let list = postings.fields[field]
    if (list === undefined) {
      list = { slots: [], frequencies: [] }
      postings.fields[field] = list
    }
    const last = list.slots[list.slots.length - 1]
    if (last === undefined || last < slot) {
      list.slots.push(slot)
      list.frequencies.push(count)
      return
    }
    const position = lowerBound(list.slots, slot)
    list.slots.splice(position, 0, slot)
    list.frequencies.splice(position, 0, count)
  }

  function removePosting(postings: TermPostings, slot: number): void {
    let remaining = 0
    for (let field = 0; field < fieldCount; field += 1) {
      const list = postings.fields[field]
      if (list === undefined) continue
      const position = lowerBound(list.slots, slot)
      if (list.slots[position] === slot) {
        list.slots.splice(position, 1)
        list.frequencies.splice(position, 1)
      }
      if (list.slots.length === 0) postings.fields[field] = undefined
      else remaining += 1
    }
    if (remaining === 0) vocabulary.delete(postings.term)
  }

  return {
    size: () => documentCount,

    trim() {
      for (const postings of vocabulary.values()) {
        for (const list of postings.fields) {
          if (list === undefined) continue
          list.slots = list.slots.slice()
          list.frequencies = list.frequencies.slice()
        }
      }
    },

    add(slot, fieldTexts) {
      if (termsOfSlot[slot] !== undefined) throw new Error(`slot ${String(slot)} is in use`)
      ensureSlotCapacity(slot)
      const terms = new Set<TermPostings>()
      for (let field = 0; field < fieldCount; field += 1) {
        const counts = countTerms(tokenize(fieldTexts[field] ?? ''))
        const lengths = fieldLengths[field] ?? new Uint16Array(0)
        lengths[slot] = Math.min(counts.size, 0xffff)
        totalFieldLength[field] = (totalFieldLength[field] ?? 0) + (lengths[slot] ?? 0)
        for (const [term, count] of counts) {
          let postings = vocabulary.get(term)
          if (postings === undefined) {
            postings = { term, fields: [undefined, undefined, undefined] }
            vocabulary.set(term, postings)
          }
          addPosting(postings, field, slot, count)
          terms.add(postings)
        }
      }
      termsOfSlot[slot] = [...terms]
      documentCount += 1
    },

    remove(slot) {
      const terms = termsOfSlot[slot]
      if (terms === undefined) return
      for (const postings of terms) removePosting(postings, slot)
      termsOfSlot[slot] = undefined
      for (let field = 0; field < fieldCount; field += 1) {
        const lengths = fieldLengths[field] ?? new Uint16Array(0)
        totalFieldLength[field] = (totalFieldLength[field] ?? 0) - (lengths[slot] ?? 0)
        lengths[slot] = 0
      }
      documentCount -= 1
    },

    expandExact(term, prefix, limit) {
      const exact = vocabulary.get(term)
      const found: { postings: TermPostings; distance: number; weight: number }[] = []
      if (exact !== undefined) found.push({ postings: exact, distance: 0, weight: 1 })
      if (prefix) {
        for (const [key, postings] of vocabulary.atPrefix(term)) {
          const distance = key.length - term.length
          if (distance === 0) continue
          const weight = (prefixWeight * key.length) / (key.length + 0.3 * distance)
          found.push({ postings, distance, weight })
        }
      }
      return keepNearest(found, limit)
    },

    expandFuzzy(term, maxDistance, limit) {
      const found: { postings: TermPostings; distance: number; weight: number }[] = []
      const exact = vocabulary.get(term)
      if (exact !== undefined) found.push({ postings: exact, distance: 0, weight: 1 })
      if (maxDistance > 0) {
        for (const [key, [postings, distance]] of vocabulary.fuzzyGet(term, maxDistance)) {
          if (distance === 0) continue
          found.push({
            postings,
            distance,
            weight: (fuzzyWeight * key.length) / (key.length + distance),
          })
        }
      }
      return keepNearest(found, limit)
    },

    score({ terms, boosts, combineWith }) {
      const current = nextStamp()
      let touchedCount = 0
      const { k, b, d } = bm25
      for (let position = 0; position < terms.length; position += 1) {
        for (const { postings, weight } of terms[position] ?? []) {
          for (let field = 0; field < fieldCount; field += 1) {
            const boost = boosts[textFields[field] ?? 'name'] ?? 0
            const list = postings.fields[field]
            if (boost === 0 || list === undefined) continue
            const { slots, frequencies } = list
            const matching = slots.length
            const inverseFrequency = Math.log(
              1 + (documentCount - matching + 0.5) / (matching + 0.5),
            )
            const lengths = fieldLengths[field] ?? new Uint16Array(0)
            const averageLength = (totalFieldLength[field] ?? 0) / Math.max(1, documentCount)
            const lengthWeight = averageLength > 0 ? b / averageLength : 0
            const factor = weight * boost * inverseFrequency
            for (let index = 0; index < matching; index += 1) {
              const slot = slots[index] ?? 0
              const frequency = frequencies[index] ?? 0
              const normalization = k * (1 - b + lengthWeight * (lengths[slot] ?? 0))
              const value = factor * (d + (frequency * (k + 1)) / (frequency + normalization))
              if (stamp[slot] !== current) {
                stamp[slot] = current
                accumulated[slot] = value
                termsMatched[slot] = 1
                lastTermMatched[slot] = position
                touched[touchedCount] = slot
                touchedCount += 1
              } else {
                accumulated[slot] = (accumulated[slot] ?? 0) + value
                if (lastTermMatched[slot] !== position) {
                  lastTermMatched[slot] = position
                  termsMatched[slot] = (termsMatched[slot] ?? 0) + 1
                }
              }
            }
          }
        }
      }
      let count = 0
      const required = combineWith === 'and' ? terms.length : 1
      for (let index = 0; index < touchedCount; index += 1) {
        const slot = touched[index] ?? 0
        const matched = termsMatched[slot] ?? 0
        if (matched < required) continue
        matchSlots[count] = slot
        // As MiniSearch: the summed score times the number of query terms matched.
        matchScores[count] = (accumulated[slot] ?? 0) * matched
        count += 1
      }
      return { count, slots: matchSlots, scores: matchScores }
    },
  }
}
