export { createIdentityMatcher } from './create-identity-matcher.ts'
