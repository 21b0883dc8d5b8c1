export { createMinisearchPolicySearch, tokenizePolicyText } from './minisearch-policy-search.ts'
