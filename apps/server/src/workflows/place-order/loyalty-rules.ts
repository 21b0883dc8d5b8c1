/** Loyalty programme: how points are earned, what they are worth and how they may be spent. */
export interface LoyaltyConfiguration {
  /** Points earned per whole currency unit paid (before a tier's multiplier). */
  readonly pointsPerCurrencyUnit: number
  /** Minor units of discount per point spent (1 = 100 points make RM1). */
  readonly pointValueAmount: number
  /** The fewest points one order may spend. */
  readonly minimumRedemptionPoints: number
  /** Points are spent in multiples of this. */
  readonly redemptionBlockPoints: number
  /** The largest share (0–1) of the order's amount after discounts, before shipping, points may pay. */
  readonly maximumRedemptionShare: number
  /**
   * Tier names with the balance they start at, lowest first, and how many times the base rate a
   * member of the tier earns (1.25 = 1.25 points per currency unit).
   */
  readonly tiers: readonly {
    readonly name: string
    readonly minimumPoints: number
    readonly earnMultiplier: number
  }[]
}

/**
 * The demo store's loyalty programme as its policy states it (`data/demo/policies/loyalty-programme.*.md`):
 * 1 point per RM1 (Gold 1.25, Platinum 1.5), 100 points = RM1 off, spent in blocks of 100 from 500
 * points for up to 50% of the order, tiers from 0 / 1,500 / 5,000 points.
 */
export const defaultLoyaltyConfiguration: LoyaltyConfiguration = {
  pointsPerCurrencyUnit: 1,
  pointValueAmount: 1,
  minimumRedemptionPoints: 500,
  redemptionBlockPoints: 100,
  maximumRedemptionShare: 0.5,
  tiers: [
    { name: 'silver', minimumPoints: 0, earnMultiplier: 1 },
    { name: 'gold', minimumPoints: 1_500, earnMultiplier: 1.25 },
    { name: 'platinum', minimumPoints: 5_000, earnMultiplier: 1.5 },
  ],
}

/** Why points cannot be spent as asked; each is explained to the shopper. */
export const pointsRefusalReasons = [
  'points-below-minimum',
  'points-not-in-blocks',
  'points-over-limit',
  'insufficient-points',
] as const

/** One of {@link pointsRefusalReasons}. */
export type PointsRefusalReason = (typeof pointsRefusalReasons)[number]

/** The answer of {@link checkPointsRedemption}. */
export type PointsRedemptionCheck =
  | { readonly ok: true; readonly discountAmount: number }
  | {
      readonly ok: false
      readonly reason: PointsRefusalReason
      /** The most points this order allows (0 when none); what the shopper may spend instead. */
      readonly allowedPoints: number
    }

/** The tier of a points balance. */
export function tierOfBalance(balance: number, loyalty: LoyaltyConfiguration): string {
  let tier = loyalty.tiers[0]?.name ?? 'silver'
  for (const candidate of loyalty.tiers)
    if (balance >= candidate.minimumPoints) tier = candidate.name
  return tier
}

/**
 * The most points an order allows: whole blocks, no more than the balance, worth no more than the
 * maximum share of `orderAmount` (minor units, after discounts and before shipping); 0 when that is
 * below the minimum.
 */
export function findRedeemablePoints(
  balance: number,
  orderAmount: number,
  loyalty: LoyaltyConfiguration,
): number {
  const block = Math.max(1, loyalty.redemptionBlockPoints)
  const byShare = Math.floor(
    (Math.max(0, orderAmount) * loyalty.maximumRedemptionShare) / loyalty.pointValueAmount,
  )
  const most = Math.floor(Math.min(Math.max(0, balance), byShare) / block) * block
  return most >= loyalty.minimumRedemptionPoints ? most : 0
}

/** Checks a request to spend `points` on an order of `orderAmount` by a member holding `balance`. */
export function checkPointsRedemption(
  points: number,
  balance: number,
  orderAmount: number,
  loyalty: LoyaltyConfiguration,
): PointsRedemptionCheck {
  const allowedPoints = findRedeemablePoints(balance, orderAmount, loyalty)
  const refuse = (reason: PointsRefusalReason): PointsRedemptionCheck => ({
    ok: false,
    reason,
    allowedPoints,
  })
  if (points < loyalty.minimumRedemptionPoints) return refuse('points-below-minimum')
  if (points % Math.max(1, loyalty.redemptionBlockPoints) !== 0)
    return refuse('points-not-in-blocks')
  if (points * loyalty.pointValueAmount > orderAmount * loyalty.maximumRedemptionShare)
    return refuse('points-over-limit')
  if (points > balance) return refuse('insufficient-points')
  return { ok: true, discountAmount: points * loyalty.pointValueAmount }
}

/**
 * Points earned on `paidAmount` (minor units after discounts, shipping excluded) by a member of
 * `tier`: the base rate times the tier's multiplier, rounded down.
 */
export function calculateEarnedPoints(
  paidAmount: number,
  tier: string,
  loyalty: LoyaltyConfiguration,
): number {
  const multiplier = loyalty.tiers.find((candidate) => candidate.name === tier)?.earnMultiplier ?? 1
  // Whole hundredths avoid 1.15 * 100 style float drift before rounding down.
  const rate = Math.round(loyalty.pointsPerCurrencyUnit * multiplier * 100)
  return Math.floor((Math.max(0, paidAmount) * rate) / 10_000)
}
