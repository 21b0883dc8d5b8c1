import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfiguration } from '../../app/config.ts'
import { createContainer, type Container } from '../../app/container.ts'
import { buildServer } from '../build-server.ts'
import { createShopperToken } from '../shopper-identity.ts'

describe('saved payment method routes', () => {
  let folder: string
  let container: Container
  let app: FastifyInstance
  let jasonId: string
  let aisyahId: string

  const customerIdOf = async (handle: string) =>
    (
      await container.database.db
        .selectFrom('customers')
        .select('id')
        .where('handle', '=', handle)
        .executeTakeFirstOrThrow()
    ).id
  const asShopper = (customerId: string) => ({
    'x-kedai-shopper-token': createShopperToken(
      customerId,
      container.configuration.secret,
      container.clock.now(),
    ),
  })

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-saved-methods-'))
    container = await createContainer(
      loadConfiguration({ KEDAI_DATA_DIR: folder, LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
      { logger: pino({ level: 'silent' }) },
    )
    app = await buildServer(container)
    jasonId = await customerIdOf('demo_jason_lim')
    aisyahId = await customerIdOf('demo_aisyah_rahman')
  }, 120_000)
  afterAll(async () => {
    await app.close()
    await container.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('lists the signed-in shopper’s own cards without tokens, removes one, and refuses strangers', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/store/account/payment-methods' })
    expect(anonymous.statusCode).toBe(401)

    const listed = await app.inject({
      method: 'GET',
      url: '/api/store/account/payment-methods',
      headers: asShopper(jasonId),
    })
    expect(listed.statusCode).toBe(200)
    const methods = (listed.json() as { paymentMethods: { id: string }[] }).paymentMethods
    expect(listed.json()).toEqual({
      paymentMethods: [
        {
          id: methods[0]?.id,
          reference: 'saved_card_demo_jason_lim',
          kind: 'credit-card',
          brand: 'visa',
          lastFour: '4242',
          balance: null,
          isChargeable: true,
        },
      ],
    })
    expect(listed.body).not.toContain('tok_sandbox')

    const someoneElses = await app.inject({
      method: 'DELETE',
      url: `/api/store/account/payment-methods/${methods[0]?.id ?? ''}`,
      headers: asShopper(aisyahId),
    })
    expect(someoneElses.statusCode).toBe(404)
    expect(someoneElses.json()).toMatchObject({
      error: { details: { reason: 'payment-method-not-found' } },
    })

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/store/account/payment-methods/${methods[0]?.id ?? ''}`,
      headers: asShopper(jasonId),
    })
    expect(removed.statusCode).toBe(204)
    const after = await app.inject({
      method: 'GET',
      url: '/api/store/account/payment-methods',
      headers: asShopper(jasonId),
    })
    expect(after.json()).toEqual({ paymentMethods: [] })
  })

  it('lets an agent list and remove a customer’s saved methods, and answers 404 for unknown ones', async () => {
    const session = await app.inject({
      method: 'POST',
      url: '/api/console/session',
      payload: { email: 'aisha@kedai.example', password: 'kedai-demo' },
    })
    const headers = { authorization: `Bearer ${(session.json() as { token: string }).token}` }
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/console/customers/${aisyahId}/payment-methods`,
        })
      ).statusCode,
    ).toBe(401)
    const listed = await app.inject({
      method: 'GET',
      url: `/api/console/customers/${aisyahId}/payment-methods`,
      headers,
    })
    expect(listed.statusCode).toBe(200)
    const [card] = (listed.json() as { paymentMethods: { reference: string }[] }).paymentMethods
    expect(card).toMatchObject({ brand: 'visa', lastFour: '4242', isChargeable: true })
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/console/customers/${aisyahId}/payment-methods/${card?.reference ?? ''}`,
      headers,
    })
    expect(removed.statusCode).toBe(204)
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/console/customers/${aisyahId}/payment-methods/${card?.reference ?? ''}`,
      headers,
    })
    expect(again.statusCode).toBe(404)
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/console/customers/cus_nobody/payment-methods',
      headers,
    })
    expect(unknown.statusCode).toBe(404)
  })
})
