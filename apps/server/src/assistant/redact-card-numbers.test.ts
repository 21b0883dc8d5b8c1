import { describe, expect, it } from 'vitest'
import { redactCardNumbers } from './redact-card-numbers.ts'

describe('redactCardNumbers', () => {
  it('masks card numbers that pass the Luhn check when a shopper types one', () => {
    expect(redactCardNumbers('pay with 4242 4242 4242 4242 please')).toBe(
      'pay with •••• 4242 please',
    )
    expect(redactCardNumbers('5555-5555-5555-4444')).toBe('•••• 4444')
  })

  it('keeps numbers that are not card numbers when they fail the Luhn check or are short', () => {
    expect(redactCardNumbers('order #W2378156, phone 0123456789')).toBe(
      'order #W2378156, phone 0123456789',
    )
    expect(redactCardNumbers('4242 4242 4242 4241')).toBe('4242 4242 4242 4241')
  })
})
