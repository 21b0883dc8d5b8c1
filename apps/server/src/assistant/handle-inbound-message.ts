import type { Channel, InboundContent } from '@kedai/contracts'
import type {
  Conversation,
  ConversationMessage,
  ConversationService,
  TurnInbound,
} from '../domains/conversations/index.ts'
import { AppError, isAppError } from '../shared/app-error.ts'
import { singleInstanceLink, type ClusterLink } from '../shared/cluster-link.ts'
import type { DomainEvent } from '../shared/event-bus.ts'
import { isLocale, type Locale } from '../shared/locale.ts'
import {
  readDialogueState,
  type DialogueEngine,
  type DialogueState,
  type FlowServices,
} from './dialogue/index.ts'
import type { Recognition, Recognizer } from './nlu/index.ts'
import { redactCardNumbers } from './redact-card-numbers.ts'
import { renderReply, type Reply } from './replies/index.ts'
import { csatPayloadPrefix } from '../workflows/hand-off/index.ts'

/** What the assistant is made of. */
export interface AssistantDependencies {
  readonly conversations: ConversationService
  readonly recognizer: Recognizer
  readonly engine: DialogueEngine
  readonly services: FlowServices
  /** The store's language, used until the shopper's own is known. */
  readonly defaultLocale: Locale
  /**
   * The other server instances on this database (PostgreSQL): a conversation's turns run on one
   * instance at a time, so two deliveries never both act on one message and no turn works from a
   * state another instance is changing.
   */
  readonly cluster?: ClusterLink
  /** Monotonic milliseconds for response times (`performance.now`). */
  readonly measure?: () => number
  /** Told about a turn that failed after its message was stored (the message is kept). */
  readonly onTurnError?: (
    error: unknown,
    context: { conversationId: string; messageId: string },
  ) => void
}

/** A shopper message being answered: the conversation as read before the turn, and the message. */
interface PendingTurn {
  readonly conversation: Conversation
  /** The message's id (given now to a new message, so events can name it before it is stored). */
  readonly messageId: string
  /** The message as stored (a card number masked). */
  readonly content: InboundContent
  readonly inbound: TurnInbound
}

function pendingTurn(conversation: Conversation, inbound: TurnInbound): PendingTurn {
  return inbound.kind === 'new'
    ? { conversation, inbound, messageId: inbound.id, content: inbound.content }
    : {
        conversation,
        inbound,
        messageId: inbound.message.id,
        content: inbound.message.content as InboundContent,
      }
}

/** The outcome of one inbound message. */
export interface InboundResult {
  readonly inbound: ConversationMessage
  readonly replies: readonly ConversationMessage[]
  readonly duplicate: boolean
  readonly conversation: Conversation
}

/** The shopping assistant: opens conversations and answers shopper messages on every channel. */
export interface Assistant {
  /**
   * Identifies the shopper (anonymous, or the customer of a verified token), opens a conversation
   * (or reuses the open one with `reuseOpen`) and greets a new one.
   */
  startConversation(input: {
    channel: Channel
    externalId: string
    customerId?: string | undefined
    locale?: Locale | undefined
    reuseOpen?: boolean
  }): Promise<{ conversation: Conversation; messages: readonly ConversationMessage[] }>
  /**
   * The turn pipeline: store the inbound message first (idempotent on `channelMessageId`), recognize,
   * run the dialogue engine, store the replies and the new state together, publish the turn's events.
   * A duplicate delivery returns the replies already sent. When the turn fails after the message was
   * stored, throws `AppError('unavailable')` naming the stored message; sending it again retries.
   */
  handleInboundMessage(input: {
    conversationId: string
    channelMessageId: string
    content: InboundContent
    /**
     * The cart the shopper's page uses (the widget's shared cart). The conversation adopts it, so the
     * bot adds to and checks out the cart the page shows.
     */
    cartToken?: string | undefined
    /** The store an in-store kiosk stands in; in-store answers default to it. */
    locationCode?: string | undefined
  }): Promise<InboundResult>
}

/** The cluster lock a conversation's turns hold. */
export function conversationLockKey(conversationId: string): string {
  return `conversation-turn:${conversationId}`
}

const hanPattern = /\p{Script=Han}/u
const intentsWithoutLanguageEvidence = new Set(['out_of_scope', 'affirm', 'deny'])

/**
 * The language to answer in. Chinese text in a conversation that was not in Chinese switches at
 * once; otherwise the language switches only on a confidently understood request, so an email
 * address, a bare "ok" or an answer to a question keeps the conversation's language.
 */
export function chooseReplyLocale(
  current: Locale,
  recognition: Recognition,
  answeringQuestion: boolean,
): Locale {
  const detected = recognition.language
  // A tapped quick reply (`/intent:…`) carries no evidence of the shopper's language.
  if (!isLocale(detected) || detected === current || recognition.text.trimStart().startsWith('/'))
    return current
  if (detected.startsWith('zh') && !current.startsWith('zh') && hanPattern.test(recognition.text))
    return detected
  const confident =
    recognition.confidence >= 0.5 && !intentsWithoutLanguageEvidence.has(recognition.intent)
  return confident && !answeringQuestion && recognition.answersExpectedSlot !== true
    ? detected
    : current
}

