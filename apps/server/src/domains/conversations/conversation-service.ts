import type { Channel, InboundContent, MessageContent, ParticipantRole } from '@kedai/contracts'
import type { Db } from '../../db/database.ts'
import { AppError, isAppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import type { ClusterLink } from '../../shared/cluster-link.ts'
import type { DomainEvent, EventBus, RecordedEvent } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import type { Locale } from '../../shared/locale.ts'
import type { Conversation, ConversationMessage, ShopperIdentity } from './conversation.ts'
import { conversationEventTypes } from './conversation-events.ts'
import {
  createConversationFeed,
  type ConversationFeed,
  type ConversationListener,
} from './conversation-feed.ts'
import type {
  ConversationChanges,
  ConversationRepository,
  MessageDraft,
  MessagePage,
  ShopperTurn,
} from './conversation-repository.ts'
import {
  transitionConversationStatus,
  type ConversationStatusEvent,
} from './conversation-status.ts'
import { relayConversationFeed } from './relay-conversation-feed.ts'
import { createSqlConversationRepository } from './sql-conversation-repository.ts'

/** What {@link createConversationService} needs. */
export interface ConversationServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  /** Another storage (tests of the contract); defaults to SQL over `db`. */
  readonly repository?: ConversationRepository
  /** Live fan-out of stored messages and status changes (the web socket listens). */
  readonly feed?: ConversationFeed
  /**
   * Keep conversations in memory between turns (the SQL storage's `cacheConversations`): only
   * where this server is the database's one writer, as on SQLite.
   */
  readonly cacheConversations?: boolean
  /**
   * The other server instances on this database (PostgreSQL): their messages and status changes
   * reach this instance's live listeners and this instance's reach theirs.
   */
  readonly cluster?: ClusterLink
  /** Told when another instance's update could not be read back for a listener here. */
  readonly onRelayError?: (error: unknown) => void
}

/** The outcome of receiving an inbound message. */
export interface ReceivedMessage {
  readonly message: ConversationMessage
  /** True when this channel message id was stored before (nothing new was stored). */
  readonly duplicate: boolean
  readonly conversation: Conversation
}

/** An outbound message to store. */
export interface OutboundDraft {
  readonly authorRole: Exclude<ParticipantRole, 'shopper'>
  /** The name the shopper sees beside the message (an agent's display name). */
  readonly authorName?: string
  readonly content: MessageContent
}

/** What the bot (or an agent) says in answer to one inbound message, and the state it leaves. */
export interface ReplyBatch {
  readonly messages: readonly OutboundDraft[]
  readonly replyToMessageId?: string
  /** The dialogue engine's state after the turn. */
  readonly dialogueState?: unknown
  readonly locale?: Locale
  /** Extra facts for the `message.sent` events (bot response time…). */
  readonly eventDetails?: Record<string, unknown>
  /** Other events of the turn, published together with `message.sent` (one write). */
  readonly events?: readonly DomainEvent<object>[]
  /** What the recognizer understood of the inbound message, stored in the same transaction. */
  readonly recognition?: { readonly intent: string; readonly confidence: number }
}

/** The shopper message a bot turn answers, as {@link ConversationService.recordTurn} stores it. */
export type TurnInbound =
  | {
      /** Received now: stored by the turn's write, together with what the recognizer understood. */
      readonly kind: 'new'
      readonly id: string
      readonly channelMessageId: string
      readonly content: InboundContent
      readonly receivedAt: string
    }
  | {
      /** Stored earlier by a turn that failed; the turn's write records the recognition on it. */
      readonly kind: 'stored'
      readonly message: ConversationMessage
    }

/** A whole bot turn: the shopper's message, the replies, the new state and the turn's events. */
export interface TurnRecord extends Omit<ReplyBatch, 'replyToMessageId' | 'recognition'> {
  readonly inbound: TurnInbound
  readonly recognition: { readonly intent: string; readonly confidence: number }
}

