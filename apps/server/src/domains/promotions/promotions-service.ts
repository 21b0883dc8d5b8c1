import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import type { LocalizedText } from '../../shared/locale.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { CartSnapshot, PromotionCustomer } from './cart-snapshot.ts'
import {
  evaluatePromotions,
  normalizeCode,
  type AppliedDiscount,
  type Promotion,
  type PromotionEvaluation,
  type RejectedCode,
} from './evaluate-promotions.ts'
import { describeOperationProblem, type ConfiguredOperation } from './promotion-operations.ts'
import {
  decrementUsage,
  incrementUsage,
  loadPromotionsFor,
  toPromotion,
  type Executor,
} from './promotions-repository.ts'

const localizedTextSchema = z
  .object({ en: z.string().min(1), 'zh-Hant': z.string(), 'zh-Hans': z.string(), ms: z.string() })
  .partial({ 'zh-Hant': true, 'zh-Hans': true, ms: true })

const operationSchema = z.object({
  code: z.string().min(1),
  args: z.record(z.string(), z.unknown()).default({}),
})

/** A promotion as configured (seed file, console): validated before it is stored. */
export const promotionDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/, 'expected a kebab-case key'),
  name: localizedTextSchema,
  codes: z.array(z.string().min(1)).default([]),
  conditions: z.array(operationSchema).default([]),
  actions: z.array(operationSchema).min(1),
  startsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
  usageLimit: z.number().int().positive().nullable().default(null),
  /** Uses allowed per code (1 for single-use codes). */
  codeUsageLimit: z.number().int().positive().nullable().default(null),
  isActive: z.boolean().default(true),
})

/** Input of {@link PromotionsService.savePromotion}. */
export type PromotionDefinition = z.input<typeof promotionDefinitionSchema>

/** Promotions counted against one checkout. */
export interface Redemption {
  readonly checkoutReference: string
  readonly evaluation: PromotionEvaluation
  readonly redemptionIds: readonly string[]
}

/** What {@link PromotionsService.createSingleUseCoupon} needs. */
export interface SingleUseCouponInput {
  /** `order-percentage-off` `{ percent }` or `order-fixed-off` `{ amount }`, or free shipping. */
  readonly action: ConfiguredOperation
  readonly name?: LocalizedText
  readonly customerId?: string | null
  readonly expiresAt?: string | null
  readonly conditions?: readonly ConfiguredOperation[]
  /** Who created it (`agt_…`, `system`). */
  readonly createdBy: string
  /** Readable prefix of the code (default `KD`). */
  readonly prefix?: string
}

/** The promotions domain's public service. */
export interface PromotionsService {
  /** Evaluates a cart with the codes entered: the discounts, and why any code does not apply. */
  evaluate(
    cart: CartSnapshot,
    codes: readonly string[],
    customer: PromotionCustomer,
  ): Promise<PromotionEvaluation>
  /**
   * Counts the promotions that apply against a checkout (atomic usage increments). Fails with the
   * first rejected code's reason, leaving every count as it was. Calling it again for the same
   * checkout returns the existing redemption.
   */
  redeem(input: {
    checkoutReference: string
    cart: CartSnapshot
    codes: readonly string[]
    customer: PromotionCustomer
  }): Promise<Result<Redemption, RejectedCode['reason'], { rejected: RejectedCode }>>
  /** Undoes a checkout's redemption (declined payment, canceled order). Safe to call twice. */
  releaseRedemption(checkoutReference: string): Promise<{ released: number }>
  /** Creates a single-use code (for discounts an agent approves). */
  createSingleUseCoupon(input: SingleUseCouponInput): Promise<{ code: string; promotionId: string }>
  /** Creates or updates a promotion by key, with its codes. Rejects unknown operations. */
  savePromotion(definition: PromotionDefinition): Promise<Promotion>
  /** Reads a promotion by key. */
  getPromotion(key: string): Promise<Promotion | undefined>
}

/** What the promotions service is built from. */
export interface PromotionsServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly createId: IdGenerator
  readonly eventBus?: EventBus
}

class RedemptionRefused extends Error {
  constructor(readonly rejected: RejectedCode) {
    super(rejected.reason)
  }
}

