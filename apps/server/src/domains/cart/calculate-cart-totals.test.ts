import { describe, expect, it } from 'vitest'
import { calculateCartTotals } from './calculate-cart-totals.ts'

describe('calculateCartTotals', () => {
  const lines = [
    { unitPriceAmount: 25_900, quantity: 2 },
    { unitPriceAmount: 2_990, quantity: 1 },
  ]

  it('shows the tax contained in the total when prices include 6 % tax', () => {
    const totals = calculateCartTotals({
      lines,
      currency: 'MYR',
      tax: { rateBasisPoints: 600, mode: 'inclusive' },
    })
    expect(totals.subtotal.amount).toBe(54_790)
    expect(totals.total.amount).toBe(54_790)
    expect(totals.tax.amount).toBe(3_101)
    expect(totals.itemCount).toBe(3)
  })

  it('adds the tax on top when prices exclude it', () => {
    const totals = calculateCartTotals({
      lines,
      currency: 'MYR',
      tax: { rateBasisPoints: 600, mode: 'exclusive' },
    })
    expect(totals.tax.amount).toBe(3_287)
    expect(totals.total.amount).toBe(54_790 + 3_287)
  })

  it('taxes shipping after the discount and never discounts below zero when the discount is larger than the items', () => {
    const totals = calculateCartTotals({
      lines: [{ unitPriceAmount: 1_000, quantity: 1 }],
      currency: 'MYR',
      discountAmount: 5_000,
      shippingAmount: 800,
      tax: { rateBasisPoints: 1_000, mode: 'exclusive' },
    })
    expect(totals.discount.amount).toBe(1_000)
    expect(totals.tax.amount).toBe(80)
    expect(totals.total.amount).toBe(880)
  })

  it('charges no tax when the rate is zero', () => {
    const totals = calculateCartTotals({
      lines,
      currency: 'MYR',
      tax: { rateBasisPoints: 0, mode: 'exclusive' },
    })
    expect(totals.tax.amount).toBe(0)
    expect(totals.total.amount).toBe(54_790)
  })
})
