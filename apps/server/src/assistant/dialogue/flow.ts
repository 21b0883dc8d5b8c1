import type { DomainEvent } from '../../shared/event-bus.ts'
import type { Locale } from '../../shared/locale.ts'
import type { EntityType, Intent, Recognition } from '../nlu/index.ts'
import type { MessageKey, Reply } from '../replies/index.ts'
import type { FlowServices } from './flow-services.ts'

/** Why the bot hands a conversation to a person. */
export const handOverReasons = [
  'explicit-request',
  'low-confidence',
  'complaint',
  'fraud-report',
  'special-discount',
  'unavailable-in-chat',
] as const

/** One of {@link handOverReasons}. */
export type HandOverReason = (typeof handOverReasons)[number]

/** The slot under which the engine keeps the intent that started a flow (read it, never ask it). */
export const startIntentSlot = '__intent'

/** What a flow sees when it runs. */
export interface FlowContext {
  readonly conversationId: string
  readonly customerId: string | null
  readonly locale: Locale
  /** The shopper's message as typed. */
  readonly text: string
  readonly recognition: Recognition
  readonly services: FlowServices
  /** What the conversation remembers across flows. */
  readonly memory: FlowMemory
}

/** Facts flows share across turns: the product in focus and the shopper's cart. */
export interface FlowMemory {
  readonly focus?: { readonly productId: string; readonly name: string } | undefined
  readonly cartToken?: string | undefined
  readonly couponCode?: string | undefined
  /** The store the shopper is in (a kiosk), so in-store answers default to it. */
  readonly locationCode?: string | undefined
}

/** A piece of information a flow collects, with its question and validation. */
export interface SlotDefinition {
  readonly name: string
  /** Entity type that fills the slot when the recognizer finds it (also as a correction later). */
  readonly entity?: EntityType
  /**
   * Reads a bare answer when the recognizer found no entity (`undefined`: not an answer). It may
   * look at the slots so far and the services (the items of the order being exchanged).
   */
  readonly parse?: (
    text: string,
    slots: Readonly<Record<string, string>>,
    context: FlowContext,
  ) => string | undefined | Promise<string | undefined>
  /** A catalog key explaining why the value is refused, or `undefined` when it is valid. */
  readonly validate?: (value: string) => MessageKey | undefined
  /** The question asking for the slot. */
  readonly prompt: MessageKey
  /**
   * The question as a whole reply, when it needs values or quick replies (the order's items); the
   * engine adds the Cancel choice. Without it the question is `prompt`.
   */
  readonly ask?: (
    slots: Readonly<Record<string, string>>,
    context: FlowContext,
  ) => Reply | Promise<Reply>
  /** The re-prompt after an answer that is not valid. */
  readonly invalid: MessageKey
  /** Not asked when this holds (an e-mail for verification when the shopper is signed in). */
  readonly skipWhen?: (context: FlowContext, slots: Readonly<Record<string, string>>) => boolean
}

/** What a completed flow says and does. */
export interface FlowOutcome {
  readonly replies: readonly Reply[]
  readonly events?: readonly DomainEvent<object>[]
  /** Hands the conversation to a person for this reason. */
  readonly handOver?: HandOverReason
  /** Marks the conversation resolved (the shopper said goodbye). */
  readonly resolve?: boolean
  /** Updates what the conversation remembers (the product in focus, the cart). */
  readonly remember?: FlowMemory
  /**
   * The language the shopper chose for the conversation (their language preference): these replies
   * and the ones after are in it, until the shopper writes in another language.
   */
  readonly switchLocale?: Locale
  /**
   * A question that follows at once in another flow (offering to save the card just paid with):
   * that flow starts with these slots and asks its first missing one.
   */
  readonly followUp?: { readonly flow: string; readonly slots: Readonly<Record<string, string>> }
}

/**
 * A conversation flow, one per file under `flows/`: the intents that start it, the slots it
 * collects, an optional explicit confirmation (required before anything that moves money or changes
 * an order), and what it does once everything is known.
 */
export interface Flow {
  readonly name: string
  readonly intents: readonly Intent[]
  readonly slots?: readonly SlotDefinition[]
  /** The question asked once every slot is filled; the flow completes only on "yes". */
  readonly confirmation?: (
    slots: Readonly<Record<string, string>>,
    context: FlowContext,
  ) => Reply | Promise<Reply>
  /**
   * Asks the confirmation before this slot instead of after the last one (a card number is asked
   * only once the order is confirmed, so it is used at once and never kept in the state).
   */
  readonly confirmBefore?: string
  /**
   * Runs before each question (a slot or the confirmation) with the slots so far; an outcome ends
   * the flow there (an order that is not pending is not asked a cancellation reason).
   */
  readonly guard?: (
    slots: Readonly<Record<string, string>>,
    context: FlowContext,
  ) => FlowOutcome | undefined | Promise<FlowOutcome | undefined>
  /**
   * Slots read from the opening turn beyond its entities (the cart line the shopper means, who the
   * shopper is), merged over the entity values when the flow starts.
   */
  readonly prefill?: (
    context: FlowContext,
  ) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>
  complete(
    slots: Readonly<Record<string, string>>,
    context: FlowContext,
  ): FlowOutcome | Promise<FlowOutcome>
}
