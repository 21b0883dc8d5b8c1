/** Outcomes of a screening. */
export const fraudDecisions = ['allow', 'review', 'block'] as const

/** One of {@link fraudDecisions}: `review` holds the order for a human. */
export type FraudDecision = (typeof fraudDecisions)[number]

/** Rules that can add to a risk score. */
export const fraudRuleCodes = [
  'customer-velocity',
  'ip-velocity',
  'card-velocity',
  'country-mismatch',
  'amount-above-history',
  'repeated-declines',
  'disposable-email',
] as const

/** One of {@link fraudRuleCodes}. */
export type FraudRuleCode = (typeof fraudRuleCodes)[number]

/** A rule that fired, with the facts that made it fire (stored with the screening). */
export interface FraudReason {
  readonly rule: FraudRuleCode
  readonly points: number
  readonly detail: string
}

/** Thresholds, windows and weights; every one configurable. */
export interface FraudConfiguration {
  /** A score at or above this holds the order for review. */
  readonly reviewThreshold: number
  /** A score at or above this blocks the checkout. */
  readonly blockThreshold: number
  /** How far back attempts and declines are counted. */
  readonly windowMinutes: number
  /** Attempts (this one included) per customer / IP / card in the window before the rule fires. */
  readonly maximumAttempts: number
  /** Declines in the window before `repeated-declines` fires. */
  readonly maximumDeclines: number
  /** `amount-above-history` fires above this multiple of the customer's average order. */
  readonly historyMultiplier: number
  /** Orders needed before the history rule applies. */
  readonly minimumHistoryOrders: number
  readonly points: Readonly<Record<FraudRuleCode, number>>
  readonly disposableEmailDomains: readonly string[]
}

/** Defaults: review from 40 points, block from 80. */
export const defaultFraudConfiguration: FraudConfiguration = {
  reviewThreshold: 40,
  blockThreshold: 80,
  windowMinutes: 60,
  maximumAttempts: 5,
  maximumDeclines: 3,
  historyMultiplier: 5,
  minimumHistoryOrders: 2,
  points: {
    'customer-velocity': 30,
    'ip-velocity': 30,
    'card-velocity': 30,
    'country-mismatch': 20,
    'amount-above-history': 25,
    'repeated-declines': 40,
    'disposable-email': 25,
  },
  disposableEmailDomains: [],
}

/** The facts the rules read, gathered by the service. */
export interface FraudFacts {
  readonly attemptsByCustomer: number
  readonly attemptsByIp: number
  readonly attemptsByCard: number
  readonly declines: number
  readonly billingCountry: string | null
  readonly shippingCountry: string | null
  readonly email: string | null
  readonly amount: number
  readonly history: { readonly orderCount: number; readonly averageAmount: number }
}

/** Applies every rule to the facts: the reasons that fired. Pure. */
export function applyFraudRules(
  facts: FraudFacts,
  configuration: FraudConfiguration,
): FraudReason[] {
  const reasons: FraudReason[] = []
  const add = (rule: FraudRuleCode, detail: string) =>
    reasons.push({ rule, points: configuration.points[rule], detail })
  const window = `${configuration.windowMinutes} min`
  if (facts.attemptsByCustomer > configuration.maximumAttempts) {
    add(
      'customer-velocity',
      `${facts.attemptsByCustomer} checkout attempts by this customer in ${window}`,
    )
  }
  if (facts.attemptsByIp > configuration.maximumAttempts) {
    add('ip-velocity', `${facts.attemptsByIp} checkout attempts from this IP address in ${window}`)
  }
  if (facts.attemptsByCard > configuration.maximumAttempts) {
    add('card-velocity', `${facts.attemptsByCard} checkout attempts with this card in ${window}`)
  }
  if (
    facts.billingCountry !== null &&
    facts.shippingCountry !== null &&
    facts.billingCountry.toUpperCase() !== facts.shippingCountry.toUpperCase()
  ) {
    add(
      'country-mismatch',
      `billing country ${facts.billingCountry} differs from shipping country ${facts.shippingCountry}`,
    )
  }
  if (
    facts.history.orderCount >= configuration.minimumHistoryOrders &&
    facts.amount > facts.history.averageAmount * configuration.historyMultiplier
  ) {
    add(
      'amount-above-history',
      `amount ${facts.amount} is over ${configuration.historyMultiplier}× the customer's average of ${Math.round(facts.history.averageAmount)}`,
    )
  }
  if (facts.declines >= configuration.maximumDeclines) {
    add('repeated-declines', `${facts.declines} declined payments in ${window}`)
  }
  const domain = facts.email?.split('@')[1]?.toLowerCase()
  if (domain !== undefined && configuration.disposableEmailDomains.includes(domain)) {
    add('disposable-email', `e-mail domain ${domain} is a disposable mail service`)
  }
  return reasons
}

/** The decision for a score. */
export function decideFraud(score: number, configuration: FraudConfiguration): FraudDecision {
  if (score >= configuration.blockThreshold) return 'block'
  if (score >= configuration.reviewThreshold) return 'review'
  return 'allow'
}
