import type { MessageDto } from '@kedai/contracts'
import { describe, expect, it } from 'vitest'
import { dropDelivered, lastSequenceOf, mergeMessages } from './merge-messages.ts'

function message(
  sequence: number,
  text = `message ${sequence}`,
  id = `msg_${sequence}`,
): MessageDto {
  return {
    id,
    conversationId: 'conv_1',
    sequence,
    direction: sequence % 2 === 0 ? 'outbound' : 'inbound',
    authorRole: sequence % 2 === 0 ? 'bot' : 'shopper',
    content: { type: 'text', text },
    channelMessageId: sequence % 2 === 0 ? null : `client_${sequence}`,
    createdAt: '2026-11-24T00:00:00.000Z',
  }
}

describe('mergeMessages', () => {
  it('keeps one copy of each message when a reconnect replays messages already shown', () => {
    const shown = [message(1), message(2), message(3)]
    const replayed = [message(2), message(3), message(4), message(5)]
    const merged = mergeMessages(shown, replayed)
    expect(merged.map((item) => item.sequence)).toEqual([1, 2, 3, 4, 5])
  })

  it('orders by sequence when frames arrive out of order', () => {
    const merged = mergeMessages([message(1)], [message(4), message(2), message(3)])
    expect(merged.map((item) => item.sequence)).toEqual([1, 2, 3, 4])
  })

  it('returns the same array when nothing is new', () => {
    const shown = [message(1), message(2)]
    expect(mergeMessages(shown, [message(2)])).toBe(shown)
    expect(mergeMessages(shown, [])).toBe(shown)
  })

  it('replaces a message when the server sends a different message for that sequence', () => {
    const merged = mergeMessages([message(1, 'old', 'msg_a')], [message(1, 'new', 'msg_b')])
    expect(merged).toHaveLength(1)
    expect(merged[0]?.id).toBe('msg_b')
  })
})

describe('lastSequenceOf', () => {
  it('returns the highest sequence when messages are held', () => {
    expect(lastSequenceOf([message(3), message(7), message(5)])).toBe(7)
  })

  it('returns 0 when no message is held', () => {
    expect(lastSequenceOf([])).toBe(0)
  })
})

describe('dropDelivered', () => {
  it('removes only the pending messages the server has stored', () => {
    const outbox = [{ clientMessageId: 'client_1' }, { clientMessageId: 'client_9' }]
    expect(dropDelivered(outbox, [message(1), message(2)])).toEqual([
      { clientMessageId: 'client_9' },
    ])
  })

  it('matches the server-scoped id when the server prefixes the conversation id', () => {
    const stored = { ...message(1), channelMessageId: 'conv_1/client_7' }
    expect(dropDelivered([{ clientMessageId: 'client_7' }], [stored])).toEqual([])
  })

  it('returns the same outbox when nothing was delivered', () => {
    const outbox = [{ clientMessageId: 'client_9' }]
    expect(dropDelivered(outbox, [message(1)])).toBe(outbox)
  })
})