/** Creates the {@link Assistant}. */
export function createAssistant(dependencies: AssistantDependencies): Assistant {
  const { conversations, recognizer, engine } = dependencies
  const cluster = dependencies.cluster ?? singleInstanceLink
  const measure = dependencies.measure ?? (() => performance.now())
  const queues = new Map<string, Promise<unknown>>()

  /**
   * Runs turns of one conversation one after another, so each sees the state the previous left:
   * in this process by a queue per conversation, across instances by the cluster's lock.
   */
  function serialize<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve()
    const exclusive = () => cluster.runExclusively(conversationLockKey(conversationId), task)
    const next = previous.then(exclusive, exclusive)
    const settled = next.then(
      () => undefined,
      () => undefined,
    )
    queues.set(conversationId, settled)
    void settled.then(() => {
      if (queues.get(conversationId) === settled) queues.delete(conversationId)
    })
    return next
  }

  /** Stores the turn in one write: the shopper's message (when new), the replies, state and events. */
  async function storeTurn(
    pending: PendingTurn,
    replies: readonly Reply[],
    options: {
      started: number
      locale: Locale
      state: DialogueState
      intent: string
      confidence: number
      events: DomainEvent<object>[]
    },
  ): Promise<InboundResult> {
    const stored = await conversations.recordTurn(pending.conversation.id, {
      inbound: pending.inbound,
      messages: replies.map((reply) => ({
        authorRole: 'bot' as const,
        content: renderReply(reply, options.locale),
      })),
      dialogueState: options.state,
      locale: options.locale,
      recognition: { intent: options.intent, confidence: options.confidence },
      eventDetails: {
        responseMilliseconds: Math.round((measure() - options.started) * 1000) / 1000,
      },
      events: options.events,
    })
    return { ...stored, duplicate: pending.inbound.kind === 'stored' }
  }

  async function runTurn(
    pending: PendingTurn,
    started: number,
    cartToken: string | undefined,
    typedText: string,
    locationCode: string | undefined,
  ): Promise<InboundResult> {
    const { conversation, messageId, content } = pending
    const conversationId = conversation.id
    // Turns of a conversation run one at a time, so the state read before the turn is current.
    let state = readDialogueState(conversation.dialogueState)
    if (cartToken !== undefined && state.cartToken !== cartToken) state = { ...state, cartToken }
    if (locationCode !== undefined && state.locationCode !== locationCode)
      state = { ...state, locationCode }
    // What the shopper typed (the stored copy may have a card number masked); a retried turn of a
    // message stored earlier only has the stored copy.
    const text = content.type === 'text' ? (typedText.length > 0 ? typedText : content.text) : ''
    const events: DomainEvent<object>[] = []
    const base = {
      started,
      state,
      locale: conversation.locale,
      events,
      intent: 'none',
      confidence: 0,
    }

    if (content.type !== 'text') {
      return storeTurn(pending, [{ key: 'attachment-received' }], {
        ...base,
        intent: 'attachment',
        confidence: 1,
      })
    }
    if (conversation.status === 'agent-active' || conversation.status === 'waiting-for-agent') {
      // A person has (or will take) the conversation: the bot only says once that someone is coming.
      const notice: Reply[] =
        conversation.status === 'waiting-for-agent' && !state.waitingNoticeSent
          ? [{ key: 'hand-over-waiting' }]
          : []
      return storeTurn(pending, notice, {
        ...base,
        intent: 'for-agent',
        confidence: 1,
        state: { ...state, waitingNoticeSent: state.waitingNoticeSent || notice.length > 0 },
      })
    }
    if (text.trim().startsWith(csatPayloadPrefix)) {
      // A rating tap after a person resolved the conversation: the hand-off workflow records it and
      // thanks the shopper, so the bot stays silent rather than trying to understand "csat:5".
      return storeTurn(pending, [], { ...base, intent: 'csat', confidence: 1 })
    }
    if (text.trim().length === 0) {
      return storeTurn(pending, [{ key: 'empty-message' }], {
        ...base,
        intent: 'empty',
        confidence: 1,
      })
    }

    const recognition = recognizer.recognize(
      text,
      engine.recognitionContext(state, conversation.locale),
    )
    const locale = chooseReplyLocale(
      conversation.locale,
      recognition,
      state.active?.awaiting !== undefined,
    )
    const turn = await engine.runTurn({
      conversationId,
      customerId: conversation.customerId,
      locale,
      text,
      recognition,
      state,
      services: dependencies.services,
    })
    events.push(
      {
        type: 'intent.recognized',
        aggregateId: conversationId,
        payload: {
          messageId,
          intent: recognition.intent,
          confidence: recognition.confidence,
          language: recognition.language,
          entities: recognition.entities.map((entity) => entity.type),
          answeredQuestion: turn.answeredQuestion,
        },
      },
      ...turn.events,
    )
    state = turn.handOver === undefined ? turn.state : { ...turn.state, waitingNoticeSent: true }
    const result = await storeTurn(pending, turn.replies, {
      started,
      state,
      locale: turn.locale ?? locale,
      events,
      intent: turn.intent,
      confidence: turn.confidence,
    })
    if (turn.handOver !== undefined) {
      const changed = await conversations.changeStatus(conversationId, 'hand-over-requested', {
        reason: turn.handOver,
        messageId,
      })
      return { ...result, conversation: changed.conversation }
    }
    if (turn.resolve) {
      const changed = await conversations.changeStatus(conversationId, 'resolved', { by: 'bot' })
      return { ...result, conversation: changed.conversation }
    }
    return result
  }

  /** The replies already sent for a message delivered again. */
  async function answerDuplicate(
    message: ConversationMessage,
    conversation: Conversation,
  ): Promise<InboundResult> {
    const replies = await conversations.listReplies(message.id)
    return { inbound: message, replies, duplicate: true, conversation }
  }

  return {
    async startConversation({ channel, externalId, customerId, locale, reuseOpen }) {
      const identity = await conversations.identifyShopper({ channel, externalId, customerId })
      const opened = await conversations.openConversation({
        channel,
        shopperIdentityId: identity.id,
        customerId: identity.customerId,
        locale: locale ?? dependencies.defaultLocale,
        reuseOpen: reuseOpen ?? false,
      })
      if (!opened.created) {
        const messages = await conversations.listMessages(opened.conversation.id, { limit: 50 })
        return { conversation: opened.conversation, messages }
      }
      const messages = await conversations.sendMessages(opened.conversation.id, {
        messages: [
          {
            authorRole: 'bot',
            content: renderReply(
              {
                key: 'greeting',
                choices: [
                  { label: 'choice-find-product', payload: '/intent:product_search' },
                  { label: 'choice-track-order', payload: '/intent:track_order' },
                  { label: 'choice-store-policies', payload: '/intent:store_policy' },
                ],
              },
              opened.conversation.locale,
            ),
          },
        ],
      })
      return {
        conversation: { ...opened.conversation, lastSequence: messages.at(-1)?.sequence ?? 0 },
        messages,
      }
    },

    handleInboundMessage({ conversationId, channelMessageId, content, cartToken, locationCode }) {
      return serialize(conversationId, async () => {
        const started = measure()
        // The stored message never holds a full card number; the turn still reads what was typed.
        const stored =
          content.type === 'text' ? { ...content, text: redactCardNumbers(content.text) } : content
        let conversation = await conversations.getConversation(conversationId)
        const earlier = await conversations.findReceivedMessage(conversation, channelMessageId)
        if (earlier !== undefined && earlier.intent !== null)
          return answerDuplicate(earlier, conversation)
        if (conversation.status === 'resolved') {
          conversation = (await conversations.changeStatus(conversationId, 'shopper-returned'))
            .conversation
        }
        const turn: PendingTurn =
          earlier === undefined
            ? pendingTurn(conversation, conversations.draftInbound(channelMessageId, stored))
            : pendingTurn(conversation, { kind: 'stored', message: earlier })
        try {
          const typed = content.type === 'text' ? content.text : ''
          return await runTurn(turn, started, cartToken, typed, locationCode)
        } catch (error) {
          if (isAppError(error, 'conflict') && turn.inbound.kind === 'new') {
            // The same message was delivered twice at once and the other delivery was stored first.
            const other = await conversations.findReceivedMessage(conversation, channelMessageId)
            if (other !== undefined) return answerDuplicate(other, conversation)
          }
          dependencies.onTurnError?.(error, { conversationId, messageId: turn.messageId })
          // Nothing the shopper sends is lost: the message is stored on its own, to be answered when
          // it is sent again.
          let kept: ConversationMessage
          try {
            kept =
              turn.inbound.kind === 'stored'
                ? turn.inbound.message
                : (
                    await conversations.receiveMessage({
                      conversationId,
                      channelMessageId,
                      content: stored,
                    })
                  ).message
          } catch (storing) {
            dependencies.onTurnError?.(storing, { conversationId, messageId: turn.messageId })
            throw new AppError(
              'unavailable',
              'Your message could not be saved just now. Send it again with the same id.',
              { cause: storing },
            )
          }
          throw new AppError(
            'unavailable',
            'Your message was saved, but the assistant could not answer just now. Send it again with the same id to retry.',
            {
              details: { messageId: kept.id, sequence: kept.sequence },
              cause: error,
            },
          )
        }
      })
    },
  }
}