/** Creates the {@link PromotionsService}. */
export function createPromotionsService(
  dependencies: PromotionsServiceDependencies,
): PromotionsService {
  const { db, clock, createId } = dependencies

  async function evaluateWith(
    executor: Executor,
    cart: CartSnapshot,
    codes: readonly string[],
    customer: PromotionCustomer,
  ): Promise<PromotionEvaluation> {
    const normalized = [...new Set(codes.map(normalizeCode).filter((code) => code.length > 0))]
    const { promotions, coupons } = await loadPromotionsFor(executor, normalized)
    return evaluatePromotions({
      cart,
      customer,
      codes: normalized,
      promotions,
      coupons,
      now: clock.now(),
    })
  }

  async function existingRedemption(executor: Executor, checkoutReference: string) {
    return executor
      .selectFrom('promotion_redemptions')
      .selectAll()
      .where('checkout_reference', '=', checkoutReference)
      .where('released_at', 'is', null)
      .execute()
  }

  const service: PromotionsService = {
    evaluate(cart, codes, customer) {
      return evaluateWith(db, cart, codes, customer)
    },

    async redeem(input) {
      try {
        return await db.transaction().execute(async (transaction) => {
          const evaluation = await evaluateWith(
            transaction,
            input.cart,
            input.codes,
            input.customer,
          )
          const existing = await existingRedemption(transaction, input.checkoutReference)
          if (existing.length > 0) {
            return succeed({
              checkoutReference: input.checkoutReference,
              evaluation,
              redemptionIds: existing.map((row) => row.id),
            })
          }
          const firstRejected = evaluation.rejected[0]
          if (firstRejected !== undefined) throw new RedemptionRefused(firstRejected)
          const byPromotion = new Map<string, AppliedDiscount[]>()
          for (const discount of evaluation.discounts) {
            byPromotion.set(discount.promotionId, [
              ...(byPromotion.get(discount.promotionId) ?? []),
              discount,
            ])
          }
          const redemptionIds: string[] = []
          const now = clock.now().toISOString()
          for (const [promotionId, discounts] of byPromotion) {
            const first = discounts[0]
            if (first === undefined) continue
            const counted = await incrementUsage(transaction, promotionId, first.code)
            if (!counted) {
              throw new RedemptionRefused({
                code: first.code ?? first.promotionKey,
                reason: 'usage-limit-reached',
                name: first.name,
              })
            }
            const id = createId('rdm')
            redemptionIds.push(id)
            await transaction
              .insertInto('promotion_redemptions')
              .values({
                id,
                promotion_id: promotionId,
                code: first.code,
                checkout_reference: input.checkoutReference,
                customer_id: input.customer.customerId ?? null,
                discount_amount: discounts.reduce(
                  (sum, discount) => sum + discount.amount.amount,
                  0,
                ),
                currency: input.cart.currency,
                redeemed_at: now,
                released_at: null,
              })
              .execute()
          }
          return succeed({ checkoutReference: input.checkoutReference, evaluation, redemptionIds })
        })
      } catch (error) {
        if (error instanceof RedemptionRefused) {
          return fail(error.rejected.reason, { rejected: error.rejected })
        }
        throw error
      }
    },

    async releaseRedemption(checkoutReference) {
      return db.transaction().execute(async (transaction) => {
        const rows = await existingRedemption(transaction, checkoutReference)
        const now = clock.now().toISOString()
        let released = 0
        for (const row of rows) {
          const marked = await transaction
            .updateTable('promotion_redemptions')
            .set({ released_at: now })
            .where('id', '=', row.id)
            .where('released_at', 'is', null)
            .executeTakeFirst()
          if (Number(marked.numUpdatedRows) === 0) continue
          await decrementUsage(transaction, row.promotion_id, row.code)
          released += 1
        }
        return { released }
      })
    },

    async createSingleUseCoupon(input) {
      const problem = describeOperationProblem(input.action, 'action')
      if (problem !== undefined) throw new AppError('validation', `Invalid discount: ${problem}`)
      const id = createId('cpn')
      const suffix = id
        .slice(id.indexOf('_') + 1)
        .slice(-8)
        .toUpperCase()
      const code = `${(input.prefix ?? 'KD').toUpperCase()}-${suffix}`
      const promotion = await service.savePromotion({
        key: `single-use-${id.replace(/_/g, '-')}`,
        name: input.name ?? { en: 'Personal discount' },
        codes: [code],
        conditions: [...(input.conditions ?? [])].map((operation) => ({ ...operation })),
        actions: [{ ...input.action }],
        endsAt: input.expiresAt ?? null,
        usageLimit: 1,
        codeUsageLimit: 1,
      })
      await db
        .updateTable('coupon_codes')
        .set({ customer_id: input.customerId ?? null, created_by: input.createdBy })
        .where('code', '=', code)
        .execute()
      return { code, promotionId: promotion.id }
    },

    async savePromotion(definition) {
      const parsed = promotionDefinitionSchema.safeParse(definition)
      if (!parsed.success) {
        throw new AppError('validation', 'Invalid promotion', {
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
          })),
        })
      }
      const value = parsed.data
      const problems = [
        ...value.conditions.map((operation) => describeOperationProblem(operation, 'condition')),
        ...value.actions.map((operation) => describeOperationProblem(operation, 'action')),
      ].filter((problem): problem is string => problem !== undefined)
      if (problems.length > 0)
        throw new AppError('validation', `Invalid promotion ${value.key}: ${problems.join('; ')}`)
      const now = clock.now().toISOString()
      const existing = await db
        .selectFrom('promotions')
        .selectAll()
        .where('key', '=', value.key)
        .executeTakeFirst()
      const columns = {
        name: JSON.stringify(value.name),
        requires_code: value.codes.length > 0 ? 1 : 0,
        conditions: JSON.stringify(value.conditions),
        actions: JSON.stringify(value.actions),
        starts_at: value.startsAt === null ? null : new Date(value.startsAt).toISOString(),
        ends_at: value.endsAt === null ? null : new Date(value.endsAt).toISOString(),
        usage_limit: value.usageLimit,
        is_active: value.isActive ? 1 : 0,
        updated_at: now,
      }
      const id = existing?.id ?? createId('pro')
      if (existing === undefined) {
        await db
          .insertInto('promotions')
          .values({ id, key: value.key, usage_count: 0, created_at: now, ...columns })
          .execute()
      } else {
        await db.updateTable('promotions').set(columns).where('id', '=', id).execute()
      }
      for (const typed of value.codes) {
        const code = normalizeCode(typed)
        await db
          .insertInto('coupon_codes')
          .values({
            code,
            promotion_id: id,
            usage_limit: value.codeUsageLimit,
            usage_count: 0,
            customer_id: null,
            expires_at: null,
            created_by: 'configuration',
            created_at: now,
          })
          .onConflict((conflict) =>
            conflict
              .column('code')
              .doUpdateSet({ promotion_id: id, usage_limit: value.codeUsageLimit }),
          )
          .execute()
      }
      const row = await db
        .selectFrom('promotions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      return toPromotion(row)
    },

    async getPromotion(key) {
      const row = await db
        .selectFrom('promotions')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst()
      return row === undefined ? undefined : toPromotion(row)
    },
  }
  return service
}
