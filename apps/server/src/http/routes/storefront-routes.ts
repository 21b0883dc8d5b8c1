import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../shared/app-error.ts'
import { locales } from '../../shared/locale.ts'
import type { ServerContext } from '../server-context.ts'

const hexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour such as #0f766e')

const localizedWelcomeSchema = z.object({
  en: z.string().min(1),
  'zh-Hant': z.string().min(1).optional(),
  'zh-Hans': z.string().min(1).optional(),
  ms: z.string().min(1).optional(),
})

/** The store file (`data/demo/store.json`) as far as the storefront and widget read it. */
const storeFileSchema = z.object({
  name: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  defaultLocale: z.enum(locales).default('en'),
  supportEmail: z.string().optional(),
  welcome: localizedWelcomeSchema,
  assistantName: z.string().min(1).max(60).optional(),
  theme: z
    .object({
      primaryColor: hexColorSchema.default('#0f766e'),
      accentColor: hexColorSchema.default('#f59e0b'),
      position: z.enum(['left', 'right']).default('right'),
      logoUrl: z.string().optional(),
    })
    .default({ primaryColor: '#0f766e', accentColor: '#f59e0b', position: 'right' }),
})

/** `GET /api/store/configuration`: what the widget and storefront need to look like the store. */
export const storeConfigurationSchema = z.object({
  name: z.string(),
  currency: z.string(),
  defaultLocale: z.enum(locales),
  locales: z.array(z.enum(locales)),
  assistantName: z.string(),
  welcome: localizedWelcomeSchema,
  supportEmail: z.string().nullable(),
  theme: z.object({
    primaryColor: z.string(),
    accentColor: z.string(),
    position: z.enum(['left', 'right']),
    logoUrl: z.string().nullable(),
  }),
  /** The current widget build; `/widget.js?v=<this>` may be cached for a year. */
  widgetVersion: z.string().nullable(),
})

/** One of {@link storeConfigurationSchema}. */
export type StoreConfiguration = z.infer<typeof storeConfigurationSchema>

/** Where the storefront routes find their files. */
export interface StorefrontRouteOptions {
  /** Vite's output folder of `apps/widget` (default: next to the demo data, `apps/widget/dist`). */
  readonly widgetDirectory?: string
}

const pagePaths = ['/', '/products/:slug', '/cart'] as const
const widgetCacheSeconds = { versioned: 31_536_000, unversioned: 300 } as const

/** True when a browser request's `Origin` may use the widget API (same origin or configured). */
export function isOriginAllowed(
  origin: string | undefined,
  configuration: Pick<ServerContext['configuration'], 'publicUrl' | 'allowedOrigins'>,
  requestHost?: string,
): boolean {
  if (origin === undefined) return true
  if (origin === configuration.publicUrl) return true
  if (configuration.allowedOrigins.includes(origin)) return true
  // Browsers send `null` from sandboxed frames and files; that is never the store's own page.
  if (requestHost === undefined || !URL.canParse(origin)) return false
  return new URL(origin).host === requestHost
}

/**
 * The demo storefront and the widget: `/widget.js` (CORS for `ALLOWED_ORIGINS`, cached for a year
 * when requested with `?v=<version>`), the storefront pages at `/`, `/products/:slug`, `/cart`,
 * the kiosk at `/kiosk`, their hashed assets under `/assets/`, and `GET /api/store/configuration`.
 */
