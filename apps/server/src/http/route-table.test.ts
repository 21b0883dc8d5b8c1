import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../testing/test-server.ts'

/**
 * Walks the whole route table through the OpenAPI document, so every route any module adds is
 * covered without listing it here: console routes answer nothing without a signed-in user, and no
 * route answers a wrongly typed input with a 5xx.
 */

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: { type?: string } }[]
  requestBody?: { content?: Record<string, unknown> }
}

type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> }

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value)
}

describe('route table', () => {
  let server: TestServer
  let document: OpenApiDocument

  beforeAll(async () => {
    server = await startTestServer()
    document = (await server.app.inject({ url: '/docs/json' })).json() as OpenApiDocument
  })

  afterAll(async () => {
    await server.close()
  })

  it('lists the console routes in the OpenAPI document', () => {
    expect(Object.keys(document.paths)).toContain('/api/console/session')
  })

  it('answers every console and admin route with 401 when nobody is signed in', async () => {
    const unguarded: string[] = []
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith('/api/console') && !path.startsWith('/api/admin')) continue
      for (const method of methods) {
        if (operations[method] === undefined) continue
        // Signing in is the one console route open to anonymous callers.
        if (path === '/api/console/session' && method === 'post') continue
        const response = await server.app.inject({
          method: method.toUpperCase() as 'GET',
          url: fillPath(path, 'x'),
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        })
        if (response.statusCode !== 401)
          unguarded.push(`${method.toUpperCase()} ${path} → ${response.statusCode}`)
      }
    }
    expect(unguarded).toEqual([])
  })

  it('answers wrongly typed input on every route with a 4xx, never a 5xx', async () => {
    const failures: string[] = []
    const junkBodies: unknown[] = [{}, [], 'text', { quantity: 'two', id: 42, email: 7 }, null]
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of methods) {
        const operation = operations[method]
        if (operation === undefined) continue
        const urls = [
          fillPath(path, 'x'),
          fillPath(path, '%00%ff'),
          `${fillPath(path, '0')}?limit=abc&cursor=%%`,
        ]
        for (const url of urls) {
          const bodies = method === 'get' || method === 'delete' ? [undefined] : junkBodies
          for (const body of bodies) {
            const response = await server.app.inject({
              method: method.toUpperCase() as 'GET',
              url,
              ...(body === undefined
                ? {}
                : {
                    payload: JSON.stringify(body),
                    headers: { 'content-type': 'application/json' },
                  }),
            })
            if (response.statusCode >= 500)
              failures.push(
                `${method.toUpperCase()} ${url} ${JSON.stringify(body)} → ${response.statusCode} ${response.body.slice(0, 200)}`,
              )
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('signs an agent in, shows who is signed in and signs out', async () => {
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/console/session',
      payload: {
        email: 'aisha@kedai.example',
        password: server.container.configuration.demoStaffPassword,
      },
    })
    expect(signIn.statusCode).toBe(200)
    expect(signIn.headers['set-cookie']).toMatch(
      /kedai_session=.+; Path=\/; HttpOnly; SameSite=Lax/,
    )
    const token = signIn.json().token as string
    const me = await server.app.inject({
      url: '/api/console/session',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(me.json().member).toMatchObject({ displayName: 'Aisha', languages: ['ms', 'en'] })
    const viaCookie = await server.app.inject({
      url: '/api/console/session',
      headers: { cookie: `kedai_session=${encodeURIComponent(token)}` },
    })
    expect(viaCookie.statusCode).toBe(200)
    await server.app.inject({
      method: 'DELETE',
      url: '/api/console/session',
      headers: { authorization: `Bearer ${token}` },
    })
    const after = await server.app.inject({
      url: '/api/console/session',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(after.statusCode).toBe(401)
  })

  it('refuses a wrong password with 401 and a clear message', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/console/session',
      payload: { email: 'aisha@kedai.example', password: 'wrong-password' },
    })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.message).toBe('Wrong e-mail or password.')
  })
})
