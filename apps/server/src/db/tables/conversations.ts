/**
 * Row shapes of the conversation tables (migration 0400): conversations, their participants and
 * messages, and shopper identities linked across channels.
 */

/** `conversations`: one conversation on one channel. */
export interface ConversationTable {
  id: string
  channel: string
  /** One of the conversation statuses (`bot-active`, `waiting-for-agent`, `agent-active`, `resolved`). */
  status: string
  locale: string
  shopper_identity_id: string
  customer_id: string | null
  /** Sequence of the last message; the next message gets `last_sequence + 1`. */
  last_sequence: number
  /** JSON of the dialogue engine's state (active flow, slots, focus); opaque to the domain. */
  dialogue_state: string
  created_at: string
  updated_at: string
  resolved_at: string | null
}

/** `conversation_participants`: who takes part (shopper, bot, agents). */
export interface ConversationParticipantTable {
  id: string
  conversation_id: string
  role: string
  /** Shopper identity id, agent id, or `bot`. */
  reference: string
  joined_at: string
}

/** `conversation_messages`: every message in and out, in sequence. */
export interface ConversationMessageTable {
  id: string
  conversation_id: string
  sequence: number
  direction: string
  author_role: string
  /** Display name of the author shown to the shopper (an agent's name); null for the bot and shoppers. */
  author_name: string | null
  channel: string
  /** The channel's id of an inbound message; unique per channel (idempotency). */
  channel_message_id: string | null
  /** The inbound message an outbound message answers. */
  reply_to_message_id: string | null
  /** JSON of the canonical message content. */
  content: string
  /** Recognized intent and confidence of an inbound message, once the turn ran. */
  intent: string | null
  confidence: number | null
  created_at: string
}

/** `shopper_identities`: a shopper as one channel knows them, optionally linked to a customer. */
export interface ShopperIdentityTable {
  id: string
  channel: string
  external_id: string
  customer_id: string | null
  created_at: string
  updated_at: string
}

/** The conversation tables by name. */
export interface ConversationTables {
  conversations: ConversationTable
  conversation_participants: ConversationParticipantTable
  conversation_messages: ConversationMessageTable
  shopper_identities: ShopperIdentityTable
}
