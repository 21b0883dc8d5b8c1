import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  handOverStatuses,
  inboxTopics,
  renderCannedResponse,
  type HandOverStatus,
} from '../../../domains/inbox/index.ts'
import { staffPresences } from '../../../domains/staff/index.ts'
import { AppError } from '../../../shared/app-error.ts'
import { locales, pickText } from '../../../shared/locale.ts'
import { requireStaff } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'
import {
  handOverParams,
  handOverSchema,
  presentHandOver,
  queuePlaceSchema,
  readHandOffContext,
  signedInMember,
} from './inbox-route-support.ts'

const refusalSchema = z.object({ ok: z.literal(false), reason: z.string() })
const cannedSchema = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  body: z.record(z.string(), z.string()),
})
const shortcutParams = z.object({
  shortcut: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected lower-case letters, digits and dashes'),
})

const openStatuses: readonly HandOverStatus[] = ['queued', 'offered', 'assigned']

/**
 * The agent inbox: hand-overs with filters and queue places, the agents to transfer to, accepting,
 * transferring and resolving hand-overs, and canned responses with variables.
 */
export function createInboxRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readHandOffContext(context)
  if (services === undefined) return async () => undefined
  const { inbox, workflow } = services
  return async (app) => {
    const agent = requireStaff(context, ['agent'])
    const admin = requireStaff(context, ['admin'])

    app.get(
      '/api/console/inbox',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary: 'Hand-overs: open ones by default, filtered by status, topic, language or owner',
          querystring: z.object({
            status: z.enum(handOverStatuses).optional(),
            topic: z.enum(inboxTopics).optional(),
            language: z.enum(locales).optional(),
            mine: z.enum(['true', 'false']).optional(),
          }),
          response: {
            200: z.object({
              handOvers: z.array(handOverSchema.extend({ queuePlace: queuePlaceSchema })),
            }),
          },
        },
      },
      async (request) => {
        const member = signedInMember(request)
        const handOvers = await inbox.listHandOvers({
          statuses: request.query.status === undefined ? openStatuses : [request.query.status],
          topic: request.query.topic,
          language: request.query.language,
          agentId: request.query.mine === 'true' ? member.id : undefined,
          limit: 200,
        })
        const places = await workflow.describeQueue()
        const withPlaces = handOvers.map((handOver) => {
          const place = places.get(handOver.id)
          return {
            ...presentHandOver(handOver),
            queuePlace:
              place === undefined
                ? null
                : { position: place.position, waitMinutes: place.waitMinutes ?? null },
          }
        })
        return { handOvers: withPlaces }
      },
    )

    app.get(
      '/api/console/agents',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary: 'Agents with skills, presence and load (to transfer to)',
          response: {
            200: z.object({
              agents: z.array(
                z.object({
                  id: z.string(),
                  displayName: z.string(),
                  role: z.string(),
                  languages: z.array(z.string()),
                  skills: z.array(z.string()),
                  team: z.string().nullable(),
                  capacity: z.number().int(),
                  presence: z.enum(staffPresences),
                  openConversations: z.number().int(),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const [members, counts] = await Promise.all([
          context.staff.listMembers(),
          inbox.countOpenByAgent(),
        ])
        return {
          agents: members.map((member) => ({
            id: member.id,
            displayName: member.displayName,
            role: member.role,
            languages: [...member.languages],
            skills: [...member.skills],
            team: member.team,
            capacity: member.capacity,
            presence: member.presence,
            openConversations: counts.get(member.id) ?? 0,
          })),
        }
      },
    )

    app.post(
      '/api/console/hand-overs/:handOverId/accept',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary:
            'Take a hand-over offered to you (or waiting in the queue); the shopper sees you join',
          params: handOverParams,
          response: {
            200: z.object({ ok: z.literal(true), handOver: handOverSchema }),
            409: refusalSchema,
          },
        },
      },
      async (request, reply) => {
        const member = signedInMember(request)
        const result = await workflow.agentJoins({
          handOverId: request.params.handOverId,
          agentId: member.id,
        })
        if (!result.ok) return reply.status(409).send({ ok: false, reason: result.reason })
        return { ok: true as const, handOver: presentHandOver(result.value) }
      },
    )

    app.post(
      '/api/console/hand-overs/:handOverId/transfer',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary: 'Transfer a hand-over to an agent or a team',
          params: handOverParams,
          body: z
            .object({
              agentId: z.string().min(1).max(80).optional(),
              team: z.string().min(1).max(80).optional(),
            })
            .refine((body) => body.agentId !== undefined || body.team !== undefined, {
              message: 'give agentId or team',
            }),
          response: {
            200: z.object({ ok: z.literal(true), handOver: handOverSchema }),
            409: refusalSchema,
          },
        },
      },
      async (request, reply) => {
        const member = signedInMember(request)
        const result = await workflow.transferHandOver({
          handOverId: request.params.handOverId,
          fromAgentId: member.id,
          isAdmin: member.role === 'admin',
          toAgentId: request.body.agentId,
          toTeam: request.body.team,
        })
        if (!result.ok) return reply.status(409).send({ ok: false, reason: result.reason })
        return { ok: true as const, handOver: presentHandOver(result.value) }
      },
    )

    app.post(
      '/api/console/hand-overs/:handOverId/resolve',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary: 'Resolve: the bot rejoins, confirms and asks the shopper for a rating',
          params: handOverParams,
          body: z.object({ note: z.string().max(500).optional() }),
          response: {
            200: z.object({ ok: z.literal(true), handOver: handOverSchema }),
            409: refusalSchema,
          },
        },
      },
      async (request, reply) => {
        const member = signedInMember(request)
        const result = await workflow.resolveHandOver({
          handOverId: request.params.handOverId,
          agentId: member.id,
          isAdmin: member.role === 'admin',
          note: request.body.note,
        })
        if (!result.ok) return reply.status(409).send({ ok: false, reason: result.reason })
        return { ok: true as const, handOver: presentHandOver(result.value) }
      },
    )

    app.get(
      '/api/console/canned-responses',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary: 'Canned responses',
          response: { 200: z.object({ cannedResponses: z.array(cannedSchema) }) },
        },
      },
      async () => ({
        cannedResponses: (await inbox.listCannedResponses()).map((canned) => ({
          id: canned.id,
          shortcut: canned.shortcut,
          title: canned.title,
          body: { ...canned.body },
        })),
      }),
    )

    app.put(
      '/api/console/canned-responses/:shortcut',
      {
        onRequest: admin,
        schema: {
          tags: ['console inbox'],
          summary: 'Create or replace a canned response (admins)',
          params: shortcutParams,
          body: z.object({
            title: z.string().min(1).max(120),
            body: z
              .object({
                en: z.string().min(1).max(2_000),
                ms: z.string().min(1).max(2_000).optional(),
                'zh-Hant': z.string().min(1).max(2_000).optional(),
                'zh-Hans': z.string().min(1).max(2_000).optional(),
              })
              .strict(),
          }),
          response: { 200: cannedSchema },
        },
      },
      async (request) => {
        const member = signedInMember(request)
        const saved = await inbox.saveCannedResponse({
          shortcut: request.params.shortcut,
          title: request.body.title,
          body: request.body.body,
          createdBy: member.id,
        })
        return {
          id: saved.id,
          shortcut: saved.shortcut,
          title: saved.title,
          body: { ...saved.body },
        }
      },
    )

    app.post(
      '/api/console/canned-responses/:shortcut/render',
      {
        onRequest: agent,
        schema: {
          tags: ['console inbox'],
          summary:
            'Fill a canned response for a conversation (customer.firstName, customer.name, order.number, agent.name)',
          params: shortcutParams,
          body: z.object({ conversationId: z.string().min(1).max(80) }),
          response: {
            200: z.object({ text: z.string(), missing: z.array(z.string()) }),
          },
        },
      },
      async (request) => {
        const member = signedInMember(request)
        const canned = (await inbox.listCannedResponses()).find(
          (entry) => entry.shortcut === request.params.shortcut,
        )
        if (canned === undefined) {
          throw new AppError('not-found', `No canned response ${request.params.shortcut}.`)
        }
        const view = await workflow.loadConversationView(request.body.conversationId)
        const language = view.conversation.locale
        const name = view.customer?.name
        const rendered = renderCannedResponse(pickText(canned.body, language), {
          'customer.firstName': name?.split(' ')[0],
          'customer.name': name,
          'order.number': view.recentOrders[0]?.number,
          'agent.name': member.displayName,
        })
        return { text: rendered.text, missing: [...rendered.missing] }
      },
    )
  }
}
