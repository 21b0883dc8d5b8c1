import type { Channel, InboundContent, MessageContent } from '@kedai/contracts'
import type {
  Conversation,
  ConversationMessage,
  ConversationService,
  ReceivedMessage,
} from '../domains/conversations/index.ts'
import { AppError } from '../shared/app-error.ts'
import type { DomainEvent, EventBus } from '../shared/event-bus.ts'
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
  readonly eventBus: EventBus
  /** The store's language, used until the shopper's own is known. */
  readonly defaultLocale: Locale
  /** Monotonic milliseconds for response times (`performance.now`). */
  readonly measure?: () => number
  /** Told about a turn that failed after its message was stored (the message is kept). */
  readonly onTurnError?: (
    error: unknown,
    context: { conversationId: string; messageId: string },
  ) => void
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
  const { conversations, recognizer, engine, eventBus } = dependencies
  const measure = dependencies.measure ?? (() => performance.now())
  const queues = new Map<string, Promise<unknown>>()

  /** Runs turns of one conversation one after another, so each sees the state the previous left. */
  function serialize<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(conversationId) ?? Promise.resolve()
    const next = previous.then(task, task)
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

  async function storeTurn(
    conversation: Conversation,
    inbound: ConversationMessage,
    replies: readonly Reply[],
    options: {
      started: number
      locale: Locale
      state: DialogueState
      intent: string
      confidence: number
      events: DomainEvent<object>[]
    },
  ): Promise<ConversationMessage[]> {
    const contents: MessageContent[] = replies.map((reply) => renderReply(reply, options.locale))
    const stored = await conversations.sendMessages(conversation.id, {
      messages: contents.map((content) => ({ authorRole: 'bot' as const, content })),
      replyToMessageId: inbound.id,
      dialogueState: options.state,
      locale: options.locale,
      recognition: { intent: options.intent, confidence: options.confidence },
      eventDetails: {
        responseMilliseconds: Math.round((measure() - options.started) * 1000) / 1000,
      },
      events: options.events,
    })
    return stored
  }

  async function runTurn(
    received: ReceivedMessage,
    started: number,
    cartToken: string | undefined,
    typedText = '',
    locationCode: string | undefined = undefined,
  ): Promise<InboundResult> {
    const inbound = received.message
    const conversationId = inbound.conversationId
    // Turns of a conversation run one at a time, so the state read with the inbound message is current.
    let conversation = received.conversation
    let state = readDialogueState(conversation.dialogueState)
    if (cartToken !== undefined && state.cartToken !== cartToken) state = { ...state, cartToken }
    if (locationCode !== undefined && state.locationCode !== locationCode)
      state = { ...state, locationCode }
    // What the shopper typed (the stored copy may have a card number masked); a retried turn of a
    // message stored earlier only has the stored copy.
    const text =
      inbound.content.type === 'text'
        ? typedText.length > 0
          ? typedText
          : inbound.content.text
        : ''
    const events: DomainEvent<object>[] = [...received.deferredEvents]
    const base = {
      started,
      state,
      locale: conversation.locale,
      events,
      intent: 'none',
      confidence: 0,
    }

    if (inbound.content.type !== 'text') {
      const replies = await storeTurn(conversation, inbound, [{ key: 'attachment-received' }], {
        ...base,
        intent: 'attachment',
        confidence: 1,
      })
      return { inbound, replies, duplicate: false, conversation }
    }
    if (conversation.status === 'agent-active' || conversation.status === 'waiting-for-agent') {
      // A person has (or will take) the conversation: the bot only says once that someone is coming.
      const notice: Reply[] =
        conversation.status === 'waiting-for-agent' && !state.waitingNoticeSent
          ? [{ key: 'hand-over-waiting' }]
          : []
      const replies = await storeTurn(conversation, inbound, notice, {
        ...base,
        intent: 'for-agent',
        confidence: 1,
        state: { ...state, waitingNoticeSent: state.waitingNoticeSent || notice.length > 0 },
      })
      return { inbound, replies, duplicate: false, conversation }
    }
    if (text.trim().startsWith(csatPayloadPrefix)) {
      // A rating tap after a person resolved the conversation: the hand-off workflow records it and
      // thanks the shopper, so the bot stays silent rather than trying to understand "csat:5".
      const replies = await storeTurn(conversation, inbound, [], {
        ...base,
        intent: 'csat',
        confidence: 1,
      })
      return { inbound, replies, duplicate: false, conversation }
    }
    if (text.trim().length === 0) {
      const replies = await storeTurn(conversation, inbound, [{ key: 'empty-message' }], {
        ...base,
        intent: 'empty',
        confidence: 1,
      })
      return { inbound, replies, duplicate: false, conversation }
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
          messageId: inbound.id,
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
    const replies = await storeTurn(conversation, inbound, turn.replies, {
      started,
      state,
      locale,
      events,
      intent: turn.intent,
      confidence: turn.confidence,
    })
    conversation = {
      ...conversation,
      locale,
      lastSequence: replies.at(-1)?.sequence ?? conversation.lastSequence,
    }
    if (turn.handOver !== undefined) {
      conversation = (
        await conversations.changeStatus(conversationId, 'hand-over-requested', {
          reason: turn.handOver,
          messageId: inbound.id,
        })
      ).conversation
    } else if (turn.resolve) {
      conversation = (await conversations.changeStatus(conversationId, 'resolved', { by: 'bot' }))
        .conversation
    }
    return { inbound, replies, duplicate: false, conversation }
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
        const received = await conversations.receiveMessage(
          { conversationId, channelMessageId, content: stored },
          { deferEvents: true },
        )
        if (received.duplicate && received.message.intent !== null) {
          const replies = await conversations.listReplies(received.message.id)
          return {
            inbound: received.message,
            replies,
            duplicate: true,
            conversation: received.conversation,
          }
        }
        try {
          const typed = content.type === 'text' ? content.text : ''
          const result = await runTurn(received, started, cartToken, typed, locationCode)
          return { ...result, duplicate: received.duplicate }
        } catch (error) {
          dependencies.onTurnError?.(error, { conversationId, messageId: received.message.id })
          await eventBus.publish(...received.deferredEvents).catch(() => undefined)
          throw new AppError(
            'unavailable',
            'Your message was saved, but the assistant could not answer just now. Send it again with the same id to retry.',
            {
              details: { messageId: received.message.id, sequence: received.message.sequence },
              cause: error,
            },
          )
        }
      })
    },
  }
}
