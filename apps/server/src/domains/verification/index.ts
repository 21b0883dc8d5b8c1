export type { IdentityMatcher } from './identity-matcher.ts'
export {
  createVerificationService,
  verificationMethods,
  verificationStatuses,
  type VerificationMethod,
  type VerificationRefusal,
  type VerificationRefusalDetails,
  type VerificationService,
  type VerificationServiceDependencies,
  type VerificationState,
  type VerificationStatus,
} from './verification-service.ts'
