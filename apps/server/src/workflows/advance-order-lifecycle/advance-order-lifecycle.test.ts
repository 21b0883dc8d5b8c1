import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrderService, type FulfillmentProvider } from '../../domains/orders/index.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createTestDependencies, loadTau2TestStore } from '../../testing/tau2-test-store.ts'
import { advanceOrderLifecycle } from './advance-order-lifecycle.ts'

// A carrier that delivers 24 hours after hand-over: the port's contract, without network.
const carrier: FulfillmentProvider = {
  carrier: 'day-carrier',
  trackingUrl: (trackingNumber) => `https://carrier.example/${trackingNumber}`,
  createShipment: async (order, now) => ({
    trackingNumber: `D${now.getTime()}${order.number.slice(2)}`,
  }),
  fetchTracking: async (trackingNumber, now) => {
    const shippedAt = Number(trackingNumber.slice(1, 14))
    const delivered = now.getTime() >= shippedAt + 24 * 3_600_000
    const at = new Date(shippedAt + 24 * 3_600_000).toISOString()
    return {
      status: delivered ? 'delivered' : 'in-transit',
      events: delivered ? [{ at, status: 'delivered', description: 'Delivered' }] : [],
      estimatedDeliveryAt: at,
      deliveredAt: delivered ? at : null,
    }
  },
}

describe('advanceOrderLifecycle', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await loadTau2TestStore(database.handle)
  }, 60_000)
  afterAll(async () => {
    await database.dispose()
  })

  it('moves new orders from pending to delivered on schedule and leaves older history alone when passes run', async () => {
    const dependencies = createTestDependencies(database.handle.db, clock)
    const orders = createOrderService({ ...dependencies, fulfillmentProvider: carrier })
    const since = clock.now().toISOString()
    const placed = await orders.createOrder({
      number: '#K2000001',
      customerId: (
        await database.handle.db.selectFrom('customers').select('id').executeTakeFirstOrThrow()
      ).id,
      currency: 'USD',
      shippingAddress: {
        line1: '1 Main St',
        line2: '',
        city: 'Austin',
        state: 'TX',
        postcode: '73301',
        country: 'USA',
      },
      items: [],
      shippingAmount: 0,
      discountAmount: 0,
      taxAmount: 0,
      payments: [],
    })
    const schedule = { processAfterHours: 1, shipAfterHours: 2 }
    const pass = () => advanceOrderLifecycle(orders, schedule, clock.now(), { placedSince: since })
    expect(await pass()).toEqual({ processed: 0, shipped: 0, delivered: 0 })
    clock.advance(3_600_000)
    expect(await pass()).toEqual({ processed: 1, shipped: 0, delivered: 0 })
    clock.advance(2 * 3_600_000)
    expect(await pass()).toEqual({ processed: 0, shipped: 1, delivered: 0 })
    clock.advance(24 * 3_600_000)
    expect(await pass()).toEqual({ processed: 0, shipped: 0, delivered: 1 })
    const view = await orders.trackOrder(placed.number)
    expect(view?.status).toBe('delivered')
    expect(
      dependencies.events
        .filter((event) => event.aggregateId === placed.id)
        .map((event) => event.type),
    ).toEqual(['order.placed', 'order.processed', 'order.shipped', 'order.delivered'])
    expect((await orders.getOrderByNumber('#W6779827'))?.status).toBe('pending')
  })
})
