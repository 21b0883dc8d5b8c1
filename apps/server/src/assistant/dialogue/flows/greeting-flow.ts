import type { Flow } from '../flow.ts'

/** Answers a greeting with what the bot can do. */
export const greetingFlow: Flow = {
  name: 'greeting',
  intents: ['greeting'],
  complete: () => ({
    replies: [
      {
        key: 'greeting',
        choices: [
          { label: 'choice-find-product', payload: '/intent:product_search' },
          { label: 'choice-track-order', payload: '/intent:track_order' },
          { label: 'choice-store-policies', payload: '/intent:store_policy' },
        ],
      },
    ],
  }),
}
