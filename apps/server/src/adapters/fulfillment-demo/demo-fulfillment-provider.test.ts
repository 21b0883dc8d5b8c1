import { describe, expect, it } from 'vitest'
import type { Order } from '../../domains/orders/index.ts'
import { createDemoFulfillmentProvider } from './demo-fulfillment-provider.ts'

const order = { number: '#W2378156' } as Order

describe('demo fulfillment provider', () => {
  it('advances scans on the configured schedule when time passes', async () => {
    const provider = createDemoFulfillmentProvider({
      schedule: { inTransitAfterHours: 1, outForDeliveryAfterHours: 2, deliveredAfterHours: 3 },
    })
    const shippedAt = new Date('2026-11-24T09:00:00.000Z')
    const { trackingNumber } = await provider.createShipment(order, shippedAt)
    expect(trackingNumber).toMatch(/^KDX[0-9A-Z]+2378156$/)
    expect(provider.trackingUrl(trackingNumber)).toBe(
      `https://track.kedai.example/${trackingNumber}`,
    )
    const early = await provider.fetchTracking(trackingNumber, new Date('2026-11-24T09:30:00.000Z'))
    expect(early).toMatchObject({
      status: 'picked-up',
      deliveredAt: null,
      estimatedDeliveryAt: '2026-11-24T12:00:00.000Z',
    })
    const later = await provider.fetchTracking(trackingNumber, new Date('2026-11-24T11:00:00.000Z'))
    expect(later?.events.map((event) => event.status)).toEqual([
      'picked-up',
      'in-transit',
      'out-for-delivery',
    ])
    const done = await provider.fetchTracking(trackingNumber, new Date('2026-11-24T12:00:00.000Z'))
    expect(done).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-24T12:00:00.000Z' })
  })

  it('knows nothing of a tracking number it did not issue when asked', async () => {
    expect(
      await createDemoFulfillmentProvider().fetchTracking('1Z999AA10123456784', new Date()),
    ).toBeUndefined()
  })
})
