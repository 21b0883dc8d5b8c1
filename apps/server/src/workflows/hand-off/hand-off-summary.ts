import type { HandOverReason } from '../../domains/inbox/index.ts'
import type { Money } from '../../shared/money.ts'
import type { SentimentLabel } from './score-sentiment.ts'

/** A message as the summary reads it. */
export interface SummaryMessage {
  readonly id: string
  readonly authorRole: 'shopper' | 'bot' | 'agent'
  readonly text: string
  readonly intent: string | null
  readonly confidence: number | null
  readonly createdAt: string
}

/** The customer's profile as the agent sees it. */
export interface SummaryCustomer {
  readonly id: string
  readonly name: string
  readonly email: string | null
  readonly phone: string | null
  readonly loyaltyTier: string
  readonly loyaltyPoints: number
  readonly customerSince: string
}

/** A recent order. */
export interface SummaryOrder {
  readonly id: string
  readonly number: string
  readonly status: string
  readonly total: Money
  readonly placedAt: string
  readonly itemCount: number
}

/** The shopper's open cart. */
export interface SummaryCart {
  readonly id: string
  readonly lines: readonly { name: string; quantity: number; unitPrice: Money }[]
  readonly subtotal: Money
}

/** A policy section relevant to the request. */
export interface SummaryPolicy {
  readonly slug: string
  readonly title: string
  readonly excerpt: string
}

/**
 * What the agent reads before taking over: built from the conversation and the records only
 * (extractive), so it never says anything the shopper or the records did not.
 */
export interface HandOffSummary {
  /** The shopper's own words that best say what they want. */
  readonly wants: string
  readonly wantsIntent: string | null
  readonly reasons: readonly HandOverReason[]
  /** The bot's last replies, newest last. */
  readonly botTried: readonly string[]
  /** Recognised intents of the shopper's turns with confidence, oldest first. */
  readonly intents: readonly { intent: string | null; confidence: number | null }[]
  readonly language: string
  readonly sentiment: { readonly label: SentimentLabel; readonly score: number }
  readonly customer: SummaryCustomer | null
  readonly recentOrders: readonly SummaryOrder[]
  readonly cart: SummaryCart | null
  readonly policy: SummaryPolicy | null
  readonly messageCount: number
}
