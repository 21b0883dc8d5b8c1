import type { Flow } from '../flow.ts'

/** A "no" when nothing was asked. */
export const denyFlow: Flow = {
  name: 'deny',
  intents: ['deny'],
  complete: () => ({ replies: [{ key: 'deny-idle' }] }),
}
