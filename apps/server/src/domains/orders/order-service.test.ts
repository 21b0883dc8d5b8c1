import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import type { FulfillmentProvider } from './fulfillment-provider.ts'
import { createOrderService } from './order-service.ts'

// A carrier that answers from a table of scans: the port's contract exercised without network.
const carrier: FulfillmentProvider = {
  carrier: 'table-carrier',
  trackingUrl: (trackingNumber) => `https://carrier.example/track/${trackingNumber}`,
  createShipment: async () => ({ trackingNumber: 'TC123' }),
  fetchTracking: async (trackingNumber, now) =>
    trackingNumber !== 'TC123'
      ? undefined
      : {
          status: 'delivered',
          events: [
            { at: '2026-11-24T10:00:00.000Z', status: 'picked-up', description: 'Picked up' },
            { at: now.toISOString(), status: 'delivered', description: 'Delivered' },
          ],
          estimatedDeliveryAt: now.toISOString(),
          deliveredAt: now.toISOString(),
        },
}

describeEachEngine('order service lifecycle', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  const events: RecordedEvent[] = []
  let service: ReturnType<typeof createOrderService>
  let customerId: string

  beforeAll(async () => {
    const db = getDatabase().db
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    eventBus.subscribe('*', (event) => {
      events.push(event)
    })
    service = createOrderService({ db, clock, eventBus, createId, fulfillmentProvider: carrier })
    customerId = createId('cus')
    const now = clock.now().toISOString()
    await db
      .insertInto('customers')
      .values({
        id: customerId,
        handle: null,
        first_name: 'Siti',
        last_name: 'Aminah',
        email: 'siti@example.com',
        phone: '+60123456789',
        locale: 'ms',
        marketing_consent: 0,
        loyalty_points: 0,
        loyalty_tier: 'silver',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
  })

  it('creates an order and publishes order.placed when checkout hands it over', async () => {
    const order = await service.createOrder({
      number: '#K1000001',
      customerId,
      currency: 'MYR',
      shippingAddress: {
        line1: '1 Jalan Ampang',
        line2: '',
        city: 'Kuala Lumpur',
        state: 'WP',
        postcode: '50450',
        country: 'MY',
      },
      items: [
        {
          productId: 'prd_x',
          variantId: 'var_x',
          sku: 'SKU-1',
          name: 'Batik shirt',
          options: { size: 'M' },
          unitPriceAmount: 8900,
          quantity: 2,
        },
      ],
      shippingAmount: 1000,
      discountAmount: 0,
      taxAmount: 0,
      payments: [
        { kind: 'payment', amount: 18800, paymentMethodId: null, paymentMethodReference: 'card_x' },
      ],
    })
    expect(order).toMatchObject({
      number: '#K1000001',
      status: 'pending',
      subtotalAmount: 17800,
      totalAmount: 18800,
    })
    expect(events.at(-1)).toMatchObject({ type: 'order.placed', aggregateId: order.id })
    const view = await service.trackOrder('#K1000001')
    expect(view?.estimatedDeliveryAt).toBe('2026-11-30T09:00:00.000Z')
  })

  it('moves the order through processed and shipped with a tracking link when the steps are valid', async () => {
    expect(await service.advanceOrder('#K1000001', 'delivered')).toEqual({
      ok: false,
      reason: 'invalid-transition',
    })
    expect((await service.advanceOrder('#K1000001', 'processed')).ok).toBe(true)
    clock.advance(3_600_000)
    const shipped = await service.advanceOrder('#K1000001', 'shipped')
    expect(shipped.ok && shipped.value.status).toBe('shipped')
    const view = await service.trackOrder('#K1000001')
    expect(view?.fulfillments[0]).toMatchObject({
      carrier: 'table-carrier',
      trackingNumbers: ['TC123'],
      trackingUrl: 'https://carrier.example/track/TC123',
    })
    expect(view?.latestEvent?.status).toBe('picked-up')
    expect(view?.estimatedDeliveryAt).toBe('2026-11-27T10:00:00.000Z')
    expect(events.map((event) => event.type)).toContain('order.shipped')
  })

  it('delivers the order when the carrier reports every shipment delivered', async () => {
    clock.advance(48 * 3_600_000)
    const refreshed = await service.refreshTracking('#K1000001')
    expect(refreshed.ok && refreshed.value.status).toBe('delivered')
    const view = await service.trackOrder('#K1000001')
    expect(view?.latestEvent?.status).toBe('delivered')
    expect(view?.estimatedDeliveryAt).toBe(clock.now().toISOString())
    expect(events.filter((event) => event.type === 'order.delivered')).toHaveLength(1)
    expect(await service.searchOrders({ phone: '+60 12-345 6789' })).toHaveLength(1)
    expect(await service.searchOrders({ email: 'SITI@example.com' })).toHaveLength(1)
    expect(await service.searchOrders({ number: 'K1000001' })).toHaveLength(1)
  })
})
