import type { EventBus } from '../shared/event-bus.ts'
import {
  notifyFailedCharge,
  type FailedChargeNoticeDependencies,
} from '../workflows/notify-failed-charge/index.ts'

/**
 * Tells the customer when a price difference could not be charged to their saved card
 * (`charge.failed`, published once per charge). Returns the function that unsubscribes.
 */
export function subscribeFailedChargeNotice(
  eventBus: Pick<EventBus, 'subscribe'>,
  dependencies: FailedChargeNoticeDependencies,
): () => void {
  return eventBus.subscribe('charge.failed', async (event) => {
    const payload = event.payload as {
      amount?: unknown
      currency?: unknown
      paymentMethodReference?: unknown
    }
    if (
      typeof payload.amount !== 'number' ||
      typeof payload.currency !== 'string' ||
      typeof payload.paymentMethodReference !== 'string'
    ) {
      return
    }
    await notifyFailedCharge(dependencies, {
      orderId: event.aggregateId,
      amount: payload.amount,
      currency: payload.currency,
      paymentMethodReference: payload.paymentMethodReference,
    })
  })
}
