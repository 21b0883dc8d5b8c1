import type { Locale } from '../../shared/locale.ts'

/** One `##` section of a policy document in one language: the unit the bot quotes. */
export interface PolicySection {
  /** `<slug>.<locale>#<index>`, stable while the document keeps its order. */
  readonly id: string
  readonly slug: string
  readonly locale: Locale
  readonly documentTitle: string
  readonly title: string
  /** The section's Markdown without its heading. */
  readonly body: string
}

/** A section found for a question, with the search engine's score (higher is better). */
export interface PolicySearchHit {
  readonly section: PolicySection
  readonly score: number
}

/**
 * Port: full-text retrieval over policy sections in the shopper's language. Owned by the policies
 * domain; implemented by `adapters/policy-search-minisearch`.
 */
export interface PolicySearch {
  /** Replaces everything indexed with `sections`. */
  replaceAll(sections: readonly PolicySection[]): void
  /** The best sections in `locale` for `query`, best first; empty when nothing matches. */
  search(query: string, locale: Locale, limit: number): PolicySearchHit[]
}
