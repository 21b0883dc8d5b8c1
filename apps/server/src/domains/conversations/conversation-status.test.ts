import { describe, expect, it } from 'vitest'
import { conversationStatuses } from '@kedai/contracts'
import {
  conversationStatusEvents,
  conversationStatusTransitions,
  transitionConversationStatus,
} from './conversation-status.ts'

describe('transitionConversationStatus', () => {
  it('moves a bot conversation to waiting-for-agent when a hand-over is requested', () => {
    expect(transitionConversationStatus('bot-active', 'hand-over-requested')).toBe(
      'waiting-for-agent',
    )
    expect(transitionConversationStatus('waiting-for-agent', 'agent-joined')).toBe('agent-active')
    expect(transitionConversationStatus('agent-active', 'returned-to-bot')).toBe('bot-active')
  })

  it('refuses events the table does not list when they make no sense in the status', () => {
    expect(transitionConversationStatus('agent-active', 'hand-over-requested')).toBeUndefined()
    expect(transitionConversationStatus('bot-active', 'shopper-returned')).toBeUndefined()
  })

  it('only leads to known statuses from every status when any event happens', () => {
    for (const status of conversationStatuses) {
      for (const event of conversationStatusEvents) {
        const next = conversationStatusTransitions[status][event]
        if (next !== undefined) expect(conversationStatuses).toContain(next)
      }
      expect(conversationStatusTransitions[status]).toBeDefined()
    }
  })
})
