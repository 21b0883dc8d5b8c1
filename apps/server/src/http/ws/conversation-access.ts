import { AppError } from '../../shared/app-error.ts'
import { createSignedToken, verifySignedToken } from '../../shared/signed-token.ts'

/** Purpose claim of conversation access tokens. */
export const conversationTokenUse = 'conversation'

/** Header carrying the conversation access token on REST requests. */
export const conversationTokenHeader = 'x-kedai-conversation-token'

const lifetimeSeconds = 30 * 24 * 60 * 60

/** Issues the token that proves access to one conversation (given to whoever opened it). */
export function createConversationToken(conversationId: string, secret: string, now: Date): string {
  return createSignedToken(
    {
      use: conversationTokenUse,
      exp: Math.floor(now.getTime() / 1000) + lifetimeSeconds,
      conversationId,
    },
    secret,
  )
}

/**
 * Checks that `token` grants access to `conversationId`; throws `AppError('unauthorized')` when it
 * is missing, invalid, expired, or for another conversation.
 */
export function assertConversationAccess(
  token: string | undefined,
  conversationId: string,
  secret: string,
  now: Date,
): void {
  if (token === undefined || token.length === 0) {
    throw new AppError('unauthorized', `Send the conversation token in ${conversationTokenHeader}.`)
  }
  const known = verifiedTokens.get(token)
  const grant =
    known !== undefined && known.secret === secret
      ? known
      : verifyConversationToken(token, secret, now)
  if (grant.expiresAtMs <= now.getTime())
    throw new AppError('unauthorized', 'The conversation token is not valid (expired).')
  if (grant.conversationId !== conversationId) {
    throw new AppError('forbidden', 'The conversation token is for another conversation.')
  }
}

interface ConversationGrant {
  readonly secret: string
  readonly conversationId: unknown
  readonly expiresAtMs: number
}

/**
 * Tokens whose signature was checked, so a shopper's every message does not pay for an HMAC again
 * (expiry and conversation are still checked on each use). Least recently added dropped first.
 */
const verifiedTokens = new Map<string, ConversationGrant>()
const verifiedTokensKept = 10_000

function verifyConversationToken(token: string, secret: string, now: Date): ConversationGrant {
  const verified = verifySignedToken(token, secret, conversationTokenUse, now)
  if (!verified.ok)
    throw new AppError('unauthorized', `The conversation token is not valid (${verified.problem}).`)
  const grant = {
    secret,
    conversationId: verified.claims['conversationId'],
    expiresAtMs: Number(verified.claims['exp']) * 1000,
  }
  verifiedTokens.set(token, grant)
  if (verifiedTokens.size > verifiedTokensKept) {
    const oldest = verifiedTokens.keys().next().value
    if (oldest !== undefined) verifiedTokens.delete(oldest)
  }
  return grant
}
