import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../shared/app-error.ts'
import { createPersonalDataExportLinks } from '../../../workflows/personal-data-export/index.ts'
import type { ServerContext } from '../../server-context.ts'

/**
 * `GET /api/store/customers/data-export?token=…`: the copy of a customer's personal data asked for
 * in chat (after verification), as a JSON download. The signed link expires after a few minutes.
 */
export function createDataExportRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    const customers = context.customers
    if (customers === undefined) return
    const links = createPersonalDataExportLinks({
      customers,
      clock: context.clock,
      secret: context.configuration.secret,
      publicUrl: context.configuration.publicUrl,
    })
    app.get(
      '/api/store/customers/data-export',
      {
        schema: {
          tags: ['store'],
          summary: 'Download a copy of your personal data with the signed link sent in chat',
          querystring: z.object({ token: z.string().min(10).max(4096) }),
        },
      },
      async (request, reply) => {
        const exported = await links.download(request.query.token)
        if (!exported.ok) {
          throw new AppError(
            exported.reason === 'customer-not-found' ? 'not-found' : 'unauthorized',
            'This link is not valid (it may have expired). Ask the assistant for a new one.',
            { details: { reason: exported.reason } },
          )
        }
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', 'attachment; filename="kedai-personal-data.json"')
          .send(exported.value)
      },
    )
  }
}
