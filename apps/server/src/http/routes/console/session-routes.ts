import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffPresences, staffRoles } from '../../../domains/staff/index.ts'
import { AppError } from '../../../shared/app-error.ts'
import { readSessionToken, requireStaff, sessionCookieName } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  languages: z.array(z.string()).readonly(),
  skills: z.array(z.string()).readonly(),
  team: z.string().nullable(),
  capacity: z.number().int(),
  presence: z.enum(staffPresences),
})

/** Console sign-in: `POST/GET/DELETE /api/console/session`, and `PUT /api/console/presence`. */
export function createSessionRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/console/session',
      {
        schema: {
          tags: ['console'],
          summary:
            'Sign in to the console (sets an HttpOnly session cookie; also returns the token)',
          body: z.object({
            email: z.string().min(3).max(320),
            password: z.string().min(1).max(200),
          }),
          response: {
            200: z.object({ token: z.string(), expiresAt: z.string(), member: memberSchema }),
          },
        },
      },
      async (request, reply) => {
        const session = await context.staff.signIn(request.body.email, request.body.password)
        if (session === undefined) throw new AppError('unauthorized', 'Wrong e-mail or password.')
        const secure = context.configuration.publicUrl.startsWith('https://') ? '; Secure' : ''
        reply.header(
          'set-cookie',
          `${sessionCookieName}=${encodeURIComponent(session.token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${new Date(session.expiresAt).toUTCString()}${secure}`,
        )
        return session
      },
    )
    app.get(
      '/api/console/session',
      {
        onRequest: requireStaff(context),
        schema: {
          tags: ['console'],
          summary: 'The signed-in console user',
          response: { 200: z.object({ member: memberSchema }) },
        },
      },
      async (request) => ({ member: request.staffMember ?? failMissingMember() }),
    )
    app.delete(
      '/api/console/session',
      {
        onRequest: requireStaff(context),
        schema: {
          tags: ['console'],
          summary: 'Sign out',
          response: { 200: z.object({ signedOut: z.literal(true) }) },
        },
      },
      async (request, reply) => {
        const token = readSessionToken(request)
        if (token !== undefined) await context.staff.signOut(token)
        reply.header(
          'set-cookie',
          `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
        )
        return { signedOut: true as const }
      },
    )
    app.put(
      '/api/console/presence',
      {
        onRequest: requireStaff(context),
        schema: {
          tags: ['console'],
          summary: 'Set the signed-in agent presence',
          body: z.object({ presence: z.enum(staffPresences) }),
          response: { 200: z.object({ presence: z.enum(staffPresences) }) },
        },
      },
      async (request) => {
        const member = request.staffMember ?? failMissingMember()
        await context.staff.setPresence(member.id, request.body.presence)
        return { presence: request.body.presence }
      },
    )
  }
}

function failMissingMember(): never {
  throw new AppError('unauthorized', 'Sign in to the console first.')
}
