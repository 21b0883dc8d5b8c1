import type { CardSummary, DeclineReason } from '../../domains/payments/index.ts'

/** What a sandbox card does when used. */
export const sandboxCardBehaviours = [
  'approve',
  'decline',
  'insufficient-funds',
  'three-d-secure',
] as const

/** One of {@link sandboxCardBehaviours}. */
export type SandboxCardBehaviour = (typeof sandboxCardBehaviours)[number]

/**
 * The sandbox's test cards (the numbers Stripe documents, so shoppers and testers know them).
 * Any other number that passes the Luhn check approves.
 */
export const sandboxTestCards: Readonly<Record<string, SandboxCardBehaviour>> = {
  '4242424242424242': 'approve',
  '5555555555554444': 'approve',
  '4000000000000002': 'decline',
  '4000000000009995': 'insufficient-funds',
  '4000002760003184': 'three-d-secure',
}

/** The decline reason each declining behaviour reports. */
export const sandboxDeclineReasons: Partial<Record<SandboxCardBehaviour, DeclineReason>> = {
  decline: 'card-declined',
  'insufficient-funds': 'insufficient-funds',
}

/** True when `digits` passes the Luhn checksum card numbers carry. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** The card brand from the number's leading digits. */
export function detectCardBrand(digits: string): string {
  if (digits.startsWith('4')) return 'visa'
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  return 'card'
}

/** A parsed sandbox token: `tok_sandbox_<behaviour>_<brand>_<last four>`. */
export interface SandboxToken {
  readonly behaviour: SandboxCardBehaviour
  readonly card: CardSummary
}

/** Turns a typed card number into a sandbox token; the number itself goes no further. */
export function tokenizeSandboxCard(
  number: string,
): { ok: true; token: string; card: CardSummary } | { ok: false; reason: 'invalid-card-number' } {
  const digits = number.replace(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(digits) || !isLuhnValid(digits))
    return { ok: false, reason: 'invalid-card-number' }
  const behaviour = sandboxTestCards[digits] ?? 'approve'
  const card = { brand: detectCardBrand(digits), lastFour: digits.slice(-4) }
  return { ok: true, token: `tok_sandbox_${behaviour}_${card.brand}_${card.lastFour}`, card }
}

/** Reads a sandbox token back; `undefined` when it is not one. */
export function parseSandboxToken(token: string): SandboxToken | undefined {
  const match = /^tok_sandbox_([a-z-]+)_([a-z]+)_(\d{4})$/.exec(token)
  if (match === null) return undefined
  const behaviour = sandboxCardBehaviours.find((candidate) => candidate === match[1])
  if (behaviour === undefined) return undefined
  return { behaviour, card: { brand: match[2] ?? 'card', lastFour: match[3] ?? '0000' } }
}
