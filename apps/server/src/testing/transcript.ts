import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeMessageContent, type MessageContent } from '@kedai/contracts'
import { expect } from 'vitest'
import {
  assembleAssistant,
  createReturnStarter,
  orderCareFlowServices,
  type AssistantParts,
} from '../app/assemble-assistant.ts'
import { createCommerceServices, type CommerceServices } from '../app/commerce-services.ts'
import {
  createPostPurchaseServices,
  type PostPurchaseServices,
} from '../app/post-purchase-services.ts'
import { seedDemoStore } from '../db/seed/load-demo-store.ts'
import { loadConfiguration, repositoryRoot } from '../app/config.ts'
import { createContainer, type Container } from '../app/container.ts'
import { buildServer } from '../http/build-server.ts'
import { createRecognizer, type Recognizer } from '../assistant/nlu/index.ts'
import type { Conversation, ConversationMessage } from '../domains/conversations/index.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { createSqlEventStore } from '../db/sql-event-store.ts'
import { createManualClock, type ManualClock } from '../shared/clock.ts'
import { createEventBus, type EventBus, type RecordedEvent } from '../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../shared/ids.ts'
import { isLocale, type Locale } from '../shared/locale.ts'
import { createTestDatabase } from './test-database.ts'
import { createPersonalDataExportLinks } from '../workflows/personal-data-export/index.ts'

/**
 * Transcript tests: a real assistant over a real SQLite database, driven like a chat —
 * `userSays('…')`, `expectReply(/…/)`, `expectEvent('…')`.
 */

let sharedRecognizer: Recognizer | undefined

/** The project's recognizer, trained once per test process. */
export function getSharedRecognizer(): Recognizer {
  sharedRecognizer ??= createRecognizer()
  return sharedRecognizer
}

/** Loads the demo store's policy documents (`data/demo/policies`) into `policy_documents`. */
export async function loadDemoPolicies(database: DatabaseHandle, now: string): Promise<number> {
  const directory = join(repositoryRoot, 'data', 'demo', 'policies')
  const rows = readdirSync(directory)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .flatMap((file, index) => {
      const [slug = '', locale = ''] = file.replace(/\.md$/, '').split('.')
      if (!isLocale(locale)) return []
      const body = readFileSync(join(directory, file), 'utf8')
      const title = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? slug
      return [
        { id: `pol_${String(index).padStart(6, '0')}`, slug, locale, title, body, updated_at: now },
      ]
    })
  await database.db.insertInto('policy_documents').values(rows).execute()
  return rows.length
}

/** A test chat environment: one database and assistant shared by several transcripts. */
export interface TranscriptEnvironment extends Pick<AssistantParts, 'conversations' | 'assistant'> {
  readonly database: DatabaseHandle
  readonly eventBus: EventBus
  readonly clock: ManualClock
  readonly events: RecordedEvent[]
  /** The whole server when built with {@link createContainerTranscriptEnvironment}. */
  readonly container?: Container
  /** Where the server's HTTP routes listen, when built with `listen` (its public URL too). */
  readonly baseUrl?: string
  /** Opens a conversation and returns a transcript driving it. */
  startChat(options?: {
    locale?: Locale
    customerId?: string
    channel?: 'web' | 'whatsapp' | 'terminal'
  }): Promise<Transcript>
  dispose(): Promise<void>
}

/** One conversation driven like a transcript. */
export interface Transcript {
  readonly conversationId: string
  /** The bot's opening messages. */
  readonly opening: readonly ConversationMessage[]
  /** Sends a shopper message and waits for the bot's replies. */
  userSays(text: string): Promise<readonly ConversationMessage[]>
  /** Taps a quick reply of the last bot message by its label. */
  userTaps(label: string | RegExp): Promise<readonly ConversationMessage[]>
  /** Asserts the replies to the last message (joined text) match. */
  expectReply(pattern: RegExp | string): void
  /** Asserts the last replies offer a quick reply with this label. */
  expectChoice(label: RegExp | string): void
  /** Asserts an event of `type` was published for this conversation since the last message was sent. */
  expectEvent(type: string, payload?: Record<string, unknown>): RecordedEvent
  /** Asserts no event of `type` was published since the last message. */
  expectNoEvent(type: string): void
  /** The conversation as stored now. */
  conversation(): Promise<Conversation>
  /** Everything the bot said in answer to the last message, as text. */
  lastReplyText(): string
}

function contentText(content: MessageContent): string {
  if (content.type === 'quick-replies')
    return `${content.text}\n${content.choices.map((choice) => `[${choice.label}]`).join(' ')}`
  return describeMessageContent(content)
}

