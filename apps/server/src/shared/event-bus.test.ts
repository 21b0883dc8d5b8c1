import { describe, expect, it } from 'vitest'
import { createEventBus, type RecordedEvent } from './event-bus.ts'

describe('createEventBus', () => {
  it('stores events before delivering them and isolates failing subscribers', async () => {
    const stored: RecordedEvent[] = []
    const delivered: string[] = []
    const failures: string[] = []
    let counter = 0
    const bus = createEventBus({
      store: { append: async (events) => void stored.push(...events) },
      now: () => new Date('2026-11-24T00:00:00Z'),
      createId: () => `evt_${++counter}`,
      onSubscriberError: (_error, event) => failures.push(event.type),
    })
    bus.subscribe('order.placed', () => {
      throw new Error('subscriber broke')
    })
    bus.subscribe('*', (event) => {
      delivered.push(`${event.type}:${stored.length}`)
    })
    const recorded = await bus.publish({
      type: 'order.placed',
      aggregateId: 'ord_1',
      payload: { total: 1 },
    })
    expect(recorded[0]).toMatchObject({ id: 'evt_1', occurredAt: '2026-11-24T00:00:00.000Z' })
    expect(stored).toHaveLength(1)
    expect(delivered).toEqual(['order.placed:1'])
    expect(failures).toEqual(['order.placed'])
  })
})
