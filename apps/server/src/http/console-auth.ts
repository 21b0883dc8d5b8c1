import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { StaffMember, StaffRole } from '../domains/staff/index.ts'
import { AppError } from '../shared/app-error.ts'
import type { ServerContext } from './server-context.ts'

/** Name of the HttpOnly cookie that carries a console session. */
export const sessionCookieName = 'kedai_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in console user, set by {@link requireStaff}. */
    staffMember?: StaffMember
  }
}

/** Reads one cookie from the request's `Cookie` header. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/** The session token of a request: `Authorization: Bearer …` or the session cookie. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim()
  return readCookie(request, sessionCookieName)
}

/**
 * An `onRequest` hook that lets a request through only for a signed-in console user with one of
 * `roles` (any role when empty; admins pass every role check). 401 without a valid session, 403 with
 * the wrong role — before the input is validated, so anonymous callers learn nothing about a route.
 * Use it as `{ onRequest: requireStaff(context) }`. The member is available as `request.staffMember`.
 */
export function requireStaff(
  context: ServerContext,
  roles: readonly StaffRole[] = [],
): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = readSessionToken(request)
    const member = token === undefined ? undefined : await context.staff.resolveSession(token)
    if (member === undefined) throw new AppError('unauthorized', 'Sign in to the console first.')
    if (roles.length > 0 && member.role !== 'admin' && !roles.includes(member.role)) {
      throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role.`)
    }
    request.staffMember = member
  }
}
