import { conversationSchema } from '@kedai/contracts'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { maximumMessageTextLength } from '@kedai/contracts'
import { mapConversationToDto, mapMessageToDto } from '../../ws/conversation-dto.ts'
import { requireStaff } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'
import {
  consoleMessageSchema,
  conversationParams,
  handOverSchema,
  presentHandOver,
  queuePlaceSchema,
  readHandOffContext,
  recordsSchema,
  signedInMember,
} from './inbox-route-support.ts'

const noteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  body: z.string(),
  createdAt: z.string(),
})

/**
 * One conversation in the console: transcript, hand-over with its summary, notes, customer, orders
 * and cart; replying as the agent, typing, private notes, and approving a special discount.
 */
export function createConversationConsoleRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readHandOffContext(context)
  if (services === undefined) return async () => undefined
  const { inbox, workflow } = services
  return async (app) => {
    const agent = requireStaff(context, ['agent'])

    app.get(
      '/api/console/conversations/:conversationId',
      {
        onRequest: agent,
        schema: {
          tags: ['console conversations'],
          summary: 'A conversation with its summary, transcript, notes, customer, orders and cart',
          params: conversationParams,
          response: {
            200: recordsSchema.extend({
              conversation: conversationSchema,
              messages: z.array(consoleMessageSchema),
              handOver: handOverSchema.nullable(),
              queuePlace: queuePlaceSchema,
              notes: z.array(noteSchema),
            }),
          },
        },
      },
      async (request) => {
        const view = await workflow.loadConversationView(request.params.conversationId)
        return {
          conversation: mapConversationToDto(view.conversation),
          messages: view.messages.map(mapMessageToDto),
          handOver: view.handOver === undefined ? null : presentHandOver(view.handOver),
          queuePlace:
            view.queuePlace === undefined
              ? null
              : {
                  position: view.queuePlace.position,
                  waitMinutes: view.queuePlace.waitMinutes ?? null,
                },
          notes: view.notes.map((note) => ({
            id: note.id,
            authorId: note.authorId,
            body: note.body,
            createdAt: note.createdAt,
          })),
          customer: view.customer ?? null,
          recentOrders: [...view.recentOrders],
          cart: view.cart === undefined ? null : { ...view.cart, lines: [...view.cart.lines] },
        }
      },
    )

    app.post(
      '/api/console/conversations/:conversationId/messages',
      {
        onRequest: agent,
        schema: {
          tags: ['console conversations'],
          summary:
            'Reply to the shopper as yourself (takes the hand-over when it was offered to you)',
          params: conversationParams,
          body: z.object({ text: z.string().trim().min(1).max(maximumMessageTextLength) }),
          response: {
            200: z.object({ ok: z.literal(true), message: consoleMessageSchema }),
            409: z.object({ ok: z.literal(false), reason: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const member = signedInMember(request)
        const result = await workflow.agentReplies({
          conversationId: request.params.conversationId,
          agentId: member.id,
          text: request.body.text,
        })
        if (!result.ok) return reply.status(409).send({ ok: false, reason: result.reason })
        return { ok: true as const, message: mapMessageToDto(result.value) }
      },
    )

    app.post(
      '/api/console/conversations/:conversationId/typing',
      {
        onRequest: agent,
        schema: {
          tags: ['console conversations'],
          summary: 'Show or hide "agent is typing" to the shopper',
          params: conversationParams,
          body: z.object({ typing: z.boolean() }),
          response: { 200: z.object({ typing: z.boolean() }) },
        },
      },
      async (request) => {
        workflow.setAgentTyping(request.params.conversationId, request.body.typing)
        return { typing: request.body.typing }
      },
    )

    app.post(
      '/api/console/conversations/:conversationId/notes',
      {
        onRequest: agent,
        schema: {
          tags: ['console conversations'],
          summary: 'Leave a private note (never shown to the shopper)',
          params: conversationParams,
          body: z.object({ body: z.string().trim().min(1).max(2_000) }),
          response: { 200: noteSchema },
        },
      },
      async (request) => {
        const member = signedInMember(request)
        const note = await inbox.addNote({
          conversationId: request.params.conversationId,
          authorId: member.id,
          body: request.body.body,
        })
        workflow.hub.publish({
          type: 'conversation-message',
          conversationId: request.params.conversationId,
          data: { noteId: note.id },
        })
        return { id: note.id, authorId: note.authorId, body: note.body, createdAt: note.createdAt }
      },
    )

    app.post(
      '/api/console/conversations/:conversationId/special-discount',
      {
        onRequest: agent,
        schema: {
          tags: ['console conversations'],
          summary: 'Approve a special discount: a single-use coupon the bot sends to the shopper',
          params: conversationParams,
          body: z.object({
            percent: z.number().int().min(1).max(50),
            validDays: z.number().int().min(1).max(90).default(7),
          }),
          response: { 200: z.object({ code: z.string(), expiresAt: z.string() }) },
        },
      },
      async (request) => {
        const member = signedInMember(request)
        return workflow.approveSpecialDiscount({
          conversationId: request.params.conversationId,
          agentId: member.id,
          isAdmin: member.role === 'admin',
          percent: request.body.percent,
          validDays: request.body.validDays,
        })
      },
    )
  }
}
