import type {
  FulfillmentProvider,
  ShipmentStatus,
  TrackingEvent,
} from '../../domains/orders/index.ts'

/** Hours after hand-over at which the demo carrier reports each scan. */
export interface DemoFulfillmentSchedule {
  readonly inTransitAfterHours: number
  readonly outForDeliveryAfterHours: number
  readonly deliveredAfterHours: number
}

/** The demo carrier's default schedule: in transit after 6 h, out for delivery after 48 h, delivered after 56 h. */
export const defaultDemoFulfillmentSchedule: DemoFulfillmentSchedule = {
  inTransitAfterHours: 6,
  outForDeliveryAfterHours: 48,
  deliveredAfterHours: 56,
}

const hourMs = 3_600_000

/**
 * A carrier for the demo store that needs no network: the tracking number encodes when the parcel was
 * handed over (`KDX` + base-36 seconds + order digits), and tracking scans follow the configured
 * schedule from then, so orders advance through the lifecycle as time passes.
 */
export function createDemoFulfillmentProvider(
  options: { schedule?: DemoFulfillmentSchedule; trackingUrlBase?: string } = {},
): FulfillmentProvider {
  const schedule = options.schedule ?? defaultDemoFulfillmentSchedule
  const base = options.trackingUrlBase ?? 'https://track.kedai.example/'
  return {
    carrier: 'demo-express',
    trackingUrl: (trackingNumber) => `${base}${encodeURIComponent(trackingNumber)}`,
    async createShipment(order, now) {
      const seconds = Math.floor(now.getTime() / 1000)
        .toString(36)
        .toUpperCase()
      const digits = order.number.replace(/\D/g, '').slice(-7).padStart(7, '0')
      return { trackingNumber: `KDX${seconds}${digits}` }
    },
    async fetchTracking(trackingNumber, now): Promise<ShipmentStatus | undefined> {
      const match = /^KDX([0-9A-Z]+)(\d{7})$/.exec(trackingNumber)
      if (match === null) return undefined
      const shippedAt = Number.parseInt(match[1] ?? '', 36) * 1000
      if (!Number.isFinite(shippedAt)) return undefined
      const scan = (
        hours: number,
        status: string,
        description: string,
        location: string,
      ): TrackingEvent => ({
        at: new Date(shippedAt + hours * hourMs).toISOString(),
        status,
        description,
        location,
      })
      const all = [
        scan(0, 'picked-up', 'Picked up by Demo Express', 'Shah Alam hub'),
        scan(
          schedule.inTransitAfterHours,
          'in-transit',
          'In transit to the destination hub',
          'Kuala Lumpur hub',
        ),
        scan(
          schedule.outForDeliveryAfterHours,
          'out-for-delivery',
          'Out for delivery',
          'Local delivery office',
        ),
        scan(schedule.deliveredAfterHours, 'delivered', 'Delivered', 'Destination'),
      ]
      const events = all.filter((event) => Date.parse(event.at) <= now.getTime())
      const latest = events.at(-1)
      const delivered = latest?.status === 'delivered'
      return {
        status: latest?.status ?? 'label-created',
        events,
        estimatedDeliveryAt: new Date(
          shippedAt + schedule.deliveredAfterHours * hourMs,
        ).toISOString(),
        deliveredAt: delivered ? (latest?.at ?? null) : null,
      }
    },
  }
}
