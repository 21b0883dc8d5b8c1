/**
 * Case- and accent-folded form of a name or e-mail for tolerant lookups: trimmed, decomposed (NFD),
 * combining marks dropped, lower-cased. `Álvaro` and `alvaro` match; nothing else is merged.
 */
export function foldForMatch(text: string): string {
  return text.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
