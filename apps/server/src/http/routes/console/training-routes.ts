import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { intents } from '../../../assistant/nlu/index.ts'
import { trainingCandidateStatuses } from '../../../domains/inbox/index.ts'
import { requireStaff } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'
import { readHandOffContext, signedInMember } from './inbox-route-support.ts'

const candidateSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  text: z.string(),
  locale: z.string(),
  predictedIntent: z.string().nullable(),
  confidence: z.number().nullable(),
  status: z.enum(trainingCandidateStatuses),
  label: z.string().nullable(),
  labelledBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  createdAt: z.string(),
})
const candidateParams = z.object({ candidateId: z.string().min(1).max(80) })

/**
 * Learning from hand-overs: messages the bot misunderstood before a hand-over, labelled with the
 * right intent by agents and approved by admins; approved examples join the recognizer's training.
 */
export function createTrainingRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readHandOffContext(context)
  if (services === undefined) return async () => undefined
  const { inbox } = services
  return async (app) => {
    const agent = requireStaff(context, ['agent'])
    const admin = requireStaff(context, ['admin'])

    app.get(
      '/api/console/training-examples',
      {
        onRequest: agent,
        schema: {
          tags: ['console training'],
          summary: 'Candidate training examples from hand-overs, by status',
          querystring: z.object({ status: z.enum(trainingCandidateStatuses).optional() }),
          response: {
            200: z.object({ candidates: z.array(candidateSchema), intents: z.array(z.string()) }),
          },
        },
      },
      async (request) => ({
        candidates: await inbox.listTrainingCandidates(request.query.status),
        intents: [...intents],
      }),
    )

    app.put(
      '/api/console/training-examples/:candidateId/label',
      {
        onRequest: agent,
        schema: {
          tags: ['console training'],
          summary: 'Label a candidate with the intent the shopper meant',
          params: candidateParams,
          body: z.object({ intent: z.enum(intents) }),
          response: { 200: candidateSchema },
        },
      },
      async (request) =>
        inbox.labelTrainingCandidate(
          request.params.candidateId,
          request.body.intent,
          signedInMember(request).id,
        ),
    )

    app.post(
      '/api/console/training-examples/:candidateId/review',
      {
        onRequest: admin,
        schema: {
          tags: ['console training'],
          summary: 'Approve (joins the next training) or reject a labelled candidate (admins)',
          params: candidateParams,
          body: z.object({ decision: z.enum(['approved', 'rejected']) }),
          response: {
            200: candidateSchema,
            409: z.object({ ok: z.literal(false), reason: z.string() }),
          },
        },
      },
      async (request, reply) => {
        const result = await inbox.reviewTrainingCandidate(
          request.params.candidateId,
          request.body.decision,
          signedInMember(request).id,
        )
        if (!result.ok) return reply.status(409).send({ ok: false, reason: result.reason })
        return result.value
      },
    )
  }
}
