/**
 * The fraud domain: screening a checkout with rules (velocity per customer, IP and card, country
 * mismatch, amount above history, repeated declines, disposable e-mail) into allow, review or block,
 * every screening stored with its reasons.
 */
export type {
  FraudConfiguration,
  FraudDecision,
  FraudFacts,
  FraudReason,
  FraudRuleCode,
} from './fraud-rules.ts'
export {
  applyFraudRules,
  decideFraud,
  defaultFraudConfiguration,
  fraudDecisions,
  fraudRuleCodes,
} from './fraud-rules.ts'
export type { FraudScreening, FraudScreeningInput, FraudService } from './fraud-service.ts'
export { createFraudService } from './fraud-service.ts'
export { loadDisposableEmailDomains } from './load-disposable-email-domains.ts'
