import type { ConversationStatus } from '@kedai/contracts'

/** What can happen to a conversation's status. */
export const conversationStatusEvents = [
  'hand-over-requested',
  'agent-joined',
  'returned-to-bot',
  'resolved',
  'shopper-returned',
] as const

/** One of {@link conversationStatusEvents}. */
export type ConversationStatusEvent = (typeof conversationStatusEvents)[number]

/**
 * The status machine as a table: `conversationStatusTransitions[status][event]` is the next status,
 * absent when the event is not allowed in that status. Pure data, so the console can draw it.
 */
export const conversationStatusTransitions: Readonly<
  Record<ConversationStatus, Partial<Record<ConversationStatusEvent, ConversationStatus>>>
> = {
  'bot-active': {
    'hand-over-requested': 'waiting-for-agent',
    'agent-joined': 'agent-active',
    resolved: 'resolved',
  },
  'waiting-for-agent': {
    'agent-joined': 'agent-active',
    'returned-to-bot': 'bot-active',
    resolved: 'resolved',
  },
  'agent-active': {
    'returned-to-bot': 'bot-active',
    resolved: 'resolved',
  },
  resolved: {
    'shopper-returned': 'bot-active',
    'hand-over-requested': 'waiting-for-agent',
  },
}

/**
 * The status after `event` in `status`, or `undefined` when the table does not allow it (the caller
 * decides whether that is an error or a no-op).
 */
export function transitionConversationStatus(
  status: ConversationStatus,
  event: ConversationStatusEvent,
): ConversationStatus | undefined {
  return conversationStatusTransitions[status][event]
}
