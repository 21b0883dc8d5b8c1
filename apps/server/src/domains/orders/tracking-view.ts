import type { FulfillmentProvider } from './fulfillment-provider.ts'
import type { Order, TrackingEvent } from './order.ts'
import type { OrderStatus } from './order-status.ts'

/** What a shopper sees when asking "where is my order?". */
export interface TrackingView {
  readonly orderNumber: string
  readonly status: OrderStatus
  readonly placedAt: string
  readonly items: readonly {
    sku: string
    name: string
    options: Readonly<Record<string, string>>
    quantity: number
  }[]
  readonly fulfillments: readonly {
    carrier: string | null
    trackingNumbers: readonly string[]
    trackingUrl: string | null
    status: string
    latestEvent: TrackingEvent | null
  }[]
  readonly latestEvent: TrackingEvent | null
  /** When the order should arrive (or arrived); null once cancelled. */
  readonly estimatedDeliveryAt: string | null
}

/** Days from each status to expected delivery, used when the carrier gives no estimate. */
export const deliveryDaysByStatus: Readonly<Partial<Record<OrderStatus, number>>> = {
  pending: 6,
  processed: 5,
  shipped: 3,
}

const dayMs = 86_400_000

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * dayMs).toISOString()
}

/** Builds the {@link TrackingView} of an order; tracking links come from the provider when known. */
export function buildTrackingView(
  order: Order,
  provider: Pick<FulfillmentProvider, 'trackingUrl'> | undefined,
): TrackingView {
  const fulfillments = order.fulfillments.map((fulfillment) => {
    const latest = fulfillment.events.at(-1) ?? null
    const first = fulfillment.trackingNumbers[0]
    return {
      carrier: fulfillment.carrier,
      trackingNumbers: fulfillment.trackingNumbers,
      trackingUrl:
        first === undefined || provider === undefined ? null : provider.trackingUrl(first),
      status: fulfillment.status,
      latestEvent: latest,
    }
  })
  const allEvents = order.fulfillments.flatMap((fulfillment) => fulfillment.events)
  const latestEvent =
    [...allEvents].sort((first, second) => first.at.localeCompare(second.at)).at(-1) ?? null
  let estimatedDeliveryAt: string | null = null
  const delivered = order.fulfillments
    .map((fulfillment) => fulfillment.deliveredAt)
    .filter((value) => value !== null)
  if (order.status === 'cancelled') estimatedDeliveryAt = null
  else if (delivered.length > 0) estimatedDeliveryAt = delivered.sort().at(-1) ?? null
  else {
    const shipped = order.fulfillments
      .map((fulfillment) => fulfillment.shippedAt)
      .filter((value) => value !== null)
    const base =
      order.status === 'shipped' && shipped.length > 0
        ? (shipped.sort().at(-1) ?? order.placedAt)
        : order.placedAt
    // Until the parcel ships, the date promised at checkout stands (the shopper was told it); after
    // that the carrier's pace decides.
    const promised = readPromisedDelivery(order.details)
    const days = deliveryDaysByStatus[order.status]
    estimatedDeliveryAt =
      promised !== undefined && (order.status === 'pending' || order.status === 'processed')
        ? promised
        : days === undefined
          ? null
          : addDays(base, days)
  }
  return {
    orderNumber: order.number,
    status: order.status,
    placedAt: order.placedAt,
    items: order.items.map((item) => ({
      sku: item.sku,
      name: item.name,
      options: item.options,
      quantity: item.quantity,
    })),
    fulfillments,
    latestEvent,
    estimatedDeliveryAt,
  }
}

/** The latest delivery date the checkout promised (`details.estimatedDelivery`), when it did. */
function readPromisedDelivery(details: Readonly<Record<string, unknown>>): string | undefined {
  const estimate = details['estimatedDelivery']
  if (typeof estimate !== 'object' || estimate === null) return undefined
  const { latest, earliest } = estimate as { latest?: unknown; earliest?: unknown }
  const date = typeof latest === 'string' ? latest : typeof earliest === 'string' ? earliest : ''
  return Number.isNaN(Date.parse(date)) ? undefined : date
}
