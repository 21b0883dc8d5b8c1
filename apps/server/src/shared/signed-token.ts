import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Compact signed tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`. Used for shopper identity
 * tokens issued by the store and for short-lived links (return-label downloads). Claims always carry
 * an expiry (`exp`, seconds since the epoch) and a purpose (`use`) so a token made for one thing cannot
 * be replayed for another.
 */

/** The claims every token carries. */
export interface TokenClaims {
  readonly use: string
  readonly exp: number
  readonly [claim: string]: unknown
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/** Signs `claims` with `secret`. */
export function createSignedToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** Why a token was not accepted. */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired' | 'wrong-use'

/**
 * Verifies a token's signature, expiry and purpose. Returns its claims, or the problem; never
 * throws on bad input.
 */
export function verifySignedToken(
  token: string,
  secret: string,
  expectedUse: string,
  now: Date,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, problem: 'malformed' }
  const parts = token.split('.')
  if (parts.length !== 2) return { ok: false, problem: 'malformed' }
  const [payload = '', signature = ''] = parts
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, problem: 'bad-signature' }
  }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, problem: 'malformed' }
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, problem: 'malformed' }
  const { exp, use } = claims as { exp?: unknown; use?: unknown }
  if (typeof exp !== 'number' || typeof use !== 'string') return { ok: false, problem: 'malformed' }
  if (use !== expectedUse) return { ok: false, problem: 'wrong-use' }
  if (exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired' }
  return { ok: true, claims: claims as TokenClaims }
}
