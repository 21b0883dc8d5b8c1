export {
  catalogChangesTopic,
  createCatalogService,
  type CatalogConfiguration,
  type CatalogSearchInput,
  type CatalogSearchPage,
  type CatalogService,
  type CatalogServiceDependencies,
  type CategoryView,
  type LocationView,
  type ProductDetail,
  type ProductSummary,
  type VariantForSale,
  type VariantStock,
  type VariantView,
} from './catalog-service.ts'
export { catalogEventTypes, stockChangeEventTypes } from './catalog-events.ts'
export type {
  ProductSearch,
  ProductSearchDocument,
  ProductSearchHit,
  ProductSearchQuery,
  ProductSearchResult,
  ProductSearchVariant,
} from './product-search.ts'
export { rankSimilarProducts, type SimilarityCandidate } from './rank-similar-products.ts'
