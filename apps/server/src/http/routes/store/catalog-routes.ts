import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../shared/app-error.ts'
import { locales, type Locale } from '../../../shared/locale.ts'
import { parseDecimalAmount } from '../../../shared/money.ts'
import type { ServerContext } from '../../server-context.ts'

const localeSchema = z.enum(locales).optional().describe('Language of names and descriptions')

const decimalPrice = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'expected a price such as 150 or 149.90')
  .optional()

const optionsFilter = z
  .string()
  .regex(
    /^[^:,]+:[^:,]+(,[^:,]+:[^:,]+)*$/,
    'expected name:value pairs separated by commas, such as color:black,size:9',
  )
  .optional()
  .describe(
    'Option filters: `color:black,color:white,size:9` (values of one option are alternatives)',
  )

const productsQuerySchema = z.object({
  q: z.string().max(200).optional().describe('Free text in any language; typos are forgiven'),
  locale: localeSchema,
  category: z
    .string()
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'expected category keys separated by commas')
    .optional()
    .describe('Category keys, comma-separated; a parent category includes its children'),
  priceMin: decimalPrice.describe('Lowest price in the store currency (major units)'),
  priceMax: decimalPrice.describe('Highest price in the store currency (major units)'),
  options: optionsFilter,
  inStock: z.enum(['true', 'false']).optional().describe('Only products in stock online'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
})

const productParamsSchema = z.object({
  id: z.string().min(1).max(200).describe('Product id (`prd_…`) or slug'),
})

function parseOptionsFilter(text: string | undefined): Record<string, string[]> | undefined {
  if (text === undefined) return undefined
  const options: Record<string, string[]> = {}
  for (const pair of text.split(',')) {
    const [name = '', value = ''] = pair.split(':')
    ;(options[name.trim()] ??= []).push(value.trim())
  }
  return options
}

/** `/api/store/products…`, `/api/store/categories`, `/api/store/locations`: the catalog for shoppers. */
export function createCatalogRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const defaultLocale = (): Locale => context.configuration.store.locale as Locale
  const currency = context.configuration.store.currency
  return async (app) => {
    app.get(
      '/api/store/products',
      {
        schema: {
          tags: ['store'],
          summary:
            'Search and list products (full text in four languages, filters, in stock first)',
          querystring: productsQuerySchema,
        },
      },
      async (request) => {
        const query = request.query
        const priceMinAmount =
          query.priceMin === undefined
            ? undefined
            : parseDecimalAmount(query.priceMin, currency).amount
        const priceMaxAmount =
          query.priceMax === undefined
            ? undefined
            : parseDecimalAmount(query.priceMax, currency).amount
        if (
          priceMinAmount !== undefined &&
          priceMaxAmount !== undefined &&
          priceMinAmount > priceMaxAmount
        ) {
          throw new AppError('validation', 'priceMin must not be above priceMax.', {
            issues: [{ path: 'querystring.priceMin', message: 'must not be above priceMax' }],
          })
        }
        return context.catalog.searchProducts({
          text: query.q,
          locale: query.locale ?? defaultLocale(),
          categoryKeys: query.category?.split(','),
          priceMinAmount,
          priceMaxAmount,
          options: parseOptionsFilter(query.options),
          inStockOnly: query.inStock === 'true',
          page: query.page,
          pageSize: query.pageSize,
        })
      },
    )

    app.get(
      '/api/store/products/:id',
      {
        schema: {
          tags: ['store'],
          summary: 'A product with its variants, prices and stock per location',
          params: productParamsSchema,
          querystring: z.object({ locale: localeSchema }),
        },
      },
      async (request) => {
        const product = await context.catalog.getProduct(
          request.params.id,
          request.query.locale ?? defaultLocale(),
        )
        if (product === undefined) {
          throw new AppError('not-found', `No product ${request.params.id}.`, {
            details: { reason: 'product-not-found' },
          })
        }
        return product
      },
    )

    app.get(
      '/api/store/products/:id/similar',
      {
        schema: {
          tags: ['store'],
          summary: 'Products that can replace this one (same category, closest options and price)',
          params: productParamsSchema,
          querystring: z.object({
            locale: localeSchema,
            limit: z.coerce.number().int().min(1).max(20).default(4),
          }),
        },
      },
      async (request) => {
        const locale = request.query.locale ?? defaultLocale()
        const product = await context.catalog.getProduct(request.params.id, locale)
        const similar =
          product === undefined
            ? undefined
            : await context.catalog.findSimilarProducts(product.id, {
                locale,
                limit: request.query.limit,
              })
        if (similar === undefined) {
          throw new AppError('not-found', `No product ${request.params.id}.`, {
            details: { reason: 'product-not-found' },
          })
        }
        return { items: similar }
      },
    )

    app.get(
      '/api/store/categories',
      {
        schema: {
          tags: ['store'],
          summary: 'The category tree (flat, with parent keys)',
          querystring: z.object({ locale: localeSchema }),
        },
      },
      async (request) => ({
        items: await context.catalog.listCategories(request.query.locale ?? defaultLocale()),
      }),
    )

    app.get(
      '/api/store/locations',
      {
        schema: {
          tags: ['store'],
          summary: 'The online warehouse and the physical stores with opening hours',
          querystring: z.object({ locale: localeSchema }),
        },
      },
      async (request) => ({
        items: await context.catalog.listLocations(request.query.locale ?? defaultLocale()),
      }),
    )
  }
}
