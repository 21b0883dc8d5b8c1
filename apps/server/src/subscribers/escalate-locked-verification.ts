import type { EventBus } from '../shared/event-bus.ts'
import type { HandOffWorkflow } from '../workflows/hand-off/index.ts'

/**
 * Escalates a conversation to a person when its shopper failed verification too often
 * (`verification.locked`): the hand-off workflow opens a hand-over with the conversation's summary.
 * Returns the function that unsubscribes.
 */
export function subscribeLockedVerificationEscalation(
  eventBus: EventBus,
  handOff: Pick<HandOffWorkflow, 'requestHandOff'>,
): () => void {
  return eventBus.subscribe('verification.locked', async (event) => {
    await handOff.requestHandOff({ conversationId: event.aggregateId, reasons: [] })
  })
}
