import type {
  Channel,
  ConversationStatus,
  MessageContent,
  MessageDirection,
  ParticipantRole,
} from '@kedai/contracts'
import type { RecordedEvent } from '../../shared/event-bus.ts'
import type { Locale } from '../../shared/locale.ts'
import type { Conversation, ConversationMessage, ShopperIdentity } from './conversation.ts'

/** A message to store; the repository gives it the conversation's next sequence. */
export interface MessageDraft {
  readonly id: string
  readonly direction: MessageDirection
  readonly authorRole: ParticipantRole
  readonly authorName?: string | null
  readonly channelMessageId: string | null
  readonly replyToMessageId: string | null
  readonly content: MessageContent
  readonly createdAt: string
  /** What the recognizer understood of an inbound message, when it is stored after its turn. */
  readonly intent?: string | null
  readonly confidence?: number | null
}

/** Fields of a conversation that change after it was opened. */
export interface ConversationChanges {
  readonly status?: ConversationStatus
  readonly locale?: Locale
  readonly customerId?: string | null
  readonly dialogueState?: unknown
  readonly resolvedAt?: string | null
  readonly updatedAt: string
}

/** What the recognizer understood of an inbound message, stored with the bot's replies. */
export interface RecognitionRecord {
  readonly messageId: string
  readonly intent: string
  readonly confidence: number
}

/** Which part of a conversation's history to read. */
export interface MessagePage {
  /** Only messages with a greater sequence (oldest first). */
  readonly after?: number | undefined
  /** Only messages with a smaller sequence (newest page, returned oldest first). */
  readonly before?: number | undefined
  readonly limit: number
}

/** What the recognizer made of one shopper message (no content): for rules over recent turns. */
export interface ShopperTurn {
  readonly messageId: string
  readonly sequence: number
  readonly intent: string | null
  readonly confidence: number | null
}

/**
 * Storage of conversations, messages and shopper identities. Implemented once in SQL for SQLite and
 * PostgreSQL (`createSqlConversationRepository`); the contract suite runs on both.
 */
export interface ConversationRepository {
  /** The identity of `externalId` on `channel`, creating it with `newId` when missing. */
  ensureIdentity(
    channel: Channel,
    externalId: string,
    newId: string,
    now: string,
  ): Promise<ShopperIdentity>
  /** Sets (or clears) the customer an identity belongs to. */
  linkIdentity(identityId: string, customerId: string | null, now: string): Promise<void>
  insertConversation(conversation: Conversation): Promise<void>
  addParticipant(participant: {
    id: string
    conversationId: string
    role: ParticipantRole
    reference: string
    joinedAt: string
  }): Promise<void>
  findConversation(id: string): Promise<Conversation | undefined>
  /** The identity's most recent conversation that is not resolved. */
  findOpenConversation(shopperIdentityId: string): Promise<Conversation | undefined>
  /**
   * Stores messages with consecutive sequences after the conversation's last one, applies
   * `changes`, records `recognition` on a message stored earlier and stores `events`, all in one
   * transaction. Throws `AppError('conflict')` when an inbound channel message id is already stored
   * (the caller looks it up and treats it as a duplicate).
   */
  appendMessages(
    conversationId: string,
    drafts: readonly MessageDraft[],
    changes: ConversationChanges,
    extras?: {
      readonly recognition?: RecognitionRecord | undefined
      /** The events to store with the messages, made from the stored messages (their sequences). */
      readonly events?:
        ((stored: readonly ConversationMessage[]) => readonly RecordedEvent[]) | undefined
    },
  ): Promise<{ messages: ConversationMessage[]; conversation: Conversation }>
  updateConversation(id: string, changes: ConversationChanges): Promise<void>
  findMessageByChannelId(
    channel: Channel,
    channelMessageId: string,
  ): Promise<ConversationMessage | undefined>
  listMessages(conversationId: string, page: MessagePage): Promise<ConversationMessage[]>
  /** The latest shopper messages before `beforeSequence` (oldest first), without their content. */
  listShopperTurns(
    conversationId: string,
    page: { beforeSequence: number; limit: number },
  ): Promise<ShopperTurn[]>
  /** Messages answering `inboundMessageId`, in sequence. */
  listReplies(inboundMessageId: string): Promise<ConversationMessage[]>
  /** Records what the recognizer understood of an inbound message. */
  recordRecognition(messageId: string, intent: string, confidence: number): Promise<void>
  /** Every message of every conversation of a customer (all channels), newest page first, oldest first inside. */
  listCustomerMessages(
    customerId: string,
    page: { before?: string | undefined; limit: number },
  ): Promise<ConversationMessage[]>
}
