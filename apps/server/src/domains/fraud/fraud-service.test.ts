import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { money } from '../../shared/money.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createFraudService } from './fraud-service.ts'
import { loadDisposableEmailDomains } from './load-disposable-email-domains.ts'

const disposableEmailDomains = loadDisposableEmailDomains(
  fileURLToPath(new URL('../../../../../data/demo/disposable-email-domains.json', import.meta.url)),
)

describeEachEngine('FraudService', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const createId = createSequentialIdGenerator()
  const build = () =>
    createFraudService({
      db: getDatabase().db,
      clock,
      createId,
      configuration: { disposableEmailDomains },
    })
  const base = { amount: money(15000, 'MYR'), billingCountry: 'MY', shippingCountry: 'MY' }

  it('allows an ordinary checkout with no reasons and stores the screening', async () => {
    const fraud = build()
    const screening = await fraud.screen({
      ...base,
      checkoutReference: 'crt_ok',
      customerId: 'cus_ok',
      email: 'aina@gmail.com',
    })
    expect(screening).toMatchObject({ decision: 'allow', score: 0, reasons: [] })
    expect(await fraud.listScreenings('crt_ok')).toEqual([screening])
  })

  it('holds for review a disposable e-mail shipping abroad from the billing country', async () => {
    const screening = await build().screen({
      ...base,
      checkoutReference: 'crt_review',
      email: 'x@Mailinator.com',
      shippingCountry: 'SG',
    })
    expect(screening.decision).toBe('review')
    expect(screening.score).toBe(45)
    expect(screening.reasons.map((reason) => reason.rule)).toEqual([
      'country-mismatch',
      'disposable-email',
    ])
  })

  it('blocks a card tried many times after repeated declines within the window', async () => {
    const fraud = build()
    const card = { cardFingerprint: 'tok_sandbox_decline_visa_0002', ipAddress: '203.0.113.9' }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await fraud.screen({ ...base, ...card, checkoutReference: `crt_card_${attempt}` })
      await fraud.recordDecline(card)
    }
    const screening = await fraud.screen({ ...base, ...card, checkoutReference: 'crt_card_last' })
    expect(screening.reasons.map((reason) => reason.rule)).toEqual([
      'ip-velocity',
      'card-velocity',
      'repeated-declines',
    ])
    expect(screening.decision).toBe('block')
  })

  it('forgets attempts older than the window', async () => {
    const fraud = build()
    const card = { cardFingerprint: 'tok_old', ipAddress: '198.51.100.1' }
    for (let attempt = 0; attempt < 6; attempt += 1)
      await fraud.screen({ ...base, ...card, checkoutReference: `crt_old_${attempt}` })
    clock.advance(61 * 60_000)
    expect(
      (await fraud.screen({ ...base, ...card, checkoutReference: 'crt_old_new' })).decision,
    ).toBe('allow')
  })

  it('flags an order far above the customer history', async () => {
    const db = getDatabase().db
    const now = clock.now().toISOString()
    await db
      .insertInto('customers')
      .values({
        id: 'cus_hist',
        handle: 'hist',
        first_name: 'Lim',
        last_name: 'Wei',
        email: 'lim@example.com',
        phone: null,
        locale: 'en',
        marketing_consent: 0,
        loyalty_points: 0,
        loyalty_tier: 'none',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    for (const [index, total] of [5000, 7000].entries()) {
      await db
        .insertInto('orders')
        .values({
          id: `ord_hist_${index}`,
          number: `#H${index}`,
          customer_id: 'cus_hist',
          status: 'delivered',
          currency: 'MYR',
          shipping_address: '{}',
          subtotal_amount: total,
          discount_amount: 0,
          shipping_amount: 0,
          tax_amount: 0,
          total_amount: total,
          items_modified: 0,
          cancel_reason: null,
          details: '{}',
          conversation_id: null,
          placed_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    const screening = await build().screen({
      ...base,
      checkoutReference: 'crt_big',
      customerId: 'cus_hist',
      amount: money(90000, 'MYR'),
    })
    expect(screening.reasons).toEqual([
      expect.objectContaining({ rule: 'amount-above-history', points: 25 }),
    ])
    expect(screening.decision).toBe('allow')
    const review = createFraudService({
      db,
      clock,
      createId,
      configuration: { reviewThreshold: 20 },
    })
    expect(
      (
        await review.screen({
          ...base,
          checkoutReference: 'crt_big2',
          customerId: 'cus_hist',
          amount: money(90000, 'MYR'),
        })
      ).decision,
    ).toBe('review')
  })
})
