import { describe, expect, it } from 'vitest'
import { evaluateArithmetic } from './evaluate-arithmetic.ts'

describe('evaluateArithmetic', () => {
  it('prints the rounded result like Python when the expression is valid', () => {
    expect(evaluateArithmetic('3131.1 + 4777.75 + 367.38')).toEqual({ ok: true, value: '8276.23' })
    expect(evaluateArithmetic('155.33 - 147.05 + 268.77 - 235.13')).toEqual({
      ok: true,
      value: '41.92',
    })
    expect(evaluateArithmetic('(2 + 2) * 3 / 4')).toEqual({ ok: true, value: '3.0' })
    expect(evaluateArithmetic('-(1.5) * 2')).toEqual({ ok: true, value: '-3.0' })
  })

  it('returns the reference error texts when the expression is invalid', () => {
    expect(evaluateArithmetic('2 ** x')).toEqual({
      ok: false,
      reason: 'Invalid characters in expression',
    })
    expect(evaluateArithmetic('1 / 0')).toEqual({ ok: false, reason: 'division by zero' })
    expect(evaluateArithmetic('1 +')).toEqual({ ok: false, reason: 'invalid syntax' })
    expect(evaluateArithmetic('(1 + 2')).toEqual({ ok: false, reason: 'invalid syntax' })
  })
})
