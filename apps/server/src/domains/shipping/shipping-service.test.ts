import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createManualClock } from '../../shared/clock.ts'
import { money } from '../../shared/money.ts'
import { loadShippingConfiguration } from './shipping-configuration.ts'
import { createShippingService } from './shipping-service.ts'

const configuration = loadShippingConfiguration(
  fileURLToPath(new URL('../../../../../data/demo/shipping.json', import.meta.url)),
)
const kualaLumpur = { country: 'MY', state: 'Selangor', postcode: '47800' }
const kotaKinabalu = { country: 'MY', state: 'Sabah', postcode: '88000' }

function build(now: string) {
  return createShippingService({
    configuration,
    clock: createManualClock(now),
    createTrackingNumber: () => 'KD0001',
  })
}

describe('ShippingService.quote', () => {
  it('finds West and East Malaysia by state, Singapore, Taiwan and international by country', () => {
    const shipping = build('2026-11-24T02:00:00.000Z')
    const zoneOf = (address: { country: string; state?: string }) => {
      const quote = shipping.quote({ subtotal: money(5000, 'MYR') }, address)
      return quote.ok ? quote.value.zoneKey : quote.reason
    }
    expect(zoneOf(kualaLumpur)).toBe('west-malaysia')
    expect(zoneOf(kotaKinabalu)).toBe('east-malaysia')
    expect(zoneOf({ country: 'SG' })).toBe('singapore')
    expect(zoneOf({ country: 'tw', state: 'Taipei' })).toBe('taiwan')
    expect(zoneOf({ country: 'JP' })).toBe('international')
  })

  it('makes standard shipping free over RM150 and says how much is missing below it', () => {
    const shipping = build('2026-11-24T02:00:00.000Z')
    const below = shipping.quote({ subtotal: money(12000, 'MYR') }, kualaLumpur)
    const above = shipping.quote({ subtotal: money(15000, 'MYR') }, kualaLumpur)
    if (!below.ok || !above.ok) throw new Error('expected quotes')
    expect(below.value.options[0]).toMatchObject({
      methodKey: 'standard',
      amount: { amount: 800 },
      isFree: false,
      amountToFreeShipping: { amount: 3000 },
    })
    expect(above.value.options[0]).toMatchObject({
      methodKey: 'standard',
      amount: { amount: 0 },
      isFree: true,
      amountToFreeShipping: null,
    })
    expect(above.value.options[1]).toMatchObject({
      methodKey: 'express',
      amount: { amount: 1800 },
      isFree: false,
    })
  })

  it('refuses a cart in another currency', () => {
    expect(
      build('2026-11-24T02:00:00.000Z').quote({ subtotal: money(100, 'SGD') }, kualaLumpur),
    ).toMatchObject({ ok: false, reason: 'currency-mismatch' })
  })
})

describe('ShippingService.estimateDelivery', () => {
  const shipping = build('2026-11-24T02:00:00.000Z')
  const estimate = (method: 'standard' | 'express', orderTime: string, address = kualaLumpur) => {
    const result = shipping.estimateDelivery(method, address, new Date(orderTime))
    if (!result.ok) throw new Error(result.reason)
    return result.value
  }

  it('dispatches the same day when ordered before the 2 pm cut-off in Kuala Lumpur', () => {
    // Tuesday 13:59 in Kuala Lumpur (UTC+8).
    expect(estimate('standard', '2026-11-24T05:59:00.000Z')).toEqual({
      dispatchDate: '2026-11-24',
      earliestDate: '2026-11-26',
      latestDate: '2026-11-30',
    })
  })

  it('dispatches the next business day when ordered after the cut-off', () => {
    // Tuesday 14:00 local.
    expect(estimate('standard', '2026-11-24T06:00:00.000Z').dispatchDate).toBe('2026-11-25')
  })

  it('skips the weekend for an order placed on Friday evening', () => {
    // Friday 27 Nov 20:00 local → Monday dispatch; express 1–2 business days → Tue–Wed.
    expect(estimate('express', '2026-11-27T12:00:00.000Z')).toEqual({
      dispatchDate: '2026-11-30',
      earliestDate: '2026-12-01',
      latestDate: '2026-12-02',
    })
  })

  it('uses the store time zone, not UTC, for the date of a late-night order', () => {
    // Sunday 23:30 UTC is Monday 07:30 in Kuala Lumpur: ships Monday.
    expect(estimate('express', '2026-11-29T23:30:00.000Z').dispatchDate).toBe('2026-11-30')
  })

  it('does not count Christmas Day as a business day', () => {
    // Thursday 24 Dec 10:00 local; Friday 25 Dec is a holiday, then the weekend.
    expect(estimate('standard', '2026-12-24T02:00:00.000Z', kotaKinabalu)).toEqual({
      dispatchDate: '2026-12-24',
      earliestDate: '2026-12-31',
      latestDate: '2027-01-06',
    })
  })

  it('returns a reason for an unknown method', () => {
    expect(shipping.estimateDelivery('overnight' as 'express', kualaLumpur)).toEqual({
      ok: false,
      reason: 'unknown-method',
    })
  })
})

describe('ShippingService.returnLabelFee', () => {
  it('charges the returns policy’s RM20 for the label from Singapore and Taiwan, nothing from Malaysia', () => {
    const shipping = build('2026-11-24T02:00:00.000Z')
    expect(shipping.returnLabelFee({ country: 'SG', postcode: '238859' }, 'MYR')).toBe(2_000)
    expect(shipping.returnLabelFee({ country: 'tw' }, 'MYR')).toBe(2_000)
    expect(shipping.returnLabelFee(kualaLumpur, 'MYR')).toBe(0)
    expect(shipping.returnLabelFee(kotaKinabalu, 'MYR')).toBe(0)
    expect(shipping.returnLabelFee({ country: 'US', state: 'CA' }, 'MYR')).toBe(0)
  })

  it('charges nothing for an order in another currency than the configuration’s', () => {
    expect(build('2026-11-24T02:00:00.000Z').returnLabelFee({ country: 'SG' }, 'SGD')).toBe(0)
  })
})
