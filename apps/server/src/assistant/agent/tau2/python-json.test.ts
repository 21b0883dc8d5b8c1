import { describe, expect, it } from 'vitest'
import { dumpPythonJson, formatPythonFloat, roundLikePython } from './python-json.ts'

describe('formatPythonFloat', () => {
  it('writes whole numbers with .0 and keeps shortest digits when formatting like repr', () => {
    expect(formatPythonFloat(100)).toBe('100.0')
    expect(formatPythonFloat(0.04999999999999716)).toBe('0.04999999999999716')
    expect(formatPythonFloat(-16.63)).toBe('-16.63')
    expect(formatPythonFloat(-0)).toBe('-0.0')
  })

  it('switches to Python exponents when the number is tiny or huge', () => {
    expect(formatPythonFloat(0.00001)).toBe('1e-05')
    expect(formatPythonFloat(1e16)).toBe('1e+16')
    expect(formatPythonFloat(0.0001)).toBe('0.0001')
  })
})

describe('roundLikePython', () => {
  it('rounds exact binary ties to even when the value is a tie', () => {
    expect(roundLikePython(0.125, 2)).toBe(0.12)
    expect(roundLikePython(0.375, 2)).toBe(0.38)
  })

  it('rounds by the exact binary value when the decimal looks like a tie', () => {
    expect(roundLikePython(1.005, 2)).toBe(1)
    expect(roundLikePython(2.675, 2)).toBe(2.67)
    expect(roundLikePython(8276.2300000001, 2)).toBe(8276.23)
  })
})

describe('dumpPythonJson', () => {
  it('sorts keys and uses Python separators and escapes when dumping', () => {
    expect(dumpPythonJson({ b: [1, 'é'], a: null, c: true })).toBe(
      '{"a": null, "b": [1.0, "\\u00e9"], "c": true}',
    )
  })
})
