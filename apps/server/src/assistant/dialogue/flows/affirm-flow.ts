import type { Flow } from '../flow.ts'

/** A "yes" when nothing was asked: invites the next request. */
export const affirmFlow: Flow = {
  name: 'affirm',
  intents: ['affirm'],
  complete: () => ({ replies: [{ key: 'affirm-idle' }] }),
}
