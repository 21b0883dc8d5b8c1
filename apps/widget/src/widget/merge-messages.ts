import type { MessageDto } from '@kedai/contracts'

/**
 * Adds `incoming` messages to `current`, keeping one copy of each (by id, and by sequence: the
 * server gives every message of a conversation its own sequence) in sequence order. Replayed frames
 * after a reconnect, a REST reply and the same message pushed on the socket all land once.
 * Returns `current` itself when nothing is new, so views can skip a render.
 */
export function mergeMessages(
  current: readonly MessageDto[],
  incoming: readonly MessageDto[],
): readonly MessageDto[] {
  if (incoming.length === 0) return current
  const bySequence = new Map<number, MessageDto>()
  for (const message of current) bySequence.set(message.sequence, message)
  let changed = false
  for (const message of incoming) {
    const existing = bySequence.get(message.sequence)
    if (existing !== undefined && existing.id === message.id) continue
    bySequence.set(message.sequence, message)
    changed = true
  }
  if (!changed) return current
  return [...bySequence.values()].sort((left, right) => left.sequence - right.sequence)
}

/** The highest sequence held (0 when empty): what to resume after. */
export function lastSequenceOf(messages: readonly MessageDto[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.sequence), 0)
}

/**
 * Removes from the outbox the messages the server has stored, matched by client message id (the
 * server may scope it as `<conversation id>/<client message id>`).
 */
export function dropDelivered<T extends { readonly clientMessageId: string }>(
  outbox: readonly T[],
  messages: readonly MessageDto[],
): readonly T[] {
  const delivered = new Set<string>()
  for (const message of messages) {
    const id = message.channelMessageId
    if (id === null) continue
    delivered.add(id)
    delivered.add(id.slice(id.lastIndexOf('/') + 1))
  }
  const remaining = outbox.filter((pending) => !delivered.has(pending.clientMessageId))
  return remaining.length === outbox.length ? outbox : remaining
}