/**
 * Creates a {@link TranscriptEnvironment} over a fresh SQLite database with the demo policies; with
 * `demoStore`, the whole demo store (catalog, stock, customers, orders) and the commerce services.
 */
export async function createTranscriptEnvironment(
  options: { demoStore?: boolean } = {},
): Promise<TranscriptEnvironment> {
  const { handle, dispose } = await createTestDatabase('sqlite')
  const clock = createManualClock()
  const createId = createSequentialIdGenerator()
  const events: RecordedEvent[] = []
  let eventCounter = 0
  const eventBus = createEventBus({
    store: createSqlEventStore(handle.db),
    now: () => clock.now(),
    createId: () => `evt_${String(++eventCounter).padStart(6, '0')}`,
  })
  eventBus.subscribe('*', (event) => void events.push(event))
  let commerce: CommerceServices | undefined
  let postPurchase: PostPurchaseServices | undefined
  if (options.demoStore === true) {
    await seedDemoStore(handle, {
      demoDirectory: join(repositoryRoot, 'data', 'demo'),
      currency: 'MYR',
      now: () => clock.now(),
      createId,
    })
    commerce = await createCommerceServices({
      database: handle,
      clock,
      eventBus,
      createId,
      currency: 'MYR',
      publicUrl: 'http://127.0.0.1',
      secret: 'transcript-secret-transcript-secret-0123456789',
      catalogDirectory: join(repositoryRoot, 'data', 'demo'),
    })
    postPurchase = createPostPurchaseServices({
      db: handle.db,
      clock,
      eventBus,
      createId,
      secret: 'transcript-secret-transcript-secret-0123456789',
    })
  } else {
    await loadDemoPolicies(handle, clock.now().toISOString())
  }
  const parts = assembleAssistant({
    ...(commerce === undefined ? {} : { catalog: commerce.catalog, carts: commerce.carts }),
    ...(postPurchase === undefined
      ? {}
      : {
          orders: postPurchase.orders,
          verification: postPurchase.verification,
          customers: postPurchase.customers,
          dataExports: createPersonalDataExportLinks({
            customers: postPurchase.customers,
            clock,
            secret: 'transcript-secret-transcript-secret-0123456789',
            publicUrl: 'http://127.0.0.1:3000',
          }),
          returns: createReturnStarter(postPurchase, 'http://127.0.0.1:3000'),
          ...orderCareFlowServices(postPurchase, 'http://127.0.0.1:3000'),
        }),
    database: handle,
    eventBus,
    clock,
    createId,
    defaultLocale: 'en',
    recognizer: getSharedRecognizer(),
  })
  return buildEnvironment({ parts, database: handle, eventBus, clock, events, dispose })
}

/**
 * A {@link TranscriptEnvironment} over the real composition root (`createContainer`) with the demo
 * store seeded in a temporary SQLite file: every service as `npm start` wires it (promotions,
 * sandbox payments, shipping, fraud screening, inbox).
 */
export async function createContainerTranscriptEnvironment(
  options: {
    /** More configuration (a payment provider's settings). */
    environment?: Record<string, string>
    /** Also serve the HTTP routes on a loopback port, which becomes the public URL. */
    listen?: boolean
  } = {},
): Promise<TranscriptEnvironment> {
  const folder = mkdtempSync(join(tmpdir(), 'kedai-transcript-'))
  const clock = createManualClock(new Date().toISOString())
  const port = options.listen === true ? await findFreePort() : undefined
  const baseUrl = port === undefined ? undefined : `http://127.0.0.1:${String(port)}`
  const container = await createContainer(
    loadConfiguration({
      KEDAI_DATA_DIR: folder,
      KEDAI_SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...(baseUrl === undefined ? {} : { PUBLIC_URL: baseUrl }),
      ...options.environment,
    }),
    { clock },
  )
  const app = port === undefined ? undefined : await buildServer(container)
  if (app !== undefined) await app.listen({ port, host: '127.0.0.1' })
  const { assistant, conversations } = container
  if (assistant === undefined || conversations === undefined)
    throw new Error('the container has no assistant')
  const events: RecordedEvent[] = []
  container.eventBus.subscribe('*', (event) => void events.push(event))
  const environment = buildEnvironment({
    container,
    parts: { assistant, conversations },
    database: container.database,
    eventBus: container.eventBus,
    clock,
    events,
    dispose: async () => {
      await app?.close()
      await container.close()
      rmSync(folder, { recursive: true, force: true })
    },
  })
  return baseUrl === undefined ? environment : { ...environment, baseUrl }
}

