import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { z } from 'zod'
import { isIntent, type TrainingExample } from '../assistant/nlu/index.ts'
import type { Db } from '../db/database.ts'
import type { ConversationService } from '../domains/conversations/index.ts'
import { createInboxService, type InboxService } from '../domains/inbox/index.ts'
import { createPromotionsService } from '../domains/promotions/index.ts'
import type { StaffService } from '../domains/staff/index.ts'
import type { Clock } from '../shared/clock.ts'
import type { ClusterLink } from '../shared/cluster-link.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { IdGenerator } from '../shared/ids.ts'
import { isLocale } from '../shared/locale.ts'
import { subscribeHandOff } from '../subscribers/hand-off-subscriber.ts'
import {
  createConsoleHub,
  createHandOffWorkflow,
  createSqlHandOffRecords,
  defaultHandOffSettingsValues,
  type HandOffWorkflow,
  type ShopperSignals,
  type SingleUseCoupons,
} from '../workflows/hand-off/index.ts'
import type { Configuration } from './config.ts'

/** The inbox and hand-off services of a running server. */
export interface InboxServices {
  readonly inbox: InboxService
  readonly handOff: HandOffWorkflow
  /** Stops the offer-expiry timer and the event subscriptions. */
  stop(): void
}

/** How often offers that were not accepted in time are re-routed. */
const sweepIntervalMs = 5_000

/**
 * Builds the inbox service and the hand-off workflow, subscribes the workflow to conversation
 * events, and starts the timer that re-routes offers agents did not accept in time.
 */
export function createInboxServices(options: {
  db: Db
  clock: Clock
  eventBus: EventBus
  createId: IdGenerator
  logger: Logger
  staff: StaffService
  conversations: ConversationService
  configuration: Pick<Configuration, 'handOver'>
  /** The other server instances on this database; their console events reach the agents here. */
  cluster?: ClusterLink
  /** Single-use coupons for approved special discounts (default: the promotions service on `db`). */
  coupons?: SingleUseCoupons | undefined
  /** Typing signals to the shopper's channel, when the channel layer offers them. */
  shopperSignals?: ShopperSignals | undefined
}): InboxServices {
  const inbox = createInboxService({
    db: options.db,
    clock: options.clock,
    createId: options.createId,
  })
  const hub = createConsoleHub(options.cluster)
  const handOff = createHandOffWorkflow({
    conversations: options.conversations,
    inbox,
    staff: options.staff,
    records: createSqlHandOffRecords(options.db),
    coupons:
      options.coupons ??
      createPromotionsService({
        db: options.db,
        clock: options.clock,
        createId: options.createId,
        eventBus: options.eventBus,
      }),
    hub,
    shopperSignals: options.shopperSignals ?? {
      setAgentTyping: (conversationId, typing) =>
        options.conversations.announceTyping(conversationId, 'agent', typing),
    },
    clock: options.clock,
    settings: {
      ...defaultHandOffSettingsValues,
      rules: options.configuration.handOver.rules,
      businessHours: options.configuration.handOver.businessHours,
      acceptTimeoutMs: options.configuration.handOver.acceptTimeoutMs,
    },
  })
  const unsubscribe = subscribeHandOff(options.eventBus, handOff, options.conversations)
  let sweeping = false
  const timer = setInterval(() => {
    if (sweeping) return
    sweeping = true
    handOff
      .sweepExpiredOffers()
      .catch((error: unknown) => options.logger.error({ err: error }, 'offer sweep failed'))
      .finally(() => {
        sweeping = false
      })
  }, sweepIntervalMs)
  timer.unref()
  return {
    inbox,
    handOff,
    stop() {
      clearInterval(timer)
      unsubscribe()
      hub.stop()
    },
  }
}

/**
 * The training examples agents labelled and admins approved, in the recognizer's shape, for its
 * next training (`createRecognizer({ extraExamples })`). Labels that are no longer intents of the
 * contract are left out.
 */
export async function loadApprovedTrainingExamples(
  inbox: Pick<InboxService, 'listApprovedExamples'>,
): Promise<TrainingExample[]> {
  const approved = await inbox.listApprovedExamples()
  return approved.flatMap((example) =>
    isIntent(example.intent)
      ? [
          {
            text: example.text,
            intent: example.intent,
            ...(isLocale(example.locale) ? { language: example.locale } : {}),
          },
        ]
      : [],
  )
}

const demoCannedResponsesSchema = z.array(
  z.object({
    shortcut: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    title: z.string().min(1),
    body: z.object({
      en: z.string().min(1),
      ms: z.string().min(1).optional(),
      'zh-Hant': z.string().min(1).optional(),
      'zh-Hans': z.string().min(1).optional(),
    }),
  }),
)

/**
 * Loads the demo store's canned responses (`<demoDirectory>/canned-responses.json`) into the
 * inbox; saving by shortcut makes a second load replace rather than duplicate. Returns the count.
 */
export async function seedDemoCannedResponses(
  inbox: Pick<InboxService, 'saveCannedResponse'>,
  demoDirectory: string,
): Promise<number> {
  const file = join(demoDirectory, 'canned-responses.json')
  const entries = demoCannedResponsesSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  for (const entry of entries) {
    await inbox.saveCannedResponse({ ...entry, createdBy: 'system' })
  }
  return entries.length
}
