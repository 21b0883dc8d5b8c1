/**
 * Python's number formatting and `json.dumps(…, sort_keys=True)`, so τ²-bench exports and the
 * `calculate` tool print exactly what τ²'s Python reference prints (and hash to the same sha256).
 */

/** Python's `round(value, digits)` for floats: the nearest decimal, ties (exact in binary) to even. */
export function roundLikePython(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value
  const factor = 10 ** digits
  const scaled = value * factor
  const isExactTie = Number.isInteger(value * 2 ** 10) && Math.abs(scaled % 1) === 0.5
  if (isExactTie) {
    const lower = Math.floor(scaled)
    const even = lower % 2 === 0 ? lower : lower + 1
    return even / factor
  }
  return Number(value.toFixed(digits))
}

/** Python's `repr(float)`: shortest round-trip digits, `.0` on whole numbers, `1e-05` exponents. */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  const text = String(value)
  return text.includes('.') ? text : `${text}.0`
}

function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (character) => {
    const code = character.charCodeAt(0)
    return code === 0x7f ? character : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/**
 * `json.dumps(value, sort_keys=True)` with Python's default separators and `ensure_ascii`; every
 * number is written as a Python float (τ²'s data model has no integer fields).
 */
export function dumpPythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return formatPythonFloat(value)
  if (typeof value === 'string') return quote(value)
  if (Array.isArray(value)) return `[${value.map((entry) => dumpPythonJson(entry)).join(', ')}]`
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort((first, second) =>
      first < second ? -1 : first > second ? 1 : 0,
    )
    const record = value as Record<string, unknown>
    return `{${keys.map((key) => `${quote(key)}: ${dumpPythonJson(record[key])}`).join(', ')}}`
  }
  return 'null'
}
