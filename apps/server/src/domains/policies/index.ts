export type { PolicySearch, PolicySearchHit, PolicySection } from './policy-section.ts'
export { createPolicyService, type PolicyAnswer, type PolicyService } from './policy-service.ts'
export { quotePolicySection } from './quote-policy-section.ts'
export { splitPolicySections } from './split-policy-sections.ts'
