import { z } from 'zod'
import { locales } from './locales.ts'
import { inboundContentSchema, messageContentSchema } from './message-content.ts'

/** Where a conversation is in its life; see `docs/architecture/conversations.md`. */
export const conversationStatuses = [
  'bot-active',
  'waiting-for-agent',
  'agent-active',
  'resolved',
] as const

/** One of {@link conversationStatuses}. */
export type ConversationStatus = (typeof conversationStatuses)[number]

/** Who takes part in a conversation. */
export const participantRoles = ['shopper', 'bot', 'agent'] as const

/** One of {@link participantRoles}. */
export type ParticipantRole = (typeof participantRoles)[number]

/** The channels a conversation can run on. */
export const channels = ['web', 'whatsapp', 'messenger', 'sms', 'email', 'terminal'] as const

/** One of {@link channels}. */
export type Channel = (typeof channels)[number]

/** Which way a message went. */
export const messageDirections = ['inbound', 'outbound'] as const

/** One of {@link messageDirections}. */
export type MessageDirection = (typeof messageDirections)[number]

/** A stored message as the API returns it; `sequence` grows by one per message of a conversation. */
export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  sequence: z.number().int().positive(),
  direction: z.enum(messageDirections),
  authorRole: z.enum(participantRoles),
  /** The author's display name, for messages written by a person ("Aisha"). */
  authorName: z.string().optional(),
  content: messageContentSchema,
  /** The channel's own id of an inbound message (idempotency key). */
  channelMessageId: z.string().nullable(),
  createdAt: z.string(),
})

/** One of {@link messageSchema}. */
export type MessageDto = z.infer<typeof messageSchema>

/** A conversation as the API returns it. */
export const conversationSchema = z.object({
  id: z.string(),
  channel: z.enum(channels),
  status: z.enum(conversationStatuses),
  locale: z.enum(locales),
  customerId: z.string().nullable(),
  lastSequence: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

/** One of {@link conversationSchema}. */
export type ConversationDto = z.infer<typeof conversationSchema>

/** `POST /api/conversations`: opens a conversation. */
export const createConversationRequestSchema = z.object({
  channel: z.enum(channels).default('web'),
  locale: z.enum(locales).optional(),
  /** The signed shopper token a store issues for a signed-in customer. */
  shopperToken: z.string().min(1).max(2_000).optional(),
  /** A stable anonymous id of this browser or device, so a returning visitor keeps their history. */
  visitorId: z.string().min(1).max(200).optional(),
})

/** One of {@link createConversationRequestSchema}. */
export type CreateConversationRequest = z.input<typeof createConversationRequestSchema>

/** Reply to {@link createConversationRequestSchema}: the conversation and its opening messages. */
export const createConversationResponseSchema = z.object({
  conversation: conversationSchema,
  messages: z.array(messageSchema),
  /**
   * Proves access to this conversation: send it as `x-kedai-conversation-token` (REST) or `token`
   * (WebSocket query) on every later request.
   */
  conversationToken: z.string(),
})

/** `POST /api/conversations/:id/messages`: what the shopper sends. */
export const postMessageRequestSchema = z.object({
  /** The client's id of this message; sending the same id twice stores and answers it once. */
  clientMessageId: z.string().min(1).max(200),
  content: inboundContentSchema,
  /**
   * The cart the shopper's page uses (the widget's shared cart): the conversation adopts it, so the
   * bot adds to and checks out the cart the page shows. The header `x-kedai-cart-token` works too.
   */
  cartToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,200}$/)
    .optional(),
})

/** One of {@link postMessageRequestSchema}. */
export type PostMessageRequest = z.infer<typeof postMessageRequestSchema>

/** Reply to a posted message: the stored inbound message and the bot's replies. */
export const postMessageResponseSchema = z.object({
  inbound: messageSchema,
  replies: z.array(messageSchema),
  /** True when this client message id had already been received (nothing new was stored). */
  duplicate: z.boolean(),
  conversation: conversationSchema,
})

/** One of {@link postMessageResponseSchema}. */
export type PostMessageResponse = z.infer<typeof postMessageResponseSchema>

/** `GET /api/conversations/:id/messages`: a page of history. */
export const historyQuerySchema = z.object({
  /** Messages with a sequence greater than this (paging forward, resuming). */
  after: z.coerce.number().int().nonnegative().optional(),
  /** Messages with a sequence less than this (paging back through older history). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** A page of history; `nextCursor` is the `before` of the older page, null at the start. */
export const historyResponseSchema = z.object({
  messages: z.array(messageSchema),
  nextCursor: z.number().int().nullable(),
})
