import type { Flow } from '../flow.ts'

/** Answers thanks. */
export const thanksFlow: Flow = {
  name: 'thanks',
  intents: ['thanks'],
  complete: () => ({ replies: [{ key: 'thanks' }] }),
}
