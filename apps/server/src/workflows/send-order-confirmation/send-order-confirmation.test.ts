import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { createNotificationsService } from '../../domains/notifications/index.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { sendOrderConfirmation } from './send-order-confirmation.ts'

describe('sendOrderConfirmation', () => {
  let database: { handle: DatabaseHandle; dispose: () => Promise<void> }
  const now = '2026-11-24T09:00:00.000Z'
  const createId = createSequentialIdGenerator()

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    const db = database.handle.db
    const customer = {
      handle: null,
      last_name: 'Mei',
      marketing_consent: 0,
      loyalty_points: 0,
      loyalty_tier: 'none',
      created_at: now,
      updated_at: now,
    }
    await db
      .insertInto('customers')
      .values([
        {
          ...customer,
          id: 'cus_mei',
          first_name: '林',
          email: 'mei@example.com',
          phone: '+60123456789',
          locale: 'zh-Hans',
          erased_at: null,
        },
        {
          ...customer,
          id: 'cus_gone',
          first_name: 'Gone',
          email: 'gone@example.com',
          phone: null,
          locale: 'en',
          erased_at: now,
        },
      ])
      .execute()
    const order = {
      status: 'pending',
      currency: 'MYR',
      shipping_address: '{}',
      subtotal_amount: 35890,
      discount_amount: 1990,
      shipping_amount: 0,
      tax_amount: 0,
      total_amount: 33900,
      items_modified: 0,
      cancel_reason: null,
      conversation_id: null,
      placed_at: now,
      created_at: now,
      updated_at: now,
    }
    await db
      .insertInto('orders')
      .values([
        {
          ...order,
          id: 'ord_mei',
          number: '#W1000001',
          customer_id: 'cus_mei',
          details: JSON.stringify({
            estimatedDelivery: { earliest: '2026-11-26', latest: '2026-11-30' },
          }),
        },
        { ...order, id: 'ord_gone', number: '#W1000002', customer_id: 'cus_gone', details: '{}' },
      ])
      .execute()
    await db
      .insertInto('order_items')
      .values([
        {
          id: 'oli_1',
          order_id: 'ord_mei',
          position: 1,
          product_id: 'prd_1',
          variant_id: 'var_1',
          sku: 'KD-RUN-STR-9-BLK',
          name: 'Stride 路跑鞋',
          options: '{}',
          unit_price_amount: 32900,
          quantity: 1,
        },
        {
          id: 'oli_2',
          order_id: 'ord_mei',
          position: 2,
          product_id: 'prd_2',
          variant_id: 'var_2',
          sku: 'KD-SCK-SPT-M-WHT',
          name: '运动袜',
          options: '{}',
          unit_price_amount: 2990,
          quantity: 1,
        },
      ])
      .execute()
    await db
      .insertInto('fulfillments')
      .values({
        id: 'ful_1',
        order_id: 'ord_mei',
        carrier: 'poslaju',
        tracking_numbers: JSON.stringify(['ER123456789MY']),
        item_skus: '[]',
        status: 'shipped',
        events: '[]',
        shipped_at: now,
        delivered_at: null,
        created_at: now,
      })
      .execute()
  })

  afterAll(async () => {
    await database.dispose()
  })

  const dependencies = () => ({
    db: database.handle.db,
    notifications: createNotificationsService({
      db: database.handle.db,
      clock: createManualClock(now),
      createId,
      senders: [],
    }),
    trackingUrl: (carrier: string, trackingNumber: string) =>
      `https://track.kedai.example/${carrier}/${trackingNumber}`,
  })

  it('sends the confirmation by e-mail and SMS in the customer’s language with items, total, dates and tracking', async () => {
    const sent = await sendOrderConfirmation(dependencies(), { orderId: 'ord_mei' })
    expect(
      sent.map((notification) => [
        notification.channel,
        notification.recipient,
        notification.locale,
      ]),
    ).toEqual([
      ['email', 'mei@example.com', 'zh-Hans'],
      ['sms', '+60123456789', 'zh-Hans'],
    ])
    const [email, sms] = sent
    expect(email?.subject).toBe('您的 Kedai 订单 #W1000001 已确认')
    expect(email?.body).toContain('1 × Stride 路跑鞋')
    expect(email?.body).toMatch(/总计：MYR\s339\.00/)
    expect(email?.body).toContain('预计送达：11月26日 至 11月30日')
    expect(email?.body).toContain('跟踪包裹：https://track.kedai.example/poslaju/ER123456789MY')
    expect(sms?.body).toContain('https://track.kedai.example/poslaju/ER123456789MY')
  })

  it('uses the locale of the conversation when one is given', async () => {
    const [email] = await sendOrderConfirmation(dependencies(), {
      orderId: 'ord_mei',
      locale: 'ms',
    })
    expect(email?.subject).toBe('Pesanan Kedai #W1000001 anda telah disahkan')
  })

  it('sends nothing for a customer whose data was erased or an unknown order', async () => {
    expect(await sendOrderConfirmation(dependencies(), { orderId: 'ord_gone' })).toEqual([])
    expect(await sendOrderConfirmation(dependencies(), { orderId: 'ord_missing' })).toEqual([])
  })
})
