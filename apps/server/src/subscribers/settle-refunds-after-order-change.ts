import type { EventBus } from '../shared/event-bus.ts'
import type { RefundSettlement } from '../workflows/settle-order-refunds/index.ts'

/**
 * The order changes that may record refunds or charges: cancellation, other items (cheaper or
 * dearer), another payment method, the items of an exchange received, a return refunded.
 */
const refundingOrderEvents = [
  'order.cancelled',
  'order.items-modified',
  'order.payment-changed',
  'order.return-received',
  'order.refunded',
]

/**
 * Sends an order's new refunds (and charges of a price difference to a saved card) to the payment
 * provider as soon as the change is stored (after commit, when the event is published). One the
 * provider does not take now stays pending for the refund job. Returns the function that
 * unsubscribes.
 */
export function subscribeRefundSettlement(
  eventBus: Pick<EventBus, 'subscribe'>,
  settlement: Pick<RefundSettlement, 'settleOrder'>,
): () => void {
  const stops = refundingOrderEvents.map((type) =>
    eventBus.subscribe(type, async (event) => {
      await settlement.settleOrder(event.aggregateId)
    }),
  )
  return () => {
    for (const stop of stops) stop()
  }
}
