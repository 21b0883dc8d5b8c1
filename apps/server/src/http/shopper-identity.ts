import type { FastifyRequest } from 'fastify'
import { AppError } from '../shared/app-error.ts'
import { createSignedToken, verifySignedToken } from '../shared/signed-token.ts'
import type { ServerContext } from './server-context.ts'

/** Purpose claim of shopper identity tokens. */
export const shopperTokenUse = 'shopper'

/** Header a widget sends its shopper token in (or `Authorization: Bearer …`). */
export const shopperTokenHeader = 'x-kedai-shopper-token'

/** Who the shopper is: anonymous (no customer id) unless the store signed them in. */
export interface ShopperIdentity {
  readonly customerId: string | undefined
}

/**
 * Issues a shopper token for a signed-in customer. The store's backend calls this (or signs the same
 * format with the shared secret) and hands the token to the widget.
 */
export function createShopperToken(
  customerId: string,
  secret: string,
  now: Date,
  lifetimeSeconds = 24 * 60 * 60,
): string {
  return createSignedToken(
    { use: shopperTokenUse, exp: Math.floor(now.getTime() / 1000) + lifetimeSeconds, customerId },
    secret,
  )
}

/**
 * Reads the shopper's identity from the request: anonymous without a token; the signed-in customer
 * with a valid token; 401 with an invalid or expired one (never silently anonymous, so a shopper
 * is not shown a stranger's view by mistake).
 */
export function readShopperIdentity(
  request: FastifyRequest,
  context: Pick<ServerContext, 'configuration' | 'clock'>,
): ShopperIdentity {
  const header = request.headers[shopperTokenHeader]
  const authorization = request.headers.authorization
  const token =
    typeof header === 'string'
      ? header
      : authorization?.startsWith('Bearer ') === true
        ? authorization.slice('Bearer '.length).trim()
        : undefined
  if (token === undefined || token.length === 0) return { customerId: undefined }
  const verified = verifySignedToken(
    token,
    context.configuration.secret,
    shopperTokenUse,
    context.clock.now(),
  )
  if (!verified.ok)
    throw new AppError('unauthorized', `The shopper token is not valid (${verified.problem}).`)
  const customerId = verified.claims.customerId
  if (typeof customerId !== 'string')
    throw new AppError('unauthorized', 'The shopper token names no customer.')
  return { customerId }
}
