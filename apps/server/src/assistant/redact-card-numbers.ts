const candidatePattern = /\b(?:\d[ -]?){12,18}\d\b/g

function passesLuhn(digits: string): boolean {
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

/**
 * Replaces card numbers (13–19 digits passing the Luhn check, spaces or dashes allowed) with
 * `•••• 4242`, so a card typed in the chat is never stored or shown again in full.
 */
export function redactCardNumbers(text: string): string {
  return text.replace(candidatePattern, (match) => {
    const digits = match.replace(/[ -]/g, '')
    return digits.length >= 13 && passesLuhn(digits) ? `•••• ${digits.slice(-4)}` : match
  })
}
