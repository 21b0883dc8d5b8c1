import { resolve } from 'node:path'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createCommerceServices } from '../app/commerce-services.ts'
import { createLogger } from '../app/container.ts'
import { AppError } from '../shared/app-error.ts'
import { systemClock } from '../shared/clock.ts'
import { createId } from '../shared/ids.ts'
import { createStaffService } from '../domains/staff/index.ts'
import { createEventBus } from '../shared/event-bus.ts'
import { createTestDatabase } from '../testing/test-database.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { buildServer } from './build-server.ts'
import type { ServerContext } from './server-context.ts'

describe('buildServer', () => {
  let database: { handle: DatabaseHandle; dispose: () => Promise<void> }
  let app: Awaited<ReturnType<typeof buildServer>>
  const logLines: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    const commerce = await createCommerceServices({
      database: database.handle,
      clock: systemClock,
      eventBus: createEventBus({
        store: { append: async () => undefined },
        now: () => new Date(),
        createId: () => 'evt_2',
      }),
      createId,
      currency: 'MYR',
      publicUrl: 'http://localhost:3000',
      secret: 'test-secret-test-secret-test-secret-1234',
    })
    const context: ServerContext = {
      ...commerce,
      configuration: {
        publicUrl: 'http://localhost:3000',
        allowedOrigins: ['https://shop.example'],
        environment: 'test',
        logLevel: 'info',
        store: { currency: 'MYR', locale: 'en' },
        secret: 'test-secret-test-secret-test-secret-1234',
        demoDirectory: resolve('data/demo'),
      },
      database: database.handle,
      eventBus: createEventBus({
        store: { append: async () => undefined },
        now: () => new Date(),
        createId: () => 'evt_1',
      }),
      clock: systemClock,
      staff: createStaffService({ db: database.handle.db, clock: systemClock, createId }),
      logger: createLogger(
        { logLevel: 'info' },
        { write: (line: string) => void logLines.push(line) },
      ),
    }
    app = await buildServer(context)
    // A probe route exercising validation and the error mapping of the real handler.
    const probe: FastifyPluginAsyncZod = async (instance) => {
      instance.post(
        '/probe/:id',
        {
          schema: {
            params: z.object({ id: z.string().regex(/^prd_/) }),
            body: z.object({ quantity: z.number().int().min(1), password: z.string().optional() }),
          },
        },
        async (request) => {
          if (request.body.quantity === 13) throw new AppError('conflict', 'unlucky quantity')
          if (request.body.quantity === 99) {
            request.log.info({ credentials: { password: request.body.password } }, 'probe attempt')
            throw new Error('boom with internals')
          }
          return { ok: true }
        },
      )
    }
    await app.register(probe)
    await app.ready()
  })

  afterAll(async () => {
    await app.close()
    await database.dispose()
  })

  it('answers /healthz and /readyz when the database is reachable', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
  })

  it('serves the OpenAPI document and a browsable page at /docs', async () => {
    const document = await app.inject({ url: '/docs/json' })
    expect(document.statusCode).toBe(200)
    expect(document.json().openapi).toMatch(/^3\./)
    expect(Object.keys(document.json().paths)).toContain('/healthz')
    const page = await app.inject({ url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
  })

  it('rejects a wrong type with 400 naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe/prd_1',
      payload: { quantity: 'two' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('validation')
    expect(response.json().error.issues[0].path).toBe('body.quantity')
  })

  it('rejects an invalid path parameter with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe/xyz',
      payload: { quantity: 1 },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.issues[0].path).toBe('params.id')
  })

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe/prd_1',
      headers: { 'content-type': 'application/json' },
      payload: '{"quantity": ',
    })
    expect(response.statusCode).toBe(400)
  })

  it('maps AppError codes to HTTP statuses', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe/prd_1',
      payload: { quantity: 13 },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ error: { code: 'conflict', message: 'unlucky quantity' } })
  })

  it('hides internals of unexpected errors and logs them with the request id', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe/prd_1',
      headers: { 'x-request-id': 'req-test-42' },
      payload: { quantity: 99, password: 'hunter2' },
    })
    expect(response.statusCode).toBe(500)
    expect(response.body).not.toMatch(/boom/)
    expect(response.headers['x-request-id']).toBe('req-test-42')
    const errorLine = logLines.find((line) => line.includes('boom with internals'))
    expect(errorLine).toBeDefined()
    expect(errorLine).toContain('"requestId":"req-test-42"')
    expect(logLines.some((line) => line.includes('probe attempt'))).toBe(true)
    expect(logLines.join('\n')).not.toContain('hunter2')
  })

  it('serves demo product images and 404s unknown ones', async () => {
    const image = await app.inject({ url: '/demo-images/category-shoes.svg' })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toMatch(/image\/svg\+xml/)
    expect((await app.inject({ url: '/demo-images/../catalog.json' })).statusCode).toBe(404)
  })

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ url: '/nope' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.json().error.code).toBe('not-found')
  })

  it('allows configured origins and refuses unknown ones', async () => {
    const allowed = await app.inject({
      url: '/healthz',
      headers: { origin: 'https://shop.example' },
    })
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example')
    const refused = await app.inject({
      url: '/healthz',
      headers: { origin: 'https://evil.example' },
    })
    expect(refused.headers['access-control-allow-origin']).toBeUndefined()
  })
})
