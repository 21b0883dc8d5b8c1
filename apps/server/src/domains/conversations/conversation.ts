import type {
  Channel,
  ConversationStatus,
  MessageContent,
  MessageDirection,
  ParticipantRole,
} from '@kedai/contracts'
import type { Locale } from '../../shared/locale.ts'

/** A conversation as the domain knows it. */
export interface Conversation {
  readonly id: string
  readonly channel: Channel
  readonly status: ConversationStatus
  readonly locale: Locale
  readonly shopperIdentityId: string
  readonly customerId: string | null
  /** Sequence of the last stored message (0 before the first). */
  readonly lastSequence: number
  /** The dialogue engine's state, opaque here (the engine validates it). */
  readonly dialogueState: unknown
  readonly createdAt: string
  readonly updatedAt: string
  readonly resolvedAt: string | null
}

/** A stored message. */
export interface ConversationMessage {
  readonly id: string
  readonly conversationId: string
  readonly sequence: number
  readonly direction: MessageDirection
  readonly authorRole: ParticipantRole
  /** The author's display name shown to the shopper (agents), or null. */
  readonly authorName: string | null
  readonly channel: Channel
  readonly channelMessageId: string | null
  readonly replyToMessageId: string | null
  readonly content: MessageContent
  readonly intent: string | null
  readonly confidence: number | null
  readonly createdAt: string
}

/** A shopper as one channel knows them (`web` + visitor id), optionally linked to a customer. */
export interface ShopperIdentity {
  readonly id: string
  readonly channel: Channel
  readonly externalId: string
  readonly customerId: string | null
}
