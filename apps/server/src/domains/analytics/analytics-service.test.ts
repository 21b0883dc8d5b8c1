import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type EventBus } from '../../shared/event-bus.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createAnalyticsService, type AnalyticsService } from './analytics-service.ts'

describeEachEngine('createAnalyticsService', (getDatabase) => {
  let analytics: AnalyticsService
  let eventBus: EventBus
  const clock = createManualClock('2026-11-23T10:00:00.000Z')
  const period = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z' }

  beforeAll(async () => {
    const { db } = getDatabase()
    let counter = 0
    eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => `evt_${String(++counter).padStart(6, '0')}`,
    })
    analytics = createAnalyticsService({ db })
    // Three conversations on the 23rd: one resolved by the bot, one handed over then resolved, one open.
    await eventBus.publish(
      { type: 'conversation.started', aggregateId: 'conv_a', payload: {} },
      { type: 'conversation.started', aggregateId: 'conv_b', payload: {} },
      { type: 'conversation.started', aggregateId: 'conv_c', payload: {} },
      {
        type: 'intent.recognized',
        aggregateId: 'conv_a',
        payload: { intent: 'greeting', confidence: 1 },
      },
      {
        type: 'intent.recognized',
        aggregateId: 'conv_b',
        payload: { intent: 'greeting', confidence: 0.8 },
      },
      {
        type: 'intent.recognized',
        aggregateId: 'conv_b',
        payload: { intent: 'complaint', confidence: 0.9 },
      },
      { type: 'message.sent', aggregateId: 'conv_a', payload: { responseMilliseconds: 2 } },
      { type: 'message.sent', aggregateId: 'conv_a', payload: { responseMilliseconds: 4 } },
      { type: 'message.sent', aggregateId: 'conv_b', payload: { responseMilliseconds: 40 } },
      { type: 'message.sent', aggregateId: 'conv_b', payload: { authorRole: 'agent' } },
      { type: 'conversation.resolved', aggregateId: 'conv_a', payload: {} },
      { type: 'conversation.handed-off', aggregateId: 'conv_b', payload: { reason: 'complaint' } },
      { type: 'conversation.resolved', aggregateId: 'conv_b', payload: {} },
    )
    clock.set('2026-11-24T08:00:00.000Z')
    await eventBus.publish({ type: 'conversation.resolved', aggregateId: 'conv_c', payload: {} })
  })

  it('counts events by type and day when several days have events', async () => {
    const counts = await analytics.countEventsByDay(period, [
      'conversation.started',
      'conversation.resolved',
    ])
    expect(counts).toEqual([
      { day: '2026-11-23', type: 'conversation.resolved', count: 2 },
      { day: '2026-11-23', type: 'conversation.started', count: 3 },
      { day: '2026-11-24', type: 'conversation.resolved', count: 1 },
    ])
  })

  it('measures containment as conversations resolved without a hand-over', async () => {
    expect(await analytics.containment(period)).toEqual({
      conversations: 3,
      handedOff: 1,
      resolvedWithoutHandOver: 2,
      rate: 2 / 3,
    })
    expect(
      await analytics.containment({
        from: '2026-12-01T00:00:00.000Z',
        to: '2026-12-02T00:00:00.000Z',
      }),
    ).toMatchObject({ conversations: 0, rate: 0 })
  })

  it('computes bot response time percentiles from replies that carry one', async () => {
    expect(await analytics.responseTimes(period)).toEqual({ replies: 3, p50: 4, p95: 40 })
  })

  it('ranks recognized intents with their mean confidence', async () => {
    const intents = await analytics.intents(period)
    expect(intents[0]).toMatchObject({ intent: 'greeting', count: 2 })
    expect(intents[0]?.meanConfidence).toBeCloseTo(0.9)
  })
})
