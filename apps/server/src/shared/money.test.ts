import { describe, expect, it } from 'vitest'
import { addMoney, formatMoney, parseDecimalAmount, toDecimalNumber } from './money.ts'

describe('money', () => {
  it('converts decimal amounts to integer minor units without float drift', () => {
    expect(parseDecimalAmount('259.00', 'MYR').amount).toBe(25900)
    expect(parseDecimalAmount(47.84, 'MYR').amount).toBe(4784)
    expect(parseDecimalAmount(0.1 + 0.2, 'MYR').amount).toBe(30)
    expect(parseDecimalAmount('1.005', 'MYR').amount).toBe(101)
    expect(parseDecimalAmount('500', 'JPY').amount).toBe(500)
  })

  it('rejects text that is not an amount', () => {
    expect(() => parseDecimalAmount('12,00', 'MYR')).toThrow(RangeError)
  })

  it('round-trips to decimal numbers for export formats', () => {
    expect(toDecimalNumber({ amount: 53665, currency: 'MYR' })).toBe(536.65)
  })

  it('adds amounts of one currency and refuses to mix currencies', () => {
    expect(
      addMoney({ amount: 100, currency: 'MYR' }, { amount: 250, currency: 'MYR' }).amount,
    ).toBe(350)
    expect(() => addMoney({ amount: 1, currency: 'MYR' }, { amount: 1, currency: 'TWD' })).toThrow(
      /mismatch/,
    )
  })

  it('formats for the shopper with the currency symbol', () => {
    expect(formatMoney({ amount: 25900, currency: 'MYR' }, 'en-MY')).toMatch(/^RM\s?259\.00$/)
  })
})
