import type { LocalizedText } from '../../shared/locale.ts'
import { money, type Money } from '../../shared/money.ts'
import { cartSubtotal, type CartSnapshot, type PromotionCustomer } from './cart-snapshot.ts'
import { applyAction, checkCondition, type ConfiguredOperation } from './promotion-operations.ts'

/** Why a code did not apply, in words the bot can explain. */
export const promotionRejections = [
  'unknown-code',
  'expired',
  'not-yet-active',
  'minimum-not-met',
  'not-applicable',
  'usage-limit-reached',
] as const

/** One of {@link promotionRejections}. */
export type PromotionRejection = (typeof promotionRejections)[number]

/** A promotion with its conditions and actions as data. */
export interface Promotion {
  readonly id: string
  readonly key: string
  readonly name: LocalizedText
  /** True when a code must be entered; false when it applies by itself. */
  readonly requiresCode: boolean
  readonly conditions: readonly ConfiguredOperation[]
  readonly actions: readonly ConfiguredOperation[]
  readonly startsAt: string | null
  readonly endsAt: string | null
  readonly usageLimit: number | null
  readonly usageCount: number
  readonly isActive: boolean
}

/** A code that unlocks a promotion. */
export interface CouponCode {
  readonly code: string
  readonly promotionId: string
  readonly usageLimit: number | null
  readonly usageCount: number
  readonly customerId: string | null
  readonly expiresAt: string | null
}

/** A discount that applies, with what the bot needs to explain it. */
export interface AppliedDiscount {
  readonly promotionId: string
  readonly promotionKey: string
  /** The code that unlocked it; null for automatic promotions. */
  readonly code: string | null
  readonly name: LocalizedText
  readonly scope: 'items' | 'shipping'
  readonly amount: Money
}

/** A code that did not apply and why. */
export interface RejectedCode {
  readonly code: string
  readonly reason: PromotionRejection
  /** For `minimum-not-met`: how much more the shopper must add. */
  readonly missingAmount?: Money
  /** For `not-applicable`: which condition failed (`first-order-only`, `contains-products`). */
  readonly detail?: string
  /** For `expired` and `not-yet-active`: the window's edge. */
  readonly endedAt?: string
  readonly startsAt?: string
  readonly name?: LocalizedText
}

/** The outcome of evaluating a cart against the promotions and the codes entered. */
export interface PromotionEvaluation {
  readonly discounts: readonly AppliedDiscount[]
  readonly rejected: readonly RejectedCode[]
  readonly itemDiscount: Money
  readonly shippingDiscount: Money
  readonly totalDiscount: Money
}

/** Normalizes a typed code (`ʼ save10 ʼ` → `SAVE10`). */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

/** Everything {@link evaluatePromotions} reads. */
export interface EvaluationInput {
  readonly cart: CartSnapshot
  readonly customer: PromotionCustomer
  readonly codes: readonly string[]
  /** Promotions that apply without a code, plus those the codes unlock. */
  readonly promotions: ReadonlyMap<string, Promotion>
  readonly coupons: ReadonlyMap<string, CouponCode>
  readonly now: Date
}

type Eligibility = { ok: true } | { ok: false; rejection: Omit<RejectedCode, 'code'> }

