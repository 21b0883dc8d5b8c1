/**
 * Words that cancel whatever the bot is doing, in every supported language. Matched against the whole
 * message (trimmed, lower-cased, without punctuation), so "cancel my order" still reaches the
 * cancel-order flow.
 */
export const cancelWords: ReadonlySet<string> = new Set([
  'cancel',
  'stop',
  'never mind',
  'nevermind',
  'forget it',
  'quit',
  'cancel that',
  'exit',
  '取消',
  '算了',
  '不用了',
  '停止',
  '不要了',
  'batal',
  'batalkan',
  'tak jadi',
  'lupakan',
  'berhenti',
  'tak payah',
])

/** True when the whole message asks to cancel the current flow. */
export function isCancelRequest(text: string): boolean {
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return cancelWords.has(normalized)
}

/** Prefix of payloads sent by tapped quick replies: `/intent:track_order`, `/yes`, `/no`, `/cancel`. */
export const commandPrefix = '/'
