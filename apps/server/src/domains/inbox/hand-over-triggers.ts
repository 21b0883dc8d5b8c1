import { z } from 'zod'

/** Why a conversation is handed over to a person. */
export const handOverReasons = [
  'explicit-request',
  'low-confidence',
  'sensitive-intent',
  'complaint-severity',
  'vip-customer',
  'order-under-review',
  'return-outside-policy',
] as const

/** One of {@link handOverReasons}. */
export type HandOverReason = (typeof handOverReasons)[number]

/**
 * The business rules that decide when the bot hands over, as data (so a store changes them without
 * a deploy). Every rule is optional; a missing rule never triggers.
 */
export const handOverRulesSchema = z.object({
  /** The shopper asked for a person (`contact_human_agent`). */
  explicitRequest: z.boolean().default(true),
  /** Hand over after this many consecutive shopper turns under the confidence threshold. */
  lowConfidence: z
    .object({
      threshold: z.number().min(0).max(1),
      consecutiveTurns: z.number().int().min(1).max(20),
    })
    .optional(),
  /** Intents that always need a person. */
  alwaysHandOverIntents: z.array(z.string().min(1)).default([]),
  /** Complaints at or above this severity (1 mild … 3 severe) need a person. */
  complaintSeverityAtLeast: z.number().int().min(1).max(3).optional(),
  /** Loyalty tiers treated as VIP: any message that is not small talk goes to a person. */
  vipTiers: z.array(z.string().min(1)).default([]),
  /** Hand over when one of the shopper's orders is flagged `review` by fraud screening. */
  ordersUnderReview: z.boolean().default(true),
  /** Hand over when the shopper asks to return something outside the return policy. */
  returnsOutsidePolicy: z.boolean().default(true),
})

/** Parsed {@link handOverRulesSchema}. */
export type HandOverRules = z.infer<typeof handOverRulesSchema>

/**
 * The default rules: explicit requests, three turns in a row under 0.4 confidence, fraud reports
 * and special-discount requests, severe complaints, checkouts under fraud review. No VIP tier is
 * set by default (a store names its tiers in `KEDAI_HANDOVER_RULES`).
 */
export const defaultHandOverRules: HandOverRules = handOverRulesSchema.parse({
  lowConfidence: { threshold: 0.4, consecutiveTurns: 3 },
  alwaysHandOverIntents: ['report_fraud', 'request_special_discount'],
  complaintSeverityAtLeast: 3,
})

/** One shopper turn as the rules see it. */
export interface TurnSignal {
  readonly intent: string | null
  readonly confidence: number | null
}

/** What is known at the end of a turn, for the rules to decide on. */
export interface HandOverSignals {
  /** The shopper's turns, oldest first; the last one is the current turn. */
  readonly turns: readonly TurnSignal[]
  /** Severity of the current complaint (1–3) when the turn is a complaint. */
  readonly complaintSeverity?: number | undefined
  readonly customerTier?: string | null | undefined
  readonly hasOrderUnderReview?: boolean | undefined
  readonly isReturnOutsidePolicy?: boolean | undefined
}

/** The decision: hand over (with every reason that applies) or not. */
export type HandOverDecision =
  | { readonly handOver: true; readonly reasons: readonly HandOverReason[] }
  | { readonly handOver: false }

const smallTalkIntents = new Set(['greeting', 'goodbye', 'thanks', 'affirm', 'deny'])

/**
 * Evaluates the hand-over rules against the signals of a turn. Pure: the same rules and signals
 * always give the same decision. Reasons come in the order of {@link handOverReasons}.
 */
export function evaluateHandOverTriggers(
  rules: HandOverRules,
  signals: HandOverSignals,
): HandOverDecision {
  const reasons: HandOverReason[] = []
  const current = signals.turns.at(-1)
  const intent = current?.intent ?? null
  if (rules.explicitRequest && intent === 'contact_human_agent') reasons.push('explicit-request')
  if (rules.lowConfidence !== undefined) {
    const { threshold, consecutiveTurns } = rules.lowConfidence
    const recent = signals.turns.slice(-consecutiveTurns)
    if (
      recent.length === consecutiveTurns &&
      recent.every((turn) => turn.confidence === null || turn.confidence < threshold)
    ) {
      reasons.push('low-confidence')
    }
  }
  if (intent !== null && rules.alwaysHandOverIntents.includes(intent)) {
    reasons.push('sensitive-intent')
  }
  if (
    intent === 'complaint' &&
    rules.complaintSeverityAtLeast !== undefined &&
    (signals.complaintSeverity ?? 0) >= rules.complaintSeverityAtLeast
  ) {
    reasons.push('complaint-severity')
  }
  if (
    signals.customerTier !== undefined &&
    signals.customerTier !== null &&
    rules.vipTiers.includes(signals.customerTier) &&
    intent !== null &&
    !smallTalkIntents.has(intent)
  ) {
    reasons.push('vip-customer')
  }
  if (rules.ordersUnderReview && signals.hasOrderUnderReview === true) {
    reasons.push('order-under-review')
  }
  if (rules.returnsOutsidePolicy && signals.isReturnOutsidePolicy === true) {
    reasons.push('return-outside-policy')
  }
  return reasons.length > 0 ? { handOver: true, reasons } : { handOver: false }
}
