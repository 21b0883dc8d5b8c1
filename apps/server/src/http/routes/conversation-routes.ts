import { randomUUID } from 'node:crypto'
import fastifyWebsocket from '@fastify/websocket'
import {
  conversationSchema,
  createConversationRequestSchema,
  createConversationResponseSchema,
  historyQuerySchema,
  historyResponseSchema,
  postMessageRequestSchema,
  postMessageResponseSchema,
} from '@kedai/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../shared/app-error.ts'
import { isLocale } from '../../shared/locale.ts'
import type { ServerContext } from '../server-context.ts'
import { readShopperIdentity } from '../shopper-identity.ts'
import {
  assertConversationAccess,
  conversationTokenHeader,
  createConversationToken,
} from '../ws/conversation-access.ts'
import { mapConversationToDto, mapMessageToDto } from '../ws/conversation-dto.ts'
import { serveWebChannelSocket, type FrameSocket } from '../ws/web-channel-socket.ts'

/** Writes a reply the route built from typed mappers as JSON, without checking it again. */
const trustedJsonSerializer = () => (data: unknown) => JSON.stringify(data)

/** Header in which the web widget sends the cart its page shares with the conversation. */
export const cartTokenHeader = 'x-kedai-cart-token'

/** Header in which an in-store kiosk names the store it stands in (`kl-mid-valley`). */
export const locationHeader = 'x-kedai-location'

/** The kiosk's location code of a request, when it is a plausible code (unknown codes are ignored later). */
function readLocationCode(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[a-z0-9-]{1,60}$/.test(value) ? value : undefined
}

/** The shared cart token of a request, when it is a plausible token (never trusted further: the cart service checks it). */
function readCartToken(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(value) ? value : undefined
}

const conversationParamsSchema = z.object({
  conversationId: z.string().min(1).max(100),
})

const socketQuerySchema = z.object({
  token: z.string().min(1).max(4096),
  /** Replay messages after this sequence as soon as the socket opens (or send a `resume` frame). */
  after: z.coerce.number().int().nonnegative().optional(),
})

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
})

/**
 * The conversation API every channel uses: open a conversation, send a message and get the bot's
 * replies, read history with cursor paging, and the web channel's WebSocket
 * (`/api/conversations/:id/socket`). Registered only when the server has an assistant.
 */
export function createConversationRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const assistant = context.assistant
    const conversations = context.conversations
    if (assistant === undefined || conversations === undefined) return
    await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } })
    const secret = context.configuration.secret

    const readToken = (header: string | string[] | undefined) =>
      typeof header === 'string' ? header : undefined

    app.post(
      '/api/conversations',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Open a conversation (anonymous, or signed in with a shopper token)',
          body: createConversationRequestSchema,
          response: { 201: createConversationResponseSchema, 400: errorSchema, 401: errorSchema },
        },
      },
      async (request, reply) => {
        const identity = readShopperIdentity(request, context)
        const storeLocale = context.configuration.store.locale
        const { conversation, messages } = await assistant.startConversation({
          channel: request.body.channel,
          externalId: request.body.visitorId ?? randomUUID(),
          customerId: identity.customerId,
          locale: request.body.locale ?? (isLocale(storeLocale) ? storeLocale : 'en'),
          reuseOpen: request.body.visitorId !== undefined,
        })
        return reply.status(201).send({
          conversation: mapConversationToDto(conversation),
          messages: messages.map(mapMessageToDto),
          conversationToken: createConversationToken(conversation.id, secret, context.clock.now()),
        })
      },
    )

    app.get(
      '/api/conversations/:conversationId',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Read a conversation (status, language, last sequence)',
          params: conversationParamsSchema,
          response: {
            200: conversationSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (request) => {
        const { conversationId } = request.params
        assertConversationAccess(
          readToken(request.headers[conversationTokenHeader]),
          conversationId,
          secret,
          context.clock.now(),
        )
        return mapConversationToDto(await conversations.getConversation(conversationId))
      },
    )

    app.post(
      '/api/conversations/:conversationId/messages',
      {
        schema: {
          tags: ['conversations'],
          summary:
            "Send a shopper message and get the bot's replies (idempotent on clientMessageId)",
          params: conversationParamsSchema,
          body: postMessageRequestSchema,
          response: {
            200: postMessageResponseSchema,
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
            503: errorSchema,
          },
        },
        // The busiest route: its reply is built by the typed DTO mappers alone, so it is written
        // without re-validating it (the route tests check it against the schema).
        serializerCompiler: trustedJsonSerializer,
      },
      async (request) => {
        const { conversationId } = request.params
        assertConversationAccess(
          readToken(request.headers[conversationTokenHeader]),
          conversationId,
          secret,
          context.clock.now(),
        )
        const result = await assistant.handleInboundMessage({
          conversationId,
          channelMessageId: `${conversationId}/${request.body.clientMessageId}`,
          content: request.body.content,
          cartToken: request.body.cartToken ?? readCartToken(request.headers[cartTokenHeader]),
          locationCode: readLocationCode(request.headers[locationHeader]),
        })
        return {
          inbound: mapMessageToDto(result.inbound),
          replies: result.replies.map(mapMessageToDto),
          duplicate: result.duplicate,
          conversation: mapConversationToDto(result.conversation),
        }
      },
    )

    app.get(
      '/api/conversations/:conversationId/messages',
      {
        schema: {
          tags: ['conversations'],
          summary:
            'Read history: the newest page, older pages with before, newer messages with after',
          params: conversationParamsSchema,
          querystring: historyQuerySchema,
          response: {
            200: historyResponseSchema,
            400: errorSchema,
            401: errorSchema,
            403: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (request) => {
        const { conversationId } = request.params
        assertConversationAccess(
          readToken(request.headers[conversationTokenHeader]),
          conversationId,
          secret,
          context.clock.now(),
        )
        if (request.query.after !== undefined && request.query.before !== undefined) {
          throw new AppError('validation', 'Use either after or before, not both.', {
            issues: [{ path: 'querystring.before', message: 'cannot be combined with after' }],
          })
        }
        await conversations.getConversation(conversationId)
        const messages = await conversations.listMessages(conversationId, request.query)
        const oldest = messages[0]?.sequence
        return {
          messages: messages.map(mapMessageToDto),
          nextCursor:
            request.query.after === undefined && oldest !== undefined && oldest > 1 ? oldest : null,
        }
      },
    )

    app.get(
      '/api/conversations/:conversationId/socket',
      {
        websocket: true,
        schema: {
          tags: ['conversations'],
          summary:
            'The web channel WebSocket: message, typing-start, typing-end, conversation-update and resume frames',
          params: conversationParamsSchema,
          querystring: socketQuerySchema,
        },
        preValidation: async (request) => {
          const params = conversationParamsSchema.safeParse(request.params)
          const query = socketQuerySchema.safeParse(request.query)
          if (!params.success || !query.success) return
          assertConversationAccess(
            query.data.token,
            params.data.conversationId,
            secret,
            context.clock.now(),
          )
          await conversations.getConversation(params.data.conversationId)
        },
      },
      (socket, request) => {
        const params = conversationParamsSchema.parse(request.params)
        const query = socketQuerySchema.parse(request.query)
        serveWebChannelSocket({
          socket: socket as unknown as FrameSocket,
          conversationId: params.conversationId,
          conversations,
          assistant,
          logger: request.log,
          afterSequence: query.after,
        })
      },
    )
  }
}
