import { z } from 'zod'
import { conversationSchema, messageSchema } from './conversation.ts'
import { inboundContentSchema } from './message-content.ts'

/** Kinds of frame on the web channel's WebSocket. */
export const websocketFrameTypes = [
  'message',
  'typing-start',
  'typing-end',
  'conversation-update',
  'resume',
  'ready',
  'error',
] as const

/** Frames the widget sends. */
export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    clientMessageId: z.string().min(1).max(200),
    content: inboundContentSchema,
  }),
  z.object({ type: z.literal('typing-start') }),
  z.object({ type: z.literal('typing-end') }),
  /** Sent after (re)connecting: the server replays every message after `afterSequence`. */
  z.object({ type: z.literal('resume'), afterSequence: z.number().int().nonnegative() }),
])

/** One of {@link clientFrameSchema}. */
export type ClientFrame = z.infer<typeof clientFrameSchema>

/** Frames the server sends. */
export const serverFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: messageSchema }),
  z.object({ type: z.literal('typing-start'), role: z.enum(['bot', 'agent']) }),
  z.object({ type: z.literal('typing-end'), role: z.enum(['bot', 'agent']) }),
  z.object({ type: z.literal('conversation-update'), conversation: conversationSchema }),
  /** Sent once a resume is replayed: everything up to `lastSequence` has been sent. */
  z.object({ type: z.literal('ready'), lastSequence: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    clientMessageId: z.string().optional(),
  }),
])

/** One of {@link serverFrameSchema}. */
export type ServerFrame = z.infer<typeof serverFrameSchema>
