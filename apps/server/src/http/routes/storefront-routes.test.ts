import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installErrorHandler } from '../error-handler.ts'
import type { ServerContext } from '../server-context.ts'
import { createStorefrontRoutes, isOriginAllowed } from './storefront-routes.ts'

const configuration: ServerContext['configuration'] = {
  publicUrl: 'http://localhost:3000',
  allowedOrigins: ['https://shop.example'],
  environment: 'test',
  logLevel: 'silent',
  store: { currency: 'MYR', locale: 'en' },
  secret: 'test-secret-test-secret-test-secret-1234',
  demoDirectory: resolve('data/demo'),
}

async function createApp(widgetDirectory: string): Promise<FastifyInstance> {
  const app = Fastify()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  await app
    .withTypeProvider<ZodTypeProvider>()
    .register(createStorefrontRoutes({ configuration }, { widgetDirectory }))
  await app.ready()
  return app
}

describe('createStorefrontRoutes', () => {
  let folder: string
  let app: FastifyInstance
  let emptyApp: FastifyInstance

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-storefront-'))
    const built = join(folder, 'dist')
    mkdirSync(join(built, 'assets'), { recursive: true })
    writeFileSync(join(built, 'widget.js'), 'console.log("kedai widget")\n')
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><title>Shop</title><script src="/widget.js" data-kedai-store="demo" defer></script>',
    )
    writeFileSync(join(built, 'kiosk.html'), '<!doctype html><title>Kiosk</title>')
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'export {}\n')
    app = await createApp(built)
    emptyApp = await createApp(join(folder, 'missing'))
  })

  afterAll(async () => {
    await app.close()
    await emptyApp.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('returns the store name, languages, welcome text and theme from store.json when asked', async () => {
    const response = await app.inject({ url: '/api/store/configuration' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      name: 'Kedai Demo',
      currency: 'MYR',
      defaultLocale: 'en',
      locales: ['en', 'zh-Hant', 'zh-Hans', 'ms'],
      theme: { primaryColor: '#0f766e', accentColor: '#f59e0b', position: 'right', logoUrl: null },
    })
    expect(body.welcome['zh-Hant']).toContain('購物')
    expect(body.widgetVersion).toMatch(/^[0-9a-f]{12}$/)
  })

  it('refuses the configuration with 403 origin-not-allowed when the origin is not configured', async () => {
    const response = await app.inject({
      url: '/api/store/configuration',
      headers: { origin: 'https://evil.example' },
    })
    expect(response.statusCode).toBe(403)
    expect(response.json().error).toMatchObject({
      code: 'forbidden',
      details: { reason: 'origin-not-allowed' },
    })
  })

  it('answers the configuration when the origin is configured or the page is the same site', async () => {
    const allowed = await app.inject({
      url: '/api/store/configuration',
      headers: { origin: 'https://shop.example' },
    })
    expect(allowed.statusCode).toBe(200)
    const sameSite = await app.inject({
      url: '/api/store/configuration',
      headers: { origin: 'http://kedai.internal:8080', host: 'kedai.internal:8080' },
    })
    expect(sameSite.statusCode).toBe(200)
  })

  it('caches /widget.js for a year only when the version query is the current build', async () => {
    const version = (await app.inject({ url: '/api/store/configuration' })).json().widgetVersion
    const versioned = await app.inject({ url: `/widget.js?v=${version}` })
    expect(versioned.statusCode).toBe(200)
    expect(versioned.headers['content-type']).toContain('text/javascript')
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(versioned.body).toContain('kedai widget')
    const unversioned = await app.inject({ url: '/widget.js' })
    expect(unversioned.headers['cache-control']).toBe('public, max-age=300')
    const stale = await app.inject({ url: '/widget.js?v=000000000000' })
    expect(stale.headers['cache-control']).toBe('public, max-age=300')
  })

  it('answers 304 without a body when the browser already has this build', async () => {
    const first = await app.inject({ url: '/widget.js' })
    const again = await app.inject({
      url: '/widget.js',
      headers: { 'if-none-match': String(first.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const changed = await app.inject({
      url: '/widget.js',
      headers: { 'if-none-match': '"000000000000"' },
    })
    expect(changed.statusCode).toBe(200)
  })

  it('serves the storefront page with a versioned widget tag on every storefront path', async () => {
    const version = (await app.inject({ url: '/api/store/configuration' })).json().widgetVersion
    for (const url of ['/', '/products/canvas-low-top-sneakers', '/cart']) {
      const response = await app.inject({ url })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toContain('text/html')
      expect(response.body).toContain(`src="/widget.js?v=${version}"`)
    }
  })

  it('serves the kiosk page and rejects a malformed store code with a 400 naming the field', async () => {
    const kiosk = await app.inject({ url: '/kiosk?store=kl-mid-valley' })
    expect(kiosk.statusCode).toBe(200)
    expect(kiosk.body).toContain('Kiosk')
    const malformed = await app.inject({ url: '/kiosk?store=%3Cscript%3E' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.issues[0].path).toContain('store')
  })

  it('serves hashed assets with an immutable cache', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toContain('immutable')
  })

  it('answers 404 with a build hint, never a 5xx, when the widget is not built', async () => {
    for (const url of ['/widget.js', '/', '/kiosk']) {
      const response = await emptyApp.inject({ url })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.message).toContain('npm run build')
    }
  })
})

describe('isOriginAllowed', () => {
  it('allows requests without an origin, from the public URL and from configured origins', () => {
    expect(isOriginAllowed(undefined, configuration)).toBe(true)
    expect(isOriginAllowed('http://localhost:3000', configuration)).toBe(true)
    expect(isOriginAllowed('https://shop.example', configuration)).toBe(true)
  })

  it('refuses an origin that is neither the server nor configured', () => {
    expect(isOriginAllowed('https://shop.example.evil', configuration)).toBe(false)
    expect(isOriginAllowed('http://localhost:3001', configuration)).toBe(false)
  })

  it('refuses the opaque null origin of sandboxed frames and files when it is sent', () => {
    expect(isOriginAllowed('null', configuration, 'localhost:3000')).toBe(false)
  })
})
