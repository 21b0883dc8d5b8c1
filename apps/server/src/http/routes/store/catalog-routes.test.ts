import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'

interface ProductsPage {
  total: number
  items: { slug: string; name: string; inStock: boolean; priceFrom: { amount: number } }[]
}

describe('catalog routes', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    await server.close()
  })

  it('finds sneakers in Traditional Chinese and names them in the asked locale when searching', async () => {
    const response = await server.app.inject({
      url: `/api/store/products?q=${encodeURIComponent('運動鞋')}&locale=zh-Hans`,
    })
    expect(response.statusCode).toBe(200)
    const page = response.json() as ProductsPage
    expect(page.items.map((item) => item.slug)).toContain('urban-sneakers')
    expect(page.items.find((item) => item.slug === 'urban-sneakers')?.name).toBe('都市休闲鞋')
  })

  it('applies category, price and option filters when listing without text', async () => {
    const response = await server.app.inject({
      url: '/api/store/products?category=shoes&priceMax=200&options=color:red',
    })
    expect(response.statusCode).toBe(200)
    const page = response.json() as ProductsPage
    const slugs = page.items.map((item) => item.slug)
    expect(slugs).toContain('canvas-low-top-sneakers')
    expect(slugs).not.toContain('urban-sneakers')
    expect(page.items.every((item) => item.priceFrom.amount <= 200_00)).toBe(true)
    const all = (
      await server.app.inject({ url: '/api/store/products?category=shoes' })
    ).json() as ProductsPage
    expect(all.total).toBeGreaterThan(page.total)
  })

  it('answers 400 naming the field when a filter is malformed', async () => {
    for (const query of [
      'priceMin=cheap',
      'options=color',
      'pageSize=500',
      'category=Not%20A%20Key',
      'inStock=maybe',
    ]) {
      const response = await server.app.inject({ url: `/api/store/products?${query}` })
      expect(response.statusCode, query).toBe(400)
      expect((response.json() as { error: { code: string } }).error.code).toBe('validation')
    }
    const inverted = await server.app.inject({
      url: '/api/store/products?priceMin=300&priceMax=100',
    })
    expect(inverted.statusCode).toBe(400)
  })

  it('returns a product with stock per location, and 404 product-not-found for an unknown one', async () => {
    const found = await server.app.inject({ url: '/api/store/products/urban-sneakers?locale=ms' })
    expect(found.statusCode).toBe(200)
    const product = found.json() as { variants: { stock: { locationCode: string }[] }[] }
    expect(product.variants[0]?.stock.map((stock) => stock.locationCode)).toContain('warehouse')
    const missing = await server.app.inject({ url: '/api/store/products/no-such-product' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { details: { reason: 'product-not-found' } } })
  })

  it('lists similar products of the same category first', async () => {
    const response = await server.app.inject({
      url: '/api/store/products/urban-sneakers/similar?limit=2',
    })
    expect(response.statusCode).toBe(200)
    const slugs = (response.json() as { items: { slug: string }[] }).items.map((item) => item.slug)
    expect(slugs).toHaveLength(2)
    expect(slugs).toEqual(expect.arrayContaining(['canvas-low-top-sneakers']))
  })

  it('lists categories and locations in the asked language', async () => {
    const categories = (
      await server.app.inject({ url: '/api/store/categories?locale=zh-Hant' })
    ).json() as { items: { key: string; name: string }[] }
    expect(categories.items.find((category) => category.key === 'dresses')?.name).toBe('洋裝')
    const locations = (await server.app.inject({ url: '/api/store/locations' })).json() as {
      items: { code: string; kind: string }[]
    }
    expect(locations.items.map((location) => location.kind)).toEqual(
      expect.arrayContaining(['warehouse', 'store']),
    )
  })

  it('documents the store routes in the OpenAPI document', async () => {
    const document = (await server.app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/store/products',
        '/api/store/products/{id}',
        '/api/store/carts/{token}/checkout',
        '/api/store/carts/{token}/lines',
      ]),
    )
  })
})
