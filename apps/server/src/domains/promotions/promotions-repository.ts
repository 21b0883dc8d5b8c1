import type { Transaction } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { CouponCodeTable, PromotionTable } from '../../db/tables/commerce-b.ts'
import type { LocalizedText } from '../../shared/locale.ts'
import type { CouponCode, Promotion } from './evaluate-promotions.ts'
import type { ConfiguredOperation } from './promotion-operations.ts'

/** A database connection or an open transaction. */
export type Executor = Db | Transaction<Database>

/** Converts a `promotions` row. */
export function toPromotion(row: PromotionTable): Promotion {
  return {
    id: row.id,
    key: row.key,
    name: JSON.parse(row.name) as LocalizedText,
    requiresCode: row.requires_code === 1,
    conditions: JSON.parse(row.conditions) as ConfiguredOperation[],
    actions: JSON.parse(row.actions) as ConfiguredOperation[],
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    usageLimit: row.usage_limit === null ? null : Number(row.usage_limit),
    usageCount: Number(row.usage_count),
    isActive: row.is_active === 1,
  }
}

/** Converts a `coupon_codes` row. */
export function toCouponCode(row: CouponCodeTable): CouponCode {
  return {
    code: row.code,
    promotionId: row.promotion_id,
    usageLimit: row.usage_limit === null ? null : Number(row.usage_limit),
    usageCount: Number(row.usage_count),
    customerId: row.customer_id,
    expiresAt: row.expires_at,
  }
}

/** Loads the automatic promotions and those the given codes unlock. */
export async function loadPromotionsFor(
  executor: Executor,
  codes: readonly string[],
): Promise<{ promotions: Map<string, Promotion>; coupons: Map<string, CouponCode> }> {
  const couponRows =
    codes.length === 0
      ? []
      : await executor
          .selectFrom('coupon_codes')
          .selectAll()
          .where('code', 'in', [...codes])
          .execute()
  const coupons = new Map(couponRows.map((row) => [row.code, toCouponCode(row)]))
  const promotionIds = [...new Set(couponRows.map((row) => row.promotion_id))]
  const promotionRows = await executor
    .selectFrom('promotions')
    .selectAll()
    .where((builder) =>
      promotionIds.length === 0
        ? builder('requires_code', '=', 0)
        : builder.or([builder('requires_code', '=', 0), builder('id', 'in', promotionIds)]),
    )
    .execute()
  const promotions = new Map(promotionRows.map((row) => [row.id, toPromotion(row)]))
  return { promotions, coupons }
}

/**
 * Counts one use of a promotion (and its code) if the limits allow, in one guarded update each so
 * two checkouts racing for the last use cannot both win. Returns false when a limit was reached.
 */
export async function incrementUsage(
  executor: Executor,
  promotionId: string,
  code: string | null,
): Promise<boolean> {
  const promotion = await executor
    .updateTable('promotions')
    .set((builder) => ({ usage_count: builder('usage_count', '+', 1) }))
    .where('id', '=', promotionId)
    .where((builder) =>
      builder.or([
        builder('usage_limit', 'is', null),
        builder('usage_count', '<', builder.ref('usage_limit')),
      ]),
    )
    .executeTakeFirst()
  if (Number(promotion.numUpdatedRows) === 0) return false
  if (code === null) return true
  const coupon = await executor
    .updateTable('coupon_codes')
    .set((builder) => ({ usage_count: builder('usage_count', '+', 1) }))
    .where('code', '=', code)
    .where((builder) =>
      builder.or([
        builder('usage_limit', 'is', null),
        builder('usage_count', '<', builder.ref('usage_limit')),
      ]),
    )
    .executeTakeFirst()
  return Number(coupon.numUpdatedRows) > 0
}

/** Gives back one use of a promotion (and its code). */
export async function decrementUsage(
  executor: Executor,
  promotionId: string,
  code: string | null,
): Promise<void> {
  await executor
    .updateTable('promotions')
    .set((builder) => ({ usage_count: builder('usage_count', '-', 1) }))
    .where('id', '=', promotionId)
    .where('usage_count', '>', 0)
    .execute()
  if (code === null) return
  await executor
    .updateTable('coupon_codes')
    .set((builder) => ({ usage_count: builder('usage_count', '-', 1) }))
    .where('code', '=', code)
    .where('usage_count', '>', 0)
    .execute()
}
