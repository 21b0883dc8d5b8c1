import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignedToken } from '../../../shared/signed-token.ts'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'
import { createPersonalDataExportLinks } from '../../../workflows/personal-data-export/index.ts'

describe('GET /api/store/customers/data-export', () => {
  let server: TestServer
  let customerId: string
  let email: string
  beforeAll(async () => {
    server = await startTestServer()
    const customer = await server.container.database.db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    customerId = customer.id
    email = customer.email ?? ''
  }, 300_000)
  afterAll(async () => {
    await server.close()
  })

  function links(lifetimeSeconds?: number) {
    const customers = server.container.customers
    if (customers === undefined) throw new Error('the server has no customers service')
    return createPersonalDataExportLinks({
      customers,
      clock: server.container.clock,
      secret: server.container.configuration.secret,
      publicUrl: server.container.configuration.publicUrl,
      ...(lifetimeSeconds === undefined ? {} : { lifetimeSeconds }),
    })
  }

  const pathOf = (url: string) => url.slice(url.indexOf('/api/'))

  it('downloads the customer data as a JSON attachment with the link sent in chat', async () => {
    const link = links().createLink(customerId)
    const response = await server.app.inject({ method: 'GET', url: pathOf(link.url) })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toContain('kedai-personal-data.json')
    expect(response.headers['cache-control']).toBe('no-store')
    const body = response.json<{
      customer: { id: string; email: string }
      orderNumbers: string[]
    }>()
    expect(body.customer).toMatchObject({ id: customerId, email })
    expect(JSON.stringify(body)).not.toMatch(/tok_|provider_token/)
  })

  it.each([
    ['an altered link', (token: string) => `${token.slice(0, -2)}xx`, 'invalid-link'],
    [
      'a token made for something else',
      () =>
        createSignedToken(
          { use: 'return-label', exp: Math.floor(Date.now() / 1000) + 600, customerId },
          server.container.configuration.secret,
        ),
      'invalid-link',
    ],
  ] as const)('refuses %s with a 401', async (_name, change, reason) => {
    const link = links().createLink(customerId)
    const token = new URL(link.url).searchParams.get('token') ?? ''
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/store/customers/data-export?token=${encodeURIComponent(change(token))}`,
    })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { details: { reason } } })
  })

  it('refuses an expired link, and a missing token with a 400', async () => {
    const expired = links(-1).createLink(customerId)
    const response = await server.app.inject({ method: 'GET', url: pathOf(expired.url) })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { details: { reason: 'expired-link' } } })
    const missing = await server.app.inject({
      method: 'GET',
      url: '/api/store/customers/data-export',
    })
    expect(missing.statusCode).toBe(400)
  })
})