export function createStorefrontRoutes(
  context: Pick<ServerContext, 'configuration'>,
  options: StorefrontRouteOptions = {},
): FastifyPluginAsyncZod {
  const widgetDirectory =
    options.widgetDirectory ??
    resolve(context.configuration.demoDirectory, '..', '..', 'apps', 'widget', 'dist')

  let widgetCache: { modified: number; body: Buffer; version: string } | undefined
  async function readWidget(): Promise<typeof widgetCache> {
    const file = join(widgetDirectory, 'widget.js')
    const status = await stat(file).catch(() => undefined)
    if (status === undefined) return undefined
    if (widgetCache?.modified !== status.mtimeMs) {
      // A build in progress may remove the file between stat and read: then it is not there yet.
      const body = await readFile(file).catch(() => undefined)
      if (body === undefined) return undefined
      const version = createHash('sha256').update(body).digest('hex').slice(0, 12)
      widgetCache = { modified: status.mtimeMs, body, version }
    }
    return widgetCache
  }

  async function readStoreFile(): Promise<z.infer<typeof storeFileSchema>> {
    const text = await readFile(join(context.configuration.demoDirectory, 'store.json'), 'utf8')
    const parsed = storeFileSchema.safeParse(JSON.parse(text))
    if (!parsed.success)
      throw new AppError('internal', `store.json is invalid: ${parsed.error.message}`)
    return parsed.data
  }

  function refuseUnknownOrigin(request: FastifyRequest): void {
    if (!isOriginAllowed(request.headers.origin, context.configuration, request.headers.host))
      throw new AppError(
        'forbidden',
        `The origin ${request.headers.origin ?? ''} may not embed this store's widget; add it to ALLOWED_ORIGINS.`,
        { details: { reason: 'origin-not-allowed' } },
      )
  }

  async function sendPage(reply: FastifyReply, file: 'index.html' | 'kiosk.html') {
    const page = await readFile(join(widgetDirectory, file), 'utf8').catch(() => undefined)
    if (page === undefined)
      throw new AppError(
        'not-found',
        'The storefront is not built yet: run `npm run build` (or `npm start`, which builds it).',
      )
    const widget = await readWidget()
    const html = page.replaceAll(
      'src="/widget.js"',
      `src="/widget.js${widget === undefined ? '' : `?v=${widget.version}`}"`,
    )
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html)
  }

  return async (app) => {
    app.get(
      '/widget.js',
      {
        schema: {
          tags: ['storefront'],
          summary: 'The embeddable chat widget (one <script> tag)',
          querystring: z.object({ v: z.string().max(64).optional() }),
        },
      },
      async (request, reply) => {
        const widget = await readWidget()
        if (widget === undefined)
          throw new AppError('not-found', 'The widget is not built yet: run `npm run build`.')
        const isCurrentVersion = request.query.v === widget.version
        if (request.headers['if-none-match'] === `"${widget.version}"`)
          return reply.status(304).header('etag', `"${widget.version}"`).send()
        return reply
          .type('text/javascript; charset=utf-8')
          .header(
            'cache-control',
            isCurrentVersion
              ? `public, max-age=${widgetCacheSeconds.versioned}, immutable`
              : `public, max-age=${widgetCacheSeconds.unversioned}`,
          )
          .header('etag', `"${widget.version}"`)
          .header('cross-origin-resource-policy', 'cross-origin')
          .send(widget.body)
      },
    )

    app.get(
      '/api/store/configuration',
      {
        schema: {
          tags: ['store'],
          summary: "The store's name, currency, languages, welcome text and widget theme",
          response: { 200: storeConfigurationSchema },
        },
      },
      async (request, reply) => {
        refuseUnknownOrigin(request)
        const store = await readStoreFile()
        const widget = await readWidget()
        reply.header('cache-control', 'public, max-age=60')
        return {
          name: store.name,
          currency: store.currency,
          defaultLocale: store.defaultLocale,
          locales: [...locales],
          assistantName: store.assistantName ?? store.name,
          welcome: store.welcome,
          supportEmail: store.supportEmail ?? null,
          theme: {
            primaryColor: store.theme.primaryColor,
            accentColor: store.theme.accentColor,
            position: store.theme.position,
            logoUrl: store.theme.logoUrl ?? null,
          },
          widgetVersion: widget?.version ?? null,
        }
      },
    )

    for (const path of pagePaths) {
      app.get(
        path,
        { schema: { tags: ['storefront'], summary: 'Demo storefront page', hide: true } },
        async (_request, reply) => sendPage(reply, 'index.html'),
      )
    }
    app.get(
      '/kiosk',
      {
        schema: {
          tags: ['storefront'],
          summary: 'Full-screen in-store kiosk chat (`?store=<location code>`)',
          querystring: z.object({
            store: z
              .string()
              .regex(/^[a-z0-9-]+$/, 'expected a store code such as kl-mid-valley')
              .optional(),
          }),
        },
      },
      async (_request, reply) => sendPage(reply, 'kiosk.html'),
    )

    if (existsSync(join(widgetDirectory, 'assets')))
      await app.register(fastifyStatic, {
        root: join(widgetDirectory, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        immutable: true,
        maxAge: '365d',
        schemaHide: true,
      })
  }
}
