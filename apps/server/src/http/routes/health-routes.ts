import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ServerContext } from '../server-context.ts'

const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']) })

/** `/healthz` (the process answers) and `/readyz` (the database answers too). */
export function createHealthRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up',
          response: { 200: healthSchema },
        },
      },
      async () => ({ status: 'ok' as const }),
    )
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database is reachable',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        const reachable = await context.database.isReachable()
        return reply
          .status(reachable ? 200 : 503)
          .send({ status: reachable ? 'ok' : 'unavailable' })
      },
    )
  }
}
