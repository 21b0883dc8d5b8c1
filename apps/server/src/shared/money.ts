/**
 * An amount of money in integer minor units (sen, cents) with its ISO 4217 currency.
 * Never a float: `{ amount: 25900, currency: 'MYR' }` is RM259.00.
 */
export interface Money {
  readonly amount: number
  readonly currency: string
}

const minorUnitDigitsCache = new Map<string, number>()

/** Number of decimal digits of a currency's minor unit (2 for MYR, 0 for JPY). */
export function minorUnitDigits(currency: string): number {
  const cached = minorUnitDigitsCache.get(currency)
  if (cached !== undefined) return cached
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  minorUnitDigitsCache.set(currency, digits)
  return digits
}

/** Makes a {@link Money}; throws on a non-integer amount, which is always a programming error. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money amount must be an integer, got ${amount}`)
  return { amount, currency }
}

/**
 * Converts a decimal amount written as text or a number (`"259.00"`, `47.84`) to minor units,
 * rounding half away from zero at the currency's precision.
 */
export function parseDecimalAmount(value: string | number, currency: string): Money {
  const digits = minorUnitDigits(currency)
  const text = typeof value === 'number' ? value.toFixed(digits + 2) : value.trim()
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a decimal amount: ${String(value)}`)
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.')
  const padded = (fraction + '0'.repeat(digits + 1)).slice(0, digits + 1)
  let minor = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0')
  if (Number(padded.slice(digits)) >= 5) minor += 1
  return money(negative ? -minor : minor, currency)
}

/** The amount as a plain decimal number of major units (for export formats that use floats). */
export function toDecimalNumber(value: Money): number {
  const digits = minorUnitDigits(value.currency)
  return Number((value.amount / 10 ** digits).toFixed(digits))
}

/** Adds amounts of the same currency; throws on a currency mismatch (a programming error). */
export function addMoney(first: Money, ...rest: Money[]): Money {
  let amount = first.amount
  for (const other of rest) {
    if (other.currency !== first.currency) {
      throw new RangeError(`currency mismatch: ${first.currency} and ${other.currency}`)
    }
    amount += other.amount
  }
  return money(amount, first.currency)
}

/** Formats for a shopper with `Intl.NumberFormat`, e.g. `RM259.00` or `MYR 259.00` by locale. */
export function formatMoney(value: Money, locale: string): string {
  const digits = minorUnitDigits(value.currency)
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.amount / 10 ** digits,
  )
}
