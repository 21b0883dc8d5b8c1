import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import type { CartSnapshot } from './cart-snapshot.ts'
import { createPromotionsService } from './promotions-service.ts'
import { seedDemoPromotions } from './seed-demo-promotions.ts'

const shoes = {
  productId: 'prd_shoes',
  variantId: 'var_shoes_9',
  productSlug: 'stride-road-running-shoes',
  categoryKey: 'running-shoes',
  unitPrice: 32900,
  quantity: 1,
}
const socks = {
  productId: 'prd_socks',
  variantId: 'var_socks_m',
  productSlug: 'sport-socks',
  categoryKey: 'socks',
  unitPrice: 2990,
  quantity: 1,
}
const mug = { productId: 'prd_mug', variantId: 'var_mug', unitPrice: 4000, quantity: 1 }

function cart(lines: CartSnapshot['lines'], shippingAmount = 800): CartSnapshot {
  return { currency: 'MYR', lines, shippingAmount }
}

const newCustomer = { customerId: 'cus_new', previousOrderCount: 0 }
const regular = { customerId: 'cus_regular', previousOrderCount: 3 }

describeEachEngine('PromotionsService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const createId = createSequentialIdGenerator()
  const build = () => createPromotionsService({ db: getDatabase().db, clock, createId })

  it('loads the demo promotions twice without duplicating them', async () => {
    const promotions = build()
    const file = fileURLToPath(new URL('../../../../../data/demo/promotions.json', import.meta.url))
    expect(await seedDemoPromotions(promotions, { file })).toEqual({ promotions: 5 })
    await seedDemoPromotions(promotions, { file })
    const count = await getDatabase()
      .db.selectFrom('promotions')
      .select((b) => b.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(5)
  })

  it('takes 10% off with SAVE10 when the subtotal is over RM100', async () => {
    const result = await build().evaluate(cart([{ ...mug, quantity: 3 }]), ['save10 '], regular)
    expect(result.rejected).toEqual([])
    expect(result.discounts).toHaveLength(1)
    expect(result.discounts[0]).toMatchObject({
      code: 'SAVE10',
      scope: 'items',
      amount: { amount: 1200, currency: 'MYR' },
    })
    expect(result.totalDiscount.amount).toBe(1200)
  })

  it('explains how much is missing when the minimum is not met', async () => {
    const result = await build().evaluate(cart([mug]), ['SAVE10'], regular)
    expect(result.discounts).toEqual([])
    expect(result.rejected[0]).toMatchObject({
      code: 'SAVE10',
      reason: 'minimum-not-met',
      missingAmount: { amount: 6000, currency: 'MYR' },
    })
  })

  it('rejects RAYA2025 as expired and an unknown code as unknown', async () => {
    const result = await build().evaluate(cart([mug]), ['RAYA2025', 'NOPE'], regular)
    expect(result.rejected).toEqual([
      expect.objectContaining({
        code: 'RAYA2025',
        reason: 'expired',
        endedAt: '2025-04-13T15:59:59.000Z',
      }),
      { code: 'NOPE', reason: 'unknown-code' },
    ])
  })

  it('says not-yet-active before a promotion starts', async () => {
    const promotions = build()
    await promotions.savePromotion({
      key: 'new-year',
      name: { en: 'New year' },
      codes: ['NY2027'],
      actions: [{ code: 'order-fixed-off', args: { amount: 1000 } }],
      startsAt: '2027-01-01T00:00:00+08:00',
    })
    const result = await promotions.evaluate(cart([mug]), ['NY2027'], regular)
    expect(result.rejected[0]).toMatchObject({
      reason: 'not-yet-active',
      startsAt: '2026-12-31T16:00:00.000Z',
    })
  })

  it('gives WELCOME5 to a first order only', async () => {
    const promotions = build()
    expect(
      (await promotions.evaluate(cart([mug]), ['WELCOME5'], newCustomer)).totalDiscount.amount,
    ).toBe(500)
    const again = await promotions.evaluate(cart([mug]), ['WELCOME5'], regular)
    expect(again.rejected[0]).toMatchObject({
      reason: 'not-applicable',
      detail: 'first-order-only',
    })
  })

  it('prices the run kit at RM339 by itself when shoes and socks are both in the cart', async () => {
    const promotions = build()
    const both = await promotions.evaluate(cart([shoes, socks]), [], regular)
    expect(both.discounts).toEqual([
      expect.objectContaining({
        promotionKey: 'run-kit',
        code: null,
        amount: { amount: 32900 + 2990 - 33900, currency: 'MYR' },
      }),
    ])
    expect((await promotions.evaluate(cart([shoes]), [], regular)).discounts).toEqual([])
    // Checkout passes SKUs and categories, not slugs: the bundle still matches by SKU.
    const bySku = await promotions.evaluate(
      cart([
        {
          productId: 'prd_1',
          variantId: 'var_1',
          sku: 'KD-RUN-STR-9-BLK',
          unitPrice: 32900,
          quantity: 1,
        },
        {
          productId: 'prd_2',
          variantId: 'var_2',
          sku: 'KD-SCK-SPT-M-WHT',
          unitPrice: 2990,
          quantity: 2,
        },
      ]),
      [],
      regular,
    )
    expect(bySku.itemDiscount.amount).toBe(1990)
  })

  it('takes the shipping off with FREESHIP and never more than the shipping', async () => {
    const result = await build().evaluate(
      cart([{ ...mug, quantity: 2 }], 1200),
      ['FREESHIP'],
      regular,
    )
    expect(result.shippingDiscount.amount).toBe(1200)
    expect(result.itemDiscount.amount).toBe(0)
  })

  it('counts a redemption once, refuses past the limit and gives the use back on release', async () => {
    const promotions = build()
    const { code } = await promotions.createSingleUseCoupon({
      action: { code: 'order-fixed-off', args: { amount: 700 } },
      customerId: 'cus_regular',
      createdBy: 'agt_000001',
    })
    const first = await promotions.redeem({
      checkoutReference: 'crt_a',
      cart: cart([mug]),
      codes: [code],
      customer: regular,
    })
    expect(first.ok).toBe(true)
    const retried = await promotions.redeem({
      checkoutReference: 'crt_a',
      cart: cart([mug]),
      codes: [code],
      customer: regular,
    })
    expect(retried.ok).toBe(true)
    const coupon = () =>
      getDatabase()
        .db.selectFrom('coupon_codes')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    expect(Number((await coupon()).usage_count)).toBe(1)

    const second = await promotions.redeem({
      checkoutReference: 'crt_b',
      cart: cart([mug]),
      codes: [code],
      customer: regular,
    })
    expect(second).toMatchObject({ ok: false, reason: 'usage-limit-reached' })

    expect(await promotions.releaseRedemption('crt_a')).toEqual({ released: 1 })
    expect(await promotions.releaseRedemption('crt_a')).toEqual({ released: 0 })
    expect(Number((await coupon()).usage_count)).toBe(0)
    const third = await promotions.redeem({
      checkoutReference: 'crt_b',
      cart: cart([mug]),
      codes: [code],
      customer: regular,
    })
    expect(third.ok).toBe(true)
  })

  it('keeps a single-use code to its customer', async () => {
    const promotions = build()
    const { code } = await promotions.createSingleUseCoupon({
      action: { code: 'order-percentage-off', args: { percent: 5 } },
      customerId: 'cus_regular',
      createdBy: 'agt_000001',
    })
    const result = await promotions.evaluate(cart([mug]), [code], newCustomer)
    expect(result.rejected[0]).toMatchObject({ reason: 'not-applicable', detail: 'other-customer' })
  })

  it('leaves usage exactly as before when a redemption is refused', async () => {
    const promotions = build()
    const before = await promotions.getPromotion('save10')
    const refused = await promotions.redeem({
      checkoutReference: 'crt_c',
      cart: cart([{ ...mug, quantity: 3 }]),
      codes: ['SAVE10', 'RAYA2025'],
      customer: regular,
    })
    expect(refused).toMatchObject({ ok: false, reason: 'expired' })
    expect((await promotions.getPromotion('save10'))?.usageCount).toBe(before?.usageCount)
  })
})

describe('createPromotionsService', () => {
  it('rejects a promotion with an unknown action when saving', async () => {
    const { createTestDatabase } = await import('../../testing/test-database.ts')
    const { handle, dispose } = await createTestDatabase('sqlite')
    try {
      const promotions = createPromotionsService({
        db: handle.db,
        clock: createManualClock(),
        createId: createSequentialIdGenerator(),
      })
      await expect(
        promotions.savePromotion({
          key: 'bad',
          name: { en: 'Bad' },
          actions: [{ code: 'give-everything', args: {} }],
        }),
      ).rejects.toThrow(/unknown action give-everything/)
    } finally {
      await dispose()
    }
  })
})