/** Conversations, participants, messages and shopper identities. */
export interface ConversationService {
  /**
   * The shopper identity of `externalId` on `channel` (created on first sight). When `customerId` is
   * given (a signed-in shopper) the identity is linked to that customer, so their conversations on
   * every channel form one history.
   */
  identifyShopper(input: {
    channel: Channel
    externalId: string
    customerId?: string | undefined
  }): Promise<ShopperIdentity>
  /**
   * Opens a conversation for an identity; publishes `conversation.started`. With `reuseOpen`, the
   * identity's open conversation is returned instead when there is one (`created: false`).
   */
  openConversation(input: {
    channel: Channel
    shopperIdentityId: string
    customerId: string | null
    locale: Locale
    reuseOpen?: boolean
  }): Promise<{ conversation: Conversation; created: boolean }>
  /** The conversation, or `AppError('not-found')`. */
  getConversation(id: string): Promise<Conversation>
  /** The conversation, or `undefined`. */
  findConversation(id: string): Promise<Conversation | undefined>
  /**
   * Stores an inbound shopper message FIRST, in its own transaction, before anything else happens
   * to it. Idempotent on `(channel, channelMessageId)`: a second delivery returns the stored message
   * with `duplicate: true`. A resolved conversation is reopened. Publishes `message.received`.
   */
  receiveMessage(input: {
    conversationId: string
    channelMessageId: string
    content: InboundContent
  }): Promise<ReceivedMessage>
  /**
   * Stores outbound messages, the dialogue state and the batch's events in one transaction;
   * publishes `message.sent`.
   */
  sendMessages(conversationId: string, batch: ReplyBatch): Promise<ConversationMessage[]>
  /**
   * The message `channelMessageId` of the conversation's channel, when it was received before;
   * `AppError('conflict')` when that id belongs to another conversation.
   */
  findReceivedMessage(
    conversation: Conversation,
    channelMessageId: string,
  ): Promise<ConversationMessage | undefined>
  /** A new shopper message for {@link ConversationService.recordTurn}: its id and time given now. */
  draftInbound(
    channelMessageId: string,
    content: InboundContent,
  ): Extract<TurnInbound, { kind: 'new' }>
  /**
   * Stores a whole bot turn in ONE write: the shopper's message (when new) with its recognized intent,
   * the replies, the dialogue state and locale, and the turn's events (`message.received`,
   * `message.sent` and the caller's); subscribers run once the write is durable. Throws
   * `AppError('conflict')` when the shopper's message was stored meanwhile (a duplicate delivery that
   * raced this one).
   */
  recordTurn(
    conversationId: string,
    turn: TurnRecord,
  ): Promise<{
    inbound: ConversationMessage
    replies: ConversationMessage[]
    conversation: Conversation
  }>
  /** Replies already stored for an inbound message (for duplicates and resumes). */
  listReplies(inboundMessageId: string): Promise<ConversationMessage[]>
  /** Records the recognized intent and confidence of an inbound message. */
  recordRecognition(messageId: string, intent: string, confidence: number): Promise<void>
  /**
   * The latest shopper turns (intent and confidence, no content) before `beforeSequence`, oldest
   * first: what rules over recent turns (repeated low confidence) read.
   */
  listShopperTurns(
    conversationId: string,
    page: { beforeSequence: number; limit: number },
  ): Promise<ShopperTurn[]>
  /** A page of the conversation's messages, in sequence order. */
  listMessages(conversationId: string, page: MessagePage): Promise<ConversationMessage[]>
  /** The customer's messages across all their conversations and channels. */
  listCustomerHistory(
    customerId: string,
    page: { before?: string; limit: number },
  ): Promise<ConversationMessage[]>
  /**
   * Applies a status event through the transition table. Returns the conversation unchanged when the
   * table does not allow the event (`changed: false`). Publishes `conversation.handed-off` and
   * `conversation.resolved` for those transitions.
   */
  changeStatus(
    conversationId: string,
    event: ConversationStatusEvent,
    details?: Record<string, unknown>,
  ): Promise<{ conversation: Conversation; changed: boolean }>
  /** Saves the dialogue engine's state without sending anything. */
  saveDialogueState(conversationId: string, state: unknown): Promise<void>
  /** Live updates of one conversation (messages in sequence order, status changes, typing). */
  subscribe(conversationId: string, listener: ConversationListener): () => void
  /** Tells the conversation's live channels that a person (or the bot) started or stopped typing. */
  announceTyping(conversationId: string, role: 'bot' | 'agent', typing: boolean): void
}

