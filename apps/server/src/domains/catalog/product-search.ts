import type { LocalizedText } from '../../shared/locale.ts'

/** One sellable variant of a {@link ProductSearchDocument}, with what filters look at. */
export interface ProductSearchVariant {
  readonly variantId: string
  /** Option name → value (`{ size: '9', color: 'black' }`). */
  readonly options: Readonly<Record<string, string>>
  readonly priceAmount: number
  /** True when the online locations can sell at least one unit now. */
  readonly inStock: boolean
}

/** What the search index knows of one product. */
export interface ProductSearchDocument {
  readonly productId: string
  /** The product's category and its ancestors, so a parent category filter finds it. */
  readonly categoryKeys: readonly string[]
  readonly name: LocalizedText
  readonly description: LocalizedText
  /** Synonyms in any language (`sneakers`, `運動鞋`, `kasut`). */
  readonly tags: readonly string[]
  readonly brand: string | null
  /** Category names in every language. */
  readonly categoryNames: readonly string[]
  /** Option values in every language (`黑色`, `hitam` for `black`), when translations are known. */
  readonly optionTexts?: readonly string[] | undefined
  readonly variants: readonly ProductSearchVariant[]
}

/** A search: free text (any language, typos forgiven) and filters, ranked in-stock first. */
export interface ProductSearchQuery {
  /** Free text; empty or absent lists every product that passes the filters. */
  readonly text?: string | undefined
  /** Only products in one of these categories (a parent includes its children). */
  readonly categoryKeys?: readonly string[] | undefined
  /** Only products with a variant priced at least this (minor units). */
  readonly priceMinAmount?: number | undefined
  /** Only products with a variant priced at most this (minor units). */
  readonly priceMaxAmount?: number | undefined
  /** Option name → accepted values; a variant must match one value of every named option. */
  readonly options?: Readonly<Record<string, readonly string[]>> | undefined
  /** Only products with a matching variant in stock. */
  readonly inStockOnly?: boolean | undefined
  readonly offset: number
  readonly limit: number
}

/** One product found, with the variants that passed the filters. */
export interface ProductSearchHit {
  readonly productId: string
  readonly score: number
  readonly inStock: boolean
  readonly matchingVariantIds: readonly string[]
}

/** A page of hits and how many products matched in all. */
export interface ProductSearchResult {
  readonly total: number
  readonly hits: readonly ProductSearchHit[]
}

/**
 * The search engine port, owned by the catalog. The MiniSearch adapter keeps an in-process index;
 * an external engine (Meilisearch, OpenSearch) can implement the same port for large catalogs.
 * Ranking contract: products with an in-stock matching variant come before the others; within each
 * group, by relevance to the text.
 */
export interface ProductSearch {
  /** Replaces the whole index (called at start from the database). */
  replaceAll(documents: readonly ProductSearchDocument[]): Promise<void>
  /** Adds or replaces these products (called when products or their stock change). */
  upsert(documents: readonly ProductSearchDocument[]): Promise<void>
  /** Removes these products from the index. */
  remove(productIds: readonly string[]): Promise<void>
  /** Runs a search; never throws for odd text (it simply finds nothing). */
  search(query: ProductSearchQuery): Promise<ProductSearchResult>
}