function checkEligibility(
  promotion: Promotion,
  coupon: CouponCode | undefined,
  input: EvaluationInput,
): Eligibility {
  const now = input.now.toISOString()
  if (promotion.startsAt !== null && now < promotion.startsAt) {
    return {
      ok: false,
      rejection: { reason: 'not-yet-active', startsAt: promotion.startsAt, name: promotion.name },
    }
  }
  if (promotion.endsAt !== null && now > promotion.endsAt) {
    return {
      ok: false,
      rejection: { reason: 'expired', endedAt: promotion.endsAt, name: promotion.name },
    }
  }
  if (coupon?.expiresAt != null && now > coupon.expiresAt) {
    return {
      ok: false,
      rejection: { reason: 'expired', endedAt: coupon.expiresAt, name: promotion.name },
    }
  }
  if (coupon?.customerId != null && coupon.customerId !== input.customer.customerId) {
    return {
      ok: false,
      rejection: { reason: 'not-applicable', detail: 'other-customer', name: promotion.name },
    }
  }
  if (promotion.usageLimit !== null && promotion.usageCount >= promotion.usageLimit) {
    return { ok: false, rejection: { reason: 'usage-limit-reached', name: promotion.name } }
  }
  if (coupon?.usageLimit != null && coupon.usageCount >= coupon.usageLimit) {
    return { ok: false, rejection: { reason: 'usage-limit-reached', name: promotion.name } }
  }
  for (const condition of promotion.conditions) {
    const verdict = checkCondition(condition, { cart: input.cart, customer: input.customer })
    if (verdict.ok) continue
    if (verdict.reason === 'minimum-not-met') {
      return {
        ok: false,
        rejection: {
          reason: 'minimum-not-met',
          missingAmount: money(verdict.missingAmount, input.cart.currency),
          name: promotion.name,
        },
      }
    }
    return {
      ok: false,
      rejection: { reason: 'not-applicable', detail: verdict.detail, name: promotion.name },
    }
  }
  return { ok: true }
}

/**
 * Evaluates a cart: automatic promotions whose conditions hold, and each code entered (or why it
 * does not apply). Item discounts never exceed the subtotal, shipping discounts never the shipping.
 * Pure: reads only its input.
 */
export function evaluatePromotions(input: EvaluationInput): PromotionEvaluation {
  const currency = input.cart.currency
  const discounts: AppliedDiscount[] = []
  const rejected: RejectedCode[] = []
  let itemRoom = cartSubtotal(input.cart)
  let shippingRoom = input.cart.shippingAmount ?? 0
  const appliedPromotionIds = new Set<string>()

  function apply(promotion: Promotion, code: string | null): void {
    for (const action of promotion.actions) {
      const effect = applyAction(action, { cart: input.cart, customer: input.customer })
      const room = effect.scope === 'items' ? itemRoom : shippingRoom
      const amount = Math.max(0, Math.min(effect.amount, room))
      if (effect.scope === 'items') itemRoom -= amount
      else shippingRoom -= amount
      if (amount === 0) continue
      discounts.push({
        promotionId: promotion.id,
        promotionKey: promotion.key,
        code,
        name: promotion.name,
        scope: effect.scope,
        amount: money(amount, currency),
      })
    }
    appliedPromotionIds.add(promotion.id)
  }

  const automatic = [...input.promotions.values()]
    .filter((promotion) => !promotion.requiresCode && promotion.isActive)
    .sort((a, b) => a.key.localeCompare(b.key))
  for (const promotion of automatic) {
    if (checkEligibility(promotion, undefined, input).ok) apply(promotion, null)
  }

  const seen = new Set<string>()
  for (const typed of input.codes) {
    const code = normalizeCode(typed)
    if (code.length === 0 || seen.has(code)) continue
    seen.add(code)
    const coupon = input.coupons.get(code)
    const promotion = coupon === undefined ? undefined : input.promotions.get(coupon.promotionId)
    if (coupon === undefined || promotion === undefined || !promotion.isActive) {
      rejected.push({ code, reason: 'unknown-code' })
      continue
    }
    if (appliedPromotionIds.has(promotion.id)) continue
    const eligibility = checkEligibility(promotion, coupon, input)
    if (!eligibility.ok) {
      rejected.push({ code, ...eligibility.rejection })
      continue
    }
    apply(promotion, code)
  }

  const itemDiscount = discounts
    .filter((d) => d.scope === 'items')
    .reduce((sum, d) => sum + d.amount.amount, 0)
  const shippingDiscount = discounts
    .filter((d) => d.scope === 'shipping')
    .reduce((sum, d) => sum + d.amount.amount, 0)
  return {
    discounts,
    rejected,
    itemDiscount: money(itemDiscount, currency),
    shippingDiscount: money(shippingDiscount, currency),
    totalDiscount: money(itemDiscount + shippingDiscount, currency),
  }
}
