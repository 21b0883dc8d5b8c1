import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import type { IdentityMatcher } from './identity-matcher.ts'
import { createVerificationService } from './verification-service.ts'

// A matcher over a fixed directory: the port's contract, not a stand-in for Kedai's own code.
const directory: IdentityMatcher = {
  matchEmailAndOrderNumber: async (email, orderNumber) =>
    email === 'ava.moore6020@example.com' && orderNumber === '#W4817420' ? 'cus_ava' : undefined,
  matchNameAndPostcode: async (firstName, lastName, postcode) =>
    firstName === 'Ava' && lastName === 'Moore' && postcode === '78234' ? 'cus_ava' : undefined,
}

describeEachEngine('verification service', (getDatabase) => {
  let events: RecordedEvent[]
  let service: ReturnType<typeof createVerificationService>
  beforeAll(() => {
    const clock = createManualClock()
    events = []
    const eventBus = createEventBus({
      store: createSqlEventStore(getDatabase().db),
      now: () => clock.now(),
      createId: () => `evt_${events.length}_${Math.random().toString(36).slice(2)}`,
    })
    eventBus.subscribe('*', (event) => {
      events.push(event)
    })
    service = createVerificationService({
      db: getDatabase().db,
      clock,
      eventBus,
      createId: createSequentialIdGenerator(),
      matcher: directory,
    })
  })

  it('verifies the shopper when the e-mail and order number match', async () => {
    const result = await service.verifyByEmailAndOrderNumber(
      'conv_ok',
      'ava.moore6020@example.com',
      '#W4817420',
    )
    expect(result).toEqual({
      ok: true,
      value: {
        conversationId: 'conv_ok',
        status: 'verified',
        customerId: 'cus_ava',
        failedAttempts: 0,
      },
    })
    expect(await service.verifiedCustomerId('conv_ok')).toBe('cus_ava')
  })

  it('locks the conversation and publishes verification.locked when the shopper fails three times', async () => {
    expect(
      await service.verifyByEmailAndOrderNumber(
        'conv_bad',
        'ava.moore6020@example.com',
        '#W0000001',
      ),
    ).toEqual({ ok: false, reason: 'no-match', attemptsLeft: 2 })
    expect(await service.verifyByNameAndPostcode('conv_bad', 'Ava', 'Moore', '00000')).toEqual({
      ok: false,
      reason: 'no-match',
      attemptsLeft: 1,
    })
    expect(await service.verifyByNameAndPostcode('conv_bad', 'Eve', 'Moore', '78234')).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
    })
    expect(
      events
        .filter((event) => event.type === 'verification.locked')
        .map((event) => event.aggregateId),
    ).toEqual(['conv_bad'])
    const stored = await getDatabase()
      .db.selectFrom('domain_events')
      .select('type')
      .where('aggregate_id', '=', 'conv_bad')
      .where('type', '=', 'verification.locked')
      .execute()
    expect(stored).toHaveLength(1)
  })

  it('keeps a locked conversation locked when the right answer comes afterwards', async () => {
    expect(await service.verifyByNameAndPostcode('conv_bad', 'Ava', 'Moore', '78234')).toEqual({
      ok: false,
      reason: 'locked',
      attemptsLeft: 0,
    })
    expect(await service.verifiedCustomerId('conv_bad')).toBeUndefined()
    expect((await service.markSignedIn('conv_bad', 'cus_ava')).status).toBe('locked')
    const attempts = await getDatabase()
      .db.selectFrom('verification_attempts')
      .select(['succeeded'])
      .where('conversation_id', '=', 'conv_bad')
      .execute()
    expect(attempts.map((attempt) => attempt.succeeded)).toEqual([0, 0, 0])
  })
})
