import type { EventBus } from '../shared/event-bus.ts'
import type { RefundSettlement } from '../workflows/settle-order-refunds/index.ts'

/**
 * The order changes that may record refunds: cancellation, cheaper items, another payment method,
 * the items of a cheaper exchange received, a return refunded.
 */
const refundingOrderEvents = [
  'order.cancelled',
  'order.items-modified',
  'order.payment-changed',
  'order.return-received',
  'order.refunded',
]

/**
 * Sends an order's new refunds to its payment provider as soon as the change is stored (after
 * commit, when the event is published). A refund the provider does not take now stays pending for
 * the refund job. Returns the function that unsubscribes.
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
