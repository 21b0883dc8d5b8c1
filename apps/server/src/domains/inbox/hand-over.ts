import type { HandOverReason } from './hand-over-triggers.ts'
import type { InboxTopic } from './inbox-topics.ts'

/** Where a hand-over is: waiting, offered to an agent, owned by one, done, or left as a ticket. */
export const handOverStatuses = [
  'queued',
  'offered',
  'assigned',
  'resolved',
  'ticket',
  'cancelled',
] as const

/** One of {@link handOverStatuses}. */
export type HandOverStatus = (typeof handOverStatuses)[number]

/** Statuses in which a hand-over is still open (someone has to act). */
export const openHandOverStatuses: readonly HandOverStatus[] = ['queued', 'offered', 'assigned']

/** The contact a shopper leaves when nobody can answer now. */
export interface TicketContact {
  readonly email?: string | undefined
  readonly phone?: string | undefined
  readonly note?: string | undefined
}

/** A request for a person in one conversation. */
export interface HandOver {
  readonly id: string
  readonly conversationId: string
  readonly customerId: string | null
  readonly status: HandOverStatus
  readonly reasons: readonly HandOverReason[]
  readonly topic: InboxTopic
  readonly language: string
  readonly team: string | null
  /** The summary built for the agent (shape owned by the hand-off workflow). */
  readonly summary: unknown
  readonly offeredAgentId: string | null
  readonly offerExpiresAt: string | null
  readonly excludedAgentIds: readonly string[]
  readonly assignedAgentId: string | null
  readonly contact: TicketContact | null
  readonly createdAt: string
  readonly assignedAt: string | null
  readonly resolvedAt: string | null
  readonly updatedAt: string
}

/** A private note on a conversation. */
export interface InboxNote {
  readonly id: string
  readonly conversationId: string
  readonly authorId: string
  readonly body: string
  readonly createdAt: string
}

/** A saved reply. */
export interface CannedResponse {
  readonly id: string
  readonly shortcut: string
  readonly title: string
  /** Text per locale (`en` always), with `{{variables}}`. */
  readonly body: Readonly<Record<string, string>> & { readonly en: string }
  readonly createdBy: string
  readonly createdAt: string
}

/** A shopper's rating of a resolved hand-over. */
export interface CsatRating {
  readonly id: string
  readonly conversationId: string
  readonly handOverId: string
  readonly agentId: string | null
  readonly score: number
  readonly comment: string | null
  readonly createdAt: string
}

/** Where a candidate training example is in review. */
export const trainingCandidateStatuses = ['pending', 'labelled', 'approved', 'rejected'] as const

/** One of {@link trainingCandidateStatuses}. */
export type TrainingCandidateStatus = (typeof trainingCandidateStatuses)[number]

/** A shopper message the bot misunderstood before a hand-over. */
export interface TrainingCandidate {
  readonly id: string
  readonly conversationId: string
  readonly messageId: string
  readonly text: string
  readonly locale: string
  readonly predictedIntent: string | null
  readonly confidence: number | null
  readonly status: TrainingCandidateStatus
  readonly label: string | null
  readonly labelledBy: string | null
  readonly reviewedBy: string | null
  readonly createdAt: string
}
