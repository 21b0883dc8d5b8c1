import { describe, expect, it } from 'vitest'
import { createSignedToken, verifySignedToken } from './signed-token.ts'

const secret = 'a-test-secret-that-is-long-enough-1234'
const now = new Date('2026-11-24T10:00:00Z')
const inOneHour = Math.floor(now.getTime() / 1000) + 3600

describe('signed tokens', () => {
  it('round-trips claims when signature, purpose and expiry are right', () => {
    const token = createSignedToken({ use: 'shopper', exp: inOneHour, customerId: 'cus_1' }, secret)
    const result = verifySignedToken(token, secret, 'shopper', now)
    expect(result.ok && result.claims.customerId).toBe('cus_1')
  })

  it('rejects a token whose claims were altered', () => {
    const token = createSignedToken({ use: 'shopper', exp: inOneHour, customerId: 'cus_1' }, secret)
    const [, signature] = token.split('.')
    const forged = `${Buffer.from(JSON.stringify({ use: 'shopper', exp: inOneHour, customerId: 'cus_2' })).toString('base64url')}.${signature}`
    expect(verifySignedToken(forged, secret, 'shopper', now)).toEqual({
      ok: false,
      problem: 'bad-signature',
    })
  })

  it('rejects expired tokens, tokens for another purpose and garbage', () => {
    const expired = createSignedToken({ use: 'shopper', exp: inOneHour - 7200 }, secret)
    expect(verifySignedToken(expired, secret, 'shopper', now)).toEqual({
      ok: false,
      problem: 'expired',
    })
    const label = createSignedToken({ use: 'return-label', exp: inOneHour }, secret)
    expect(verifySignedToken(label, secret, 'shopper', now)).toEqual({
      ok: false,
      problem: 'wrong-use',
    })
    expect(verifySignedToken('not-a-token', secret, 'shopper', now)).toEqual({
      ok: false,
      problem: 'malformed',
    })
    expect(verifySignedToken(`${'x'.repeat(5000)}.y`, secret, 'shopper', now).ok).toBe(false)
  })

  it('rejects a token signed with another secret', () => {
    const token = createSignedToken(
      { use: 'shopper', exp: inOneHour },
      'another-secret-that-is-long-enough-99',
    )
    expect(verifySignedToken(token, secret, 'shopper', now)).toEqual({
      ok: false,
      problem: 'bad-signature',
    })
  })
})
