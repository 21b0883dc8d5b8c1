export {
  createMiniSearchProductSearch,
  defaultMiniSearchTuning,
  type MiniSearchTuning,
} from './minisearch-product-search.ts'
export {
  normalizeSearchText,
  tokenizeForIndex,
  tokenizeQuery,
  type QueryTerms,
} from './tokenize-search-text.ts'
