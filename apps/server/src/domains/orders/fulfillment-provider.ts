import type { Order, TrackingEvent } from './order.ts'

/** What a carrier reports for one shipment. */
export interface ShipmentStatus {
  /** `label-created`, `in-transit`, `out-for-delivery`, `delivered`. */
  readonly status: string
  readonly events: readonly TrackingEvent[]
  readonly estimatedDeliveryAt: string | null
  readonly deliveredAt: string | null
}

/**
 * A carrier or fulfilment service (port owned by orders). Adapters live in
 * `adapters/fulfillment-<vendor>/`; the demo adapter advances orders through the lifecycle on a
 * configured schedule.
 */
export interface FulfillmentProvider {
  /** Carrier name shown to shoppers. */
  readonly carrier: string
  /** The public tracking page for a tracking number. */
  trackingUrl(trackingNumber: string): string
  /** Creates a shipment for an order when it is handed to the carrier; returns its tracking number. */
  createShipment(order: Order, now: Date): Promise<{ trackingNumber: string }>
  /** Fetches the current status and scans of a shipment; an unknown number is `undefined`. */
  fetchTracking(trackingNumber: string, now: Date): Promise<ShipmentStatus | undefined>
}
