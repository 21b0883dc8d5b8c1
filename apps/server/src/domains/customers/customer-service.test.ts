import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus } from '../../shared/event-bus.ts'
import { createId } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createCustomerService } from './customer-service.ts'

describeEachEngine('customer service', (getDatabase) => {
  let service: ReturnType<typeof createCustomerService>
  let customerId: string
  let orderId: string

  beforeAll(async () => {
    const db = getDatabase().db
    const clock = createManualClock()
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    service = createCustomerService({ db, clock, eventBus, createId })
    customerId = createId('cus')
    orderId = createId('ord')
    const now = clock.now().toISOString()
    await db
      .insertInto('customers')
      .values({
        id: customerId,
        handle: 'zoe_tan_1',
        first_name: 'Zoë',
        last_name: 'Tan',
        email: 'zoe.tan@example.com',
        phone: '+6591234567',
        locale: 'zh-Hans',
        marketing_consent: 1,
        loyalty_points: 120,
        loyalty_tier: 'gold',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    await db
      .insertInto('customer_addresses')
      .values({
        id: createId('adr'),
        customer_id: customerId,
        line1: '8 Orchard Rd',
        line2: '#02-01',
        city: 'Singapore',
        state: '',
        postcode: '238823',
        country: 'SG',
        is_default: 1,
        created_at: now,
      })
      .execute()
    await db
      .insertInto('payment_methods')
      .values([
        {
          id: createId('pm'),
          customer_id: customerId,
          reference: 'gift_card_zoe',
          kind: 'gift-card',
          brand: null,
          last_four: null,
          balance_amount: 5000,
          currency: 'SGD',
          provider: 'imported',
          provider_token: null,
          created_at: now,
          removed_at: null,
        },
        {
          id: createId('pm'),
          customer_id: customerId,
          reference: 'credit_card_zoe',
          kind: 'credit-card',
          brand: 'visa',
          last_four: '4242',
          balance_amount: null,
          currency: 'SGD',
          provider: 'stripe',
          provider_token: 'pm_123',
          created_at: now,
          removed_at: null,
        },
      ])
      .execute()
    await db
      .insertInto('orders')
      .values({
        id: orderId,
        number: '#Z1',
        customer_id: customerId,
        status: 'delivered',
        currency: 'SGD',
        shipping_address: '{}',
        subtotal_amount: 1000,
        discount_amount: 0,
        shipping_amount: 0,
        tax_amount: 0,
        total_amount: 1000,
        items_modified: 0,
        cancel_reason: null,
        details: '{}',
        conversation_id: null,
        placed_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
  })

  it('finds the customer by e-mail, by name and postcode, and by handle when case and accents differ', async () => {
    expect((await service.findByEmail(' Zoe.Tan@Example.com '))?.id).toBe(customerId)
    expect((await service.findByNameAndPostcode('zoe', 'TAN', '238823'))?.id).toBe(customerId)
    expect(await service.findByNameAndPostcode('Zoe', 'Tan', '238824')).toBeUndefined()
    expect((await service.findByHandle('zoe_tan_1'))?.loyaltyTier).toBe('gold')
  })

  it('shows the profile with default address, saved methods and order history when asked', async () => {
    const profile = await service.getProfile(customerId)
    expect(profile?.defaultAddress).toMatchObject({ line1: '8 Orchard Rd', postcode: '238823' })
    expect(
      profile?.paymentMethods.map((method) => [
        method.reference,
        method.brand,
        method.lastFour,
        method.balanceAmount,
      ]),
    ).toEqual([
      ['gift_card_zoe', null, null, 5000],
      ['credit_card_zoe', 'visa', '4242', null],
    ])
    expect(profile?.orderNumbers).toEqual(['#Z1'])
  })

  it('moves a gift card balance and refuses to take more than it holds when adjusted', async () => {
    expect(await service.adjustGiftCardBalance('gift_card_zoe', -1500)).toEqual({
      ok: true,
      value: 3500,
    })
    expect(await service.adjustGiftCardBalance('gift_card_zoe', -9999)).toEqual({
      ok: false,
      reason: 'insufficient-balance',
    })
    expect(await service.adjustGiftCardBalance('credit_card_zoe', 100)).toEqual({
      ok: false,
      reason: 'not-a-gift-card',
    })
  })

  it('moves loyalty points, never below zero, and sets the tier of the new balance when adjusted', async () => {
    const tierOf = (balance: number) => (balance >= 100 ? 'gold' : 'silver')
    expect(await service.adjustLoyaltyPoints(customerId, 30, tierOf)).toEqual({
      ok: true,
      value: { moved: 30, balance: 150 },
    })
    // A take-back larger than the balance takes what there is.
    expect(await service.adjustLoyaltyPoints(customerId, -400, tierOf)).toEqual({
      ok: true,
      value: { moved: -150, balance: 0 },
    })
    expect((await service.getProfile(customerId))?.customer).toMatchObject({
      loyaltyPoints: 0,
      loyaltyTier: 'silver',
    })
    expect(await service.adjustLoyaltyPoints(customerId, 120)).toEqual({
      ok: true,
      value: { moved: 120, balance: 120 },
    })
    expect(await service.adjustLoyaltyPoints('cus_nobody', 5)).toEqual({
      ok: false,
      reason: 'customer-not-found',
    })
  })

  it('saves a tokenized card once, lists it as chargeable, and removes it when asked', async () => {
    const card = {
      provider: 'sandbox',
      token: 'tok_sandbox_approve_mastercard_4444',
      brand: 'mastercard',
      lastFour: '4444',
      currency: 'SGD',
    }
    const saved = await service.saveCard(customerId, card)
    if (!saved.ok) throw new Error(saved.reason)
    expect(saved.value).toMatchObject({
      kind: 'credit-card',
      brand: 'mastercard',
      lastFour: '4444',
      isChargeable: true,
    })
    const again = await service.saveCard(customerId, card)
    expect(again.ok && again.value.id).toBe(saved.value.id)
    expect(await service.saveCard('cus_nobody', card)).toEqual({
      ok: false,
      reason: 'customer-not-found',
    })
    const listed = (await service.getProfile(customerId))?.paymentMethods ?? []
    expect(listed.filter((method) => method.lastFour === '4444')).toHaveLength(1)
    expect(JSON.stringify(listed)).not.toContain('tok_sandbox')

    expect(await service.removePaymentMethod('cus_other', saved.value.id)).toEqual({
      ok: false,
      reason: 'payment-method-not-found',
    })
    expect(await service.removePaymentMethod(customerId, saved.value.reference)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(await service.removePaymentMethod(customerId, saved.value.id)).toEqual({
      ok: false,
      reason: 'payment-method-not-found',
    })
    const after = (await service.getProfile(customerId))?.paymentMethods ?? []
    expect(after.some((method) => method.id === saved.value.id)).toBe(false)
  })

  it('exports personal data and then erases it while keeping the order when the customer asks', async () => {
    await service.recordProductView(customerId, 'prd_1')
    const exported = await service.exportPersonalData(customerId)
    expect(exported?.customer.email).toBe('zoe.tan@example.com')
    expect(exported?.events.map((event) => event.type)).toContain('product.viewed')
    expect(JSON.stringify(exported)).not.toContain('pm_123')
    const erased = await service.erasePersonalData(customerId)
    expect(erased.ok && erased.value).toMatchObject({
      firstName: 'Erased',
      email: null,
      phone: null,
    })
    const profile = await service.getProfile(customerId)
    expect(profile?.defaultAddress?.line1).toBe('Erased')
    expect(profile?.orderNumbers).toEqual(['#Z1'])
    const order = await getDatabase()
      .db.selectFrom('orders')
      .select('total_amount')
      .where('id', '=', orderId)
      .executeTakeFirst()
    expect(order?.total_amount).toBe(1000)
    expect(await service.findByEmail('zoe.tan@example.com')).toBeUndefined()
  })
})
