import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { renderReturnInstructions } from './return-instructions.ts'
import { createReturnService, formatRmaNumber } from './return-service.ts'

describeEachEngine('return service', (getDatabase) => {
  const clock = createManualClock('2026-11-24T09:00:00.000Z')
  let service: ReturnType<typeof createReturnService>
  beforeAll(() => {
    const db = getDatabase().db
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    service = createReturnService({
      db,
      clock,
      eventBus,
      createId,
      secret: 'a-test-secret-that-is-long-enough-to-sign',
      labelLinkLifetimeSeconds: 3600,
    })
  })

  it('numbers RMAs per order when returns are created', async () => {
    const input = {
      orderId: 'ord_a',
      orderNumber: '#W2611340',
      customerId: 'cus_a',
      items: ['1'],
      refundPaymentMethodReference: 'gift_card_1',
      locale: 'ms',
    }
    expect((await service.createReturn(input)).rmaNumber).toBe('RMA-2611340-1')
    const second = await service.createReturn(input)
    expect(second).toMatchObject({
      rmaNumber: 'RMA-2611340-2',
      status: 'requested',
      locale: 'ms',
      items: ['1'],
    })
    expect((await service.listReturnsOfOrder('ord_a')).map((record) => record.rmaNumber)).toEqual([
      'RMA-2611340-1',
      'RMA-2611340-2',
    ])
  })

  it('accepts a label link only for its customer and before it expires when resolved', async () => {
    const record = await service.createReturn({
      orderId: 'ord_b',
      orderNumber: '#W1',
      customerId: 'cus_b',
      items: ['2'],
      refundPaymentMethodReference: 'paypal_1',
      locale: 'en',
    })
    const { token, expiresAt } = service.issueLabelToken(record)
    expect(expiresAt).toBe('2026-11-24T10:00:00.000Z')
    expect((await service.resolveLabelToken(token, undefined)).ok).toBe(true)
    expect((await service.resolveLabelToken(token, 'cus_b')).ok).toBe(true)
    expect(await service.resolveLabelToken(token, 'cus_other')).toEqual({
      ok: false,
      reason: 'wrong-customer',
    })
    expect(await service.resolveLabelToken(`${token}x`, undefined)).toEqual({
      ok: false,
      reason: 'invalid-link',
    })
    clock.advance(3_600_000)
    expect(await service.resolveLabelToken(token, 'cus_b')).toEqual({
      ok: false,
      reason: 'expired-link',
    })
  })

  it('writes the instructions in the shopper’s language and falls back to English when the locale is unknown', () => {
    const values = {
      rmaNumber: 'RMA-1-1',
      orderNumber: '#W1',
      items: ['Lamp'],
      labelUrl: 'https://shop.example/l',
      expiresAt: '2026-12-08T09:00:00.000Z',
    }
    expect(renderReturnInstructions('ms', values).subject).toBe(
      'Pemulangan anda RMA-1-1 untuk pesanan #W1',
    )
    expect(renderReturnInstructions('zh-Hans', values).text).toContain(
      '打印退货标签：https://shop.example/l',
    )
    expect(renderReturnInstructions('en', values).text).toContain('the link works until 2026-12-08')
    expect(formatRmaNumber('#W2611340', 3)).toBe('RMA-2611340-3')
  })
})
