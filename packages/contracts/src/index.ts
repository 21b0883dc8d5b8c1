/**
 * `@kedai/contracts`: zod schemas and types shared by the server and the UIs — the message model,
 * REST DTOs, WebSocket frames and events. Defined once here; both sides import them.
 */
export { locales as supportedLocales, supportedLocaleSchema } from './locales.ts'
export type { SupportedLocale } from './locales.ts'
export {
  buttonSchema,
  buttonsContentSchema,
  carouselContentSchema,
  choiceSchema,
  describeMessageContent,
  fileContentSchema,
  imageContentSchema,
  inboundContentSchema,
  maximumMessageTextLength,
  messageContentSchema,
  messageContentTypes,
  moneySchema,
  orderSummaryContentSchema,
  productCardContentSchema,
  quickRepliesContentSchema,
  systemNoticeContentSchema,
  textContentSchema,
} from './message-content.ts'
export type {
  Button,
  Choice,
  InboundContent,
  MessageContent,
  MessageContentType,
  MoneyDto,
} from './message-content.ts'
export {
  channels,
  conversationSchema,
  conversationStatuses,
  createConversationRequestSchema,
  createConversationResponseSchema,
  historyQuerySchema,
  historyResponseSchema,
  messageDirections,
  messageSchema,
  participantRoles,
  postMessageRequestSchema,
  postMessageResponseSchema,
} from './conversation.ts'
export type {
  Channel,
  ConversationDto,
  ConversationStatus,
  CreateConversationRequest,
  MessageDirection,
  MessageDto,
  ParticipantRole,
  PostMessageRequest,
  PostMessageResponse,
} from './conversation.ts'
export { clientFrameSchema, serverFrameSchema, websocketFrameTypes } from './websocket-frames.ts'
export type { ClientFrame, ServerFrame } from './websocket-frames.ts'