/** Creates the {@link ConversationService}. */
export function createConversationService(
  dependencies: ConversationServiceDependencies,
): ConversationService {
  const repository =
    dependencies.repository ??
    createSqlConversationRepository(dependencies.db, {
      cacheConversations: dependencies.cacheConversations === true,
    })
  const { clock, eventBus, createId } = dependencies
  const localFeed = dependencies.feed ?? createConversationFeed()
  const feed =
    dependencies.cluster === undefined
      ? localFeed
      : relayConversationFeed({
          feed: localFeed,
          cluster: dependencies.cluster,
          reader: {
            findMessage: async (conversationId, sequence) =>
              (
                await repository.listMessages(conversationId, { after: sequence - 1, limit: 1 })
              ).find((message) => message.sequence === sequence),
            findConversation: (conversationId) => repository.findConversation(conversationId),
          },
          onError: dependencies.onRelayError ?? (() => undefined),
        }).feed
  const now = () => clock.now().toISOString()

  function outboundDraft(
    draft: OutboundDraft,
    replyToMessageId: string | null,
    time: string,
  ): MessageDraft {
    return {
      id: createId('msg'),
      direction: 'outbound',
      authorRole: draft.authorRole,
      authorName: draft.authorName ?? null,
      channelMessageId: null,
      replyToMessageId,
      content: draft.content,
      createdAt: time,
    }
  }

  function sentEvent(
    message: ConversationMessage,
    details: Record<string, unknown> | undefined,
  ): DomainEvent<object> {
    return {
      type: conversationEventTypes.messageSent,
      aggregateId: message.conversationId,
      payload: {
        messageId: message.id,
        sequence: message.sequence,
        authorRole: message.authorRole,
        contentType: message.content.type,
        replyToMessageId: message.replyToMessageId,
        ...details,
      },
    }
  }

  function receivedEvent(message: ConversationMessage): DomainEvent<object> {
    return {
      type: conversationEventTypes.messageReceived,
      aggregateId: message.conversationId,
      payload: {
        messageId: message.id,
        sequence: message.sequence,
        contentType: message.content.type,
        channel: message.channel,
      },
    }
  }

  async function getConversation(id: string): Promise<Conversation> {
    const conversation = await repository.findConversation(id)
    if (conversation === undefined) throw new AppError('not-found', `No conversation ${id}.`)
    return conversation
  }

  async function changeStatus(
    conversationId: string,
    event: ConversationStatusEvent,
    details: Record<string, unknown> = {},
  ): Promise<{ conversation: Conversation; changed: boolean }> {
    const conversation = await getConversation(conversationId)
    const next = transitionConversationStatus(conversation.status, event)
    if (next === undefined || next === conversation.status) return { conversation, changed: false }
    const time = now()
    const changes: ConversationChanges = {
      status: next,
      updatedAt: time,
      resolvedAt: next === 'resolved' ? time : null,
    }
    await repository.updateConversation(conversationId, changes)
    const events: DomainEvent<object>[] = [
      {
        type: conversationEventTypes.statusChanged,
        aggregateId: conversationId,
        payload: { from: conversation.status, to: next, event, ...details },
      },
    ]
    if (next === 'waiting-for-agent') {
      events.push({
        type: conversationEventTypes.handedOff,
        aggregateId: conversationId,
        payload: { ...details },
      })
    }
    if (next === 'resolved') {
      events.push({
        type: conversationEventTypes.resolved,
        aggregateId: conversationId,
        payload: { ...details },
      })
    }
    await eventBus.publish(...events)
    const changed: Conversation = {
      ...conversation,
      status: next,
      updatedAt: time,
      resolvedAt: changes.resolvedAt ?? null,
    }
    feed.publish(conversationId, { kind: 'conversation', conversation: changed })
    return {
      conversation: changed,
      changed: true,
    }
  }

  return {
    async identifyShopper({ channel, externalId, customerId }) {
      const time = now()
      const identity = await repository.ensureIdentity(channel, externalId, createId('shp'), time)
      if (customerId !== undefined && identity.customerId !== customerId) {
        await repository.linkIdentity(identity.id, customerId, time)
        await eventBus.publish({
          type: conversationEventTypes.identityLinked,
          aggregateId: identity.id,
          payload: { channel, customerId },
        })
        return { ...identity, customerId }
      }
      return identity
    },

    async openConversation({ channel, shopperIdentityId, customerId, locale, reuseOpen }) {
      if (reuseOpen === true) {
        const open = await repository.findOpenConversation(shopperIdentityId)
        if (open !== undefined) return { conversation: open, created: false }
      }
      const time = now()
      const conversation: Conversation = {
        id: createId('conv'),
        channel,
        status: 'bot-active',
        locale,
        shopperIdentityId,
        customerId,
        lastSequence: 0,
        dialogueState: {},
        createdAt: time,
        updatedAt: time,
        resolvedAt: null,
      }
      await repository.insertConversation(conversation)
      await repository.addParticipant({
        id: createId('ptc'),
        conversationId: conversation.id,
        role: 'shopper',
        reference: shopperIdentityId,
        joinedAt: time,
      })
      await repository.addParticipant({
        id: createId('ptc'),
        conversationId: conversation.id,
        role: 'bot',
        reference: 'bot',
        joinedAt: time,
      })
      await eventBus.publish({
        type: conversationEventTypes.started,
        aggregateId: conversation.id,
        payload: { channel, locale, customerId, shopperIdentityId },
      })
      return { conversation, created: true }
    },

    getConversation,

    findConversation: (id) => repository.findConversation(id),

    async receiveMessage({ conversationId, channelMessageId, content }) {
      const time = now()
      let stored: ConversationMessage
      let conversation: Conversation
      let recorded: RecordedEvent[] = []
      try {
        // The message and its `message.received` are stored together.
        const appended = await repository.appendMessages(
          conversationId,
          [
            {
              id: createId('msg'),
              direction: 'inbound',
              authorRole: 'shopper',
              channelMessageId,
              replyToMessageId: null,
              content,
              createdAt: time,
            },
          ],
          { updatedAt: time },
          {
            events: (messages) => {
              recorded = eventBus.record(...messages.map(receivedEvent))
              return recorded
            },
          },
        )
        const message = appended.messages[0]
        if (message === undefined) throw new AppError('internal', 'The message was not stored.')
        stored = message
        conversation = appended.conversation
        feed.publish(conversationId, { kind: 'message', message })
      } catch (error) {
        // The channel delivered this message before (or two deliveries raced): it is stored once.
        if (isAppError(error, 'conflict')) {
          const known = await getConversation(conversationId)
          const existing = await repository.findMessageByChannelId(known.channel, channelMessageId)
          if (existing !== undefined) return duplicateOf(existing)
        }
        throw error
      }
      await eventBus.deliver(recorded)
      let current = conversation
      if (conversation.status === 'resolved') {
        current = (await changeStatus(conversationId, 'shopper-returned')).conversation
      }
      return { message: stored, duplicate: false, conversation: current }

      async function duplicateOf(message: ConversationMessage): Promise<ReceivedMessage> {
        if (message.conversationId !== conversationId) {
          throw new AppError(
            'conflict',
            'This message id was already used in another conversation.',
          )
        }
        return {
          message,
          duplicate: true,
          conversation: await getConversation(conversationId),
        }
      }
    },

    async sendMessages(conversationId, batch) {
      const time = now()
      let recorded: RecordedEvent[] = []
      const { messages: stored } = await repository.appendMessages(
        conversationId,
        batch.messages.map((draft) => outboundDraft(draft, batch.replyToMessageId ?? null, time)),
        {
          updatedAt: time,
          ...(batch.dialogueState === undefined ? {} : { dialogueState: batch.dialogueState }),
          ...(batch.locale === undefined ? {} : { locale: batch.locale }),
        },
        {
          recognition:
            batch.recognition === undefined || batch.replyToMessageId === undefined
              ? undefined
              : { messageId: batch.replyToMessageId, ...batch.recognition },
          events: (messages) => {
            recorded = eventBus.record(
              ...messages.map((message) => sentEvent(message, batch.eventDetails)),
              ...(batch.events ?? []),
            )
            return recorded
          },
        },
      )
      for (const message of stored) feed.publish(conversationId, { kind: 'message', message })
      await eventBus.deliver(recorded)
      return stored
    },

    async findReceivedMessage(conversation, channelMessageId) {
      const message = await repository.findMessageByChannelId(
        conversation.channel,
        channelMessageId,
      )
      if (message !== undefined && message.conversationId !== conversation.id) {
        throw new AppError('conflict', 'This message id was already used in another conversation.')
      }
      return message
    },

    draftInbound: (channelMessageId, content) => ({
      kind: 'new',
      id: createId('msg'),
      channelMessageId,
      content,
      receivedAt: now(),
    }),

    async recordTurn(conversationId, turn) {
      const time = now()
      const { inbound } = turn
      const inboundId = inbound.kind === 'new' ? inbound.id : inbound.message.id
      const drafts: MessageDraft[] =
        inbound.kind === 'new'
          ? [
              {
                id: inbound.id,
                direction: 'inbound',
                authorRole: 'shopper',
                channelMessageId: inbound.channelMessageId,
                replyToMessageId: null,
                content: inbound.content,
                createdAt: inbound.receivedAt,
                intent: turn.recognition.intent,
                confidence: turn.recognition.confidence,
              },
            ]
          : []
      const first = drafts.length
      for (const draft of turn.messages) drafts.push(outboundDraft(draft, inboundId, time))
      let recorded: RecordedEvent[] = []
      const { messages, conversation } = await repository.appendMessages(
        conversationId,
        drafts,
        {
          updatedAt: time,
          ...(turn.dialogueState === undefined ? {} : { dialogueState: turn.dialogueState }),
          ...(turn.locale === undefined ? {} : { locale: turn.locale }),
        },
        {
          recognition:
            inbound.kind === 'stored' ? { messageId: inboundId, ...turn.recognition } : undefined,
          events: (stored) => {
            const received = stored[0]
            recorded = eventBus.record(
              ...(inbound.kind === 'new' && received !== undefined
                ? [receivedEvent(received)]
                : []),
              ...stored.slice(first).map((message) => sentEvent(message, turn.eventDetails)),
              ...(turn.events ?? []),
            )
            return recorded
          },
        },
      )
      for (const message of messages) feed.publish(conversationId, { kind: 'message', message })
      await eventBus.deliver(recorded)
      const stored = inbound.kind === 'new' ? messages[0] : inbound.message
      if (stored === undefined) throw new AppError('internal', 'The message was not stored.')
      return {
        inbound:
          inbound.kind === 'new'
            ? stored
            : {
                ...stored,
                intent: turn.recognition.intent,
                confidence: turn.recognition.confidence,
              },
        replies: messages.slice(first),
        conversation,
      }
    },

    listReplies: (inboundMessageId) => repository.listReplies(inboundMessageId),

    recordRecognition: (messageId, intent, confidence) =>
      repository.recordRecognition(messageId, intent, confidence),

    listMessages: (conversationId, page) => repository.listMessages(conversationId, page),
    listShopperTurns: (conversationId, page) => repository.listShopperTurns(conversationId, page),

    listCustomerHistory: (customerId, page) => repository.listCustomerMessages(customerId, page),

    changeStatus,

    async saveDialogueState(conversationId, state) {
      await repository.updateConversation(conversationId, {
        dialogueState: state,
        updatedAt: now(),
      })
    },

    subscribe: (conversationId, listener) => feed.subscribe(conversationId, listener),
    announceTyping: (conversationId, role, typing) =>
      feed.publish(conversationId, { kind: 'typing', role, typing }),
  }
}
