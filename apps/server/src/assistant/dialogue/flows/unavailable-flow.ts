import type { Flow } from '../flow.ts'

/**
 * Answers intents whose flows are not wired in this installation yet: says so honestly and offers
 * a person, instead of pretending to understand.
 */
export const unavailableFlow: Flow = {
  name: 'unavailable',
  intents: [],
  complete: () => ({
    replies: [
      {
        key: 'not-yet-available',
        choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
      },
    ],
  }),
}
