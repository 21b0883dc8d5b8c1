export type { Conversation, ConversationMessage, ShopperIdentity } from './conversation.ts'
export { conversationEventTypes } from './conversation-events.ts'
export type {
  ConversationChanges,
  ConversationRepository,
  MessageDraft,
  MessagePage,
  RecognitionRecord,
  ShopperTurn,
} from './conversation-repository.ts'
export {
  createConversationService,
  type ConversationService,
  type ConversationServiceDependencies,
  type OutboundDraft,
  type ReceivedMessage,
  type ReplyBatch,
  type TurnInbound,
  type TurnRecord,
} from './conversation-service.ts'
export {
  conversationStatusEvents,
  conversationStatusTransitions,
  transitionConversationStatus,
  type ConversationStatusEvent,
} from './conversation-status.ts'
export { createSqlConversationRepository } from './sql-conversation-repository.ts'
export {
  createConversationFeed,
  type ConversationFeed,
  type ConversationListener,
  type ConversationUpdate,
} from './conversation-feed.ts'
export {
  conversationFeedTopic,
  relayConversationFeed,
  type StoredConversationReader,
} from './relay-conversation-feed.ts'
