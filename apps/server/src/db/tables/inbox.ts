/** Row shapes of the inbox tables (migration 0500): hand-overs, routing, notes, ratings, training. */

/** `hand_overs`: one request for a person in one conversation, from queue to resolution or ticket. */
export interface HandOverTable {
  id: string
  conversation_id: string
  customer_id: string | null
  /** `queued`, `offered`, `assigned`, `resolved`, `ticket` or `cancelled`. */
  status: string
  /** JSON array of hand-over reasons. */
  reasons: string
  topic: string
  language: string
  /** Only agents of this team (after a transfer to a team). */
  team: string | null
  /** JSON of the summary built for the agent. */
  summary: string
  offered_agent_id: string | null
  offer_expires_at: string | null
  /** JSON array of agents who declined or let the offer time out. */
  excluded_agent_ids: string
  assigned_agent_id: string | null
  /** JSON of the contact the shopper left for a ticket (`{ email?, phone?, note? }`). */
  contact: string | null
  created_at: string
  assigned_at: string | null
  resolved_at: string | null
  updated_at: string
}

/** `inbox_routing_cursors`: the last agent given a hand-over per group of equally qualified agents. */
export interface InboxRoutingCursorTable {
  key: string
  last_agent_id: string
  updated_at: string
}

/** `canned_responses`: saved replies with `{{variables}}`. */
export interface CannedResponseTable {
  id: string
  shortcut: string
  title: string
  /** JSON `LocalizedText`. */
  body: string
  created_by: string
  created_at: string
}

/** `inbox_notes`: private notes agents leave on a conversation (never shown to the shopper). */
export interface InboxNoteTable {
  id: string
  conversation_id: string
  author_id: string
  body: string
  created_at: string
}

/** `csat_ratings`: the shopper's rating of a resolved hand-over. */
export interface CsatRatingTable {
  id: string
  conversation_id: string
  hand_over_id: string
  agent_id: string | null
  score: number
  comment: string | null
  created_at: string
}

/** `training_candidates`: shopper messages the bot misunderstood before a hand-over. */
export interface TrainingCandidateTable {
  id: string
  conversation_id: string
  message_id: string
  text: string
  locale: string
  predicted_intent: string | null
  confidence: number | null
  /** `pending`, `labelled`, `approved` or `rejected`. */
  status: string
  label: string | null
  labelled_by: string | null
  reviewed_by: string | null
  created_at: string
  updated_at: string
}

/** The inbox tables by name. */
export interface InboxTables {
  hand_overs: HandOverTable
  inbox_routing_cursors: InboxRoutingCursorTable
  canned_responses: CannedResponseTable
  inbox_notes: InboxNoteTable
  csat_ratings: CsatRatingTable
  training_candidates: TrainingCandidateTable
}