/** A free loopback port (asked of the system, then released for the server to take). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function buildEnvironment(options: {
  container?: Container
  parts: Pick<AssistantParts, 'conversations' | 'assistant'>
  database: DatabaseHandle
  eventBus: EventBus
  clock: ManualClock
  events: RecordedEvent[]
  dispose: () => Promise<void>
}): TranscriptEnvironment {
  const { parts, clock, events } = options
  let chatCounter = 0
  return {
    ...parts,
    database: options.database,
    eventBus: options.eventBus,
    clock,
    events,
    dispose: options.dispose,
    ...(options.container === undefined ? {} : { container: options.container }),
    async startChat(options = {}) {
      chatCounter += 1
      const { conversation, messages } = await parts.assistant.startConversation({
        channel: options.channel ?? 'web',
        externalId: `visitor-${chatCounter}`,
        customerId: options.customerId,
        locale: options.locale,
      })
      let lastReplies: readonly ConversationMessage[] = messages
      let eventMark = events.length
      let messageCounter = 0
      const newEvents = () =>
        events
          .slice(eventMark)
          .filter(
            (event) =>
              event.aggregateId === conversation.id ||
              JSON.stringify(event.payload).includes(conversation.id),
          )
      const transcript: Transcript = {
        conversationId: conversation.id,
        opening: messages,
        async userSays(text) {
          eventMark = events.length
          messageCounter += 1
          clock.advance(1000)
          const result = await parts.assistant.handleInboundMessage({
            conversationId: conversation.id,
            channelMessageId: `${conversation.id}/${messageCounter}`,
            content: { type: 'text', text },
          })
          lastReplies = result.replies
          return result.replies
        },
        async userTaps(label) {
          const choices = lastReplies.flatMap((reply) =>
            reply.content.type === 'quick-replies' ? reply.content.choices : [],
          )
          const choice = choices.find((candidate) =>
            typeof label === 'string' ? candidate.label === label : label.test(candidate.label),
          )
          expect(
            choice,
            `no quick reply ${String(label)} in: ${transcript.lastReplyText()}`,
          ).toBeDefined()
          return transcript.userSays(choice?.payload ?? choice?.label ?? '')
        },
        expectReply(pattern) {
          const text = transcript.lastReplyText()
          if (typeof pattern === 'string') expect(text).toContain(pattern)
          else expect(text).toMatch(pattern)
        },
        expectChoice(label) {
          const labels = lastReplies.flatMap((reply) =>
            reply.content.type === 'quick-replies'
              ? reply.content.choices.map((choice) => choice.label)
              : [],
          )
          expect(
            labels.some((candidate) =>
              typeof label === 'string' ? candidate === label : label.test(candidate),
            ),
            `choices: ${labels.join(', ')}`,
          ).toBe(true)
        },
        expectEvent(type, payload) {
          const found = newEvents().find(
            (event) =>
              event.type === type &&
              (payload === undefined ||
                Object.entries(payload).every(([key, value]) => event.payload[key] === value)),
          )
          expect(
            found,
            `no ${type} ${JSON.stringify(payload ?? {})} among ${newEvents()
              .map((event) => `${event.type} ${JSON.stringify(event.payload)}`)
              .join('; ')}`,
          ).toBeDefined()
          return found as RecordedEvent
        },
        expectNoEvent(type) {
          expect(newEvents().map((event) => event.type)).not.toContain(type)
        },
        conversation: () => parts.conversations.getConversation(conversation.id),
        lastReplyText: () => lastReplies.map((reply) => contentText(reply.content)).join('\n'),
      }
      return transcript
    },
  }
}

/** Payloads of the buttons and quick replies of the bot's messages. */
export function payloadsOf(messages: readonly ConversationMessage[]): string[] {
  return messages.flatMap((message) => {
    const content = message.content
    if (content.type === 'carousel')
      return content.cards.flatMap((card) =>
        card.buttons.flatMap((button) => (button.kind === 'postback' ? [button.payload] : [])),
      )
    if (content.type === 'quick-replies')
      return content.choices.flatMap((choice) =>
        choice.payload === undefined ? [] : [choice.payload],
      )
    return []
  })
}

/** Taps the button or quick reply of `replies` whose payload contains `fragment`. */
export async function tapPayload(
  chat: Transcript,
  replies: readonly ConversationMessage[],
  fragment: string,
): Promise<readonly ConversationMessage[]> {
  const payload = payloadsOf(replies).find((candidate) => candidate.includes(fragment))
  if (payload === undefined)
    throw new Error(`no button with ${fragment} in ${chat.lastReplyText()}`)
  return chat.userSays(payload)
}
