import type { Flow } from '../flow.ts'

/** Says goodbye and marks the conversation resolved (it reopens when the shopper writes again). */
export const goodbyeFlow: Flow = {
  name: 'goodbye',
  intents: ['goodbye'],
  complete: () => ({ replies: [{ key: 'goodbye' }], resolve: true }),
}
