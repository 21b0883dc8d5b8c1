import type { Locale } from '../../shared/locale.ts'
import type { EntityType, Intent } from './intents.ts'

/** What the conversation knows when the shopper's message arrives. */
export interface RecognitionContext {
  /** The slot the bot just asked for: `size`, `quantity`, `color`, `order_id`, `confirmation`… */
  expectedSlot?: string
  /** The product the conversation is about, so "the black one" or "it" can be resolved. */
  productInFocus?: { productId: string; name: string }
  /** The conversation's language so far; kept when a message gives no evidence of another. */
  locale?: Locale
}

/** One entity found in a message; `start`/`end` are offsets into the message text. */
export interface Entity {
  type: EntityType
  /** Normalised value: canonical English colour, size label, ISO date, upper-case coupon… */
  value: string
  /** The words as the shopper wrote them. */
  text: string
  start: number
  end: number
  /** Catalog or store id when the mention was resolved. */
  resolvedId?: string
}

/** What the recognizer understood of one message. */
export interface Recognition {
  text: string
  language: Locale
  intent: Intent
  /** Calibrated probability of `intent`; the bot acts on it only above `actThreshold`. */
  confidence: number
  /** The next most likely intents, most likely first. */
  alternatives: { intent: Intent; confidence: number }[]
  entities: Entity[]
  /**
   * True when the message is an answer to the slot the context expected (a bare "9" when the
   * bot asked for a size), so the dialogue fills the slot instead of switching intent.
   */
  answersExpectedSlot?: boolean
}

/** The port the dialogue engine calls for every inbound shopper message. */
export interface Recognizer {
  /** Never throws: empty, huge or junk input is `out_of_scope` with low confidence. */
  recognize(text: string, context?: RecognitionContext): Recognition
}

/** A product or category mention found in a message by the catalog search. */
export interface CatalogMention {
  type: 'product' | 'category'
  value: string
  text: string
  start: number
  end: number
  resolvedId?: string
}

/** Port owned by the recognizer: finds catalog mentions in a message, in any language. */
export interface CatalogMentionResolver {
  findMentions(text: string, language: Locale): CatalogMention[]
}

/** One labelled utterance used to train the intent classifier. */
export interface TrainingExample {
  text: string
  intent: Intent
  language?: Locale
}
