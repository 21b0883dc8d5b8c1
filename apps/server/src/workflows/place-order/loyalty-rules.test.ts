import { describe, expect, it } from 'vitest'
import {
  calculateEarnedPoints,
  checkPointsRedemption,
  defaultLoyaltyConfiguration as loyalty,
  findRedeemablePoints,
  tierOfBalance,
} from './loyalty-rules.ts'

describe('loyalty rules', () => {
  it('allows the most whole blocks within half the order and the balance, none below 500', () => {
    expect(findRedeemablePoints(20_000, 25_900, loyalty)).toBe(12_900)
    expect(findRedeemablePoints(10_000, 25_900, loyalty)).toBe(10_000)
    expect(findRedeemablePoints(730, 25_900, loyalty)).toBe(700)
    expect(findRedeemablePoints(499, 25_900, loyalty)).toBe(0)
    expect(findRedeemablePoints(5_000, 900, loyalty)).toBe(0)
    expect(findRedeemablePoints(5_000, 1_000, loyalty)).toBe(500)
  })

  it('refuses with the reason and the allowed points when a request breaks a rule', () => {
    expect(checkPointsRedemption(400, 2_000, 10_000, loyalty)).toEqual({
      ok: false,
      reason: 'points-below-minimum',
      allowedPoints: 2_000,
    })
    expect(checkPointsRedemption(650, 2_000, 10_000, loyalty)).toMatchObject({
      reason: 'points-not-in-blocks',
    })
    expect(checkPointsRedemption(5_100, 9_000, 10_000, loyalty)).toEqual({
      ok: false,
      reason: 'points-over-limit',
      allowedPoints: 5_000,
    })
    expect(checkPointsRedemption(900, 800, 10_000, loyalty)).toEqual({
      ok: false,
      reason: 'insufficient-points',
      allowedPoints: 800,
    })
    expect(checkPointsRedemption(5_000, 9_000, 10_000, loyalty)).toEqual({
      ok: true,
      discountAmount: 5_000,
    })
  })

  it('earns on whole currency units times the tier multiplier, rounded down', () => {
    expect(calculateEarnedPoints(9_999, 'silver', loyalty)).toBe(99)
    expect(calculateEarnedPoints(9_999, 'gold', loyalty)).toBe(124)
    expect(calculateEarnedPoints(10_000, 'platinum', loyalty)).toBe(150)
    expect(calculateEarnedPoints(10_000, 'unknown-tier', loyalty)).toBe(100)
    expect(calculateEarnedPoints(-5, 'gold', loyalty)).toBe(0)
  })

  it('names the tier a balance reaches', () => {
    expect(tierOfBalance(1_499, loyalty)).toBe('silver')
    expect(tierOfBalance(1_500, loyalty)).toBe('gold')
    expect(tierOfBalance(5_000, loyalty)).toBe('platinum')
  })
})
