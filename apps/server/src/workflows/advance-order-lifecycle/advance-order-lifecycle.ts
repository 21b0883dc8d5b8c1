import type { OrderService } from '../../domains/orders/index.ts'

/** Hours an order waits in each step before the store moves it on (the demo's fulfilment pace). */
export interface OrderLifecycleSchedule {
  /** `pending` → `processed` (picked and packed). */
  readonly processAfterHours: number
  /** `processed` → `shipped` (handed to the carrier, which then reports scans until delivery). */
  readonly shipAfterHours: number
}

/** The demo store's pace: processed after 2 hours, shipped 12 hours after that. */
export const defaultOrderLifecycleSchedule: OrderLifecycleSchedule = {
  processAfterHours: 2,
  shipAfterHours: 12,
}

/** How many orders one pass moved. */
export interface LifecycleReport {
  readonly processed: number
  readonly shipped: number
  readonly delivered: number
}

const hourMs = 3_600_000

/**
 * One pass of the store's fulfilment: pending orders older than the schedule become processed,
 * processed ones are shipped (the carrier issues tracking), and shipped ones are delivered when the
 * carrier says so. Each step publishes its `order.<status>` event. Safe to run repeatedly.
 * `placedSince` limits the pass to orders placed from then on (the demo leaves imported history alone).
 */
export async function advanceOrderLifecycle(
  orders: OrderService,
  schedule: OrderLifecycleSchedule,
  now: Date,
  options: { readonly placedSince?: string | undefined } = {},
): Promise<LifecycleReport> {
  const before = (hours: number) => new Date(now.getTime() - hours * hourMs).toISOString()
  let processed = 0
  let shipped = 0
  let delivered = 0
  for (const order of await orders.listOrders({
    statuses: ['pending'],
    placedSince: options.placedSince,
    updatedBefore: before(schedule.processAfterHours),
  })) {
    if ((await orders.advanceOrder(order.number, 'processed')).ok) processed += 1
  }
  for (const order of await orders.listOrders({
    statuses: ['processed'],
    placedSince: options.placedSince,
    updatedBefore: before(schedule.shipAfterHours),
  })) {
    if ((await orders.advanceOrder(order.number, 'shipped')).ok) shipped += 1
  }
  for (const order of await orders.listOrders({
    statuses: ['shipped'],
    placedSince: options.placedSince,
  })) {
    const refreshed = await orders.refreshTracking(order.number)
    if (refreshed.ok && refreshed.value.status === 'delivered') delivered += 1
  }
  return { processed, shipped, delivered }
}
