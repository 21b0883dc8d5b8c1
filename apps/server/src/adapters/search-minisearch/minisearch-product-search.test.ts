import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCatalogService, type CatalogService } from '../../domains/catalog/index.ts'
import { createDatabase, migrateToLatest, type DatabaseHandle } from '../../db/database.ts'
import { demoCatalogSchema } from '../../db/seed/demo-files.ts'
import { seedDemoStore } from '../../db/seed/load-demo-store.ts'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createEventBus } from '../../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { createMiniSearchProductSearch } from './minisearch-product-search.ts'

const demoDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../data/demo')

describe('MiniSearchProductSearch', () => {
  let folder: string
  let handle: DatabaseHandle
  let catalog: CatalogService

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-search-'))
    handle = await createDatabase({ sqliteFile: join(folder, 'search.db') })
    await migrateToLatest(handle)
    await seedDemoStore(handle, {
      demoDirectory,
      currency: 'MYR',
      now: () => new Date('2026-11-24T09:00:00.000Z'),
      createId: createSequentialIdGenerator(),
    })
    const demoCatalog = demoCatalogSchema.parse(
      JSON.parse(readFileSync(join(demoDirectory, 'catalog.json'), 'utf8')),
    )
    catalog = createCatalogService({
      db: handle.db,
      search: createMiniSearchProductSearch(),
      configuration: { optionValueTranslations: demoCatalog.optionValues },
    })
    await catalog.rebuildSearchIndex()
  })

  afterAll(async () => {
    await handle.close()
    rmSync(folder, { recursive: true, force: true })
  })

  async function slugsFor(
    text: string,
    extra: Partial<Parameters<CatalogService['searchProducts']>[0]> = {},
  ) {
    const page = await catalog.searchProducts({
      text,
      locale: 'en',
      page: 1,
      pageSize: 20,
      ...extra,
    })
    return page.items.map((item) => item.slug)
  }

  it('finds the same products when the query is in Traditional or Simplified Chinese', async () => {
    const traditional = await slugsFor('運動鞋')
    const simplified = await slugsFor('运动鞋')
    expect(traditional).toEqual(simplified)
    expect(traditional.slice(0, 3)).toEqual(expect.arrayContaining(['urban-sneakers', 'sneakers']))
    expect(traditional).not.toContain('linen-midi-dress')
  })

  it('finds a product by a Chinese name part when the query is a single word inside it', async () => {
    expect(await slugsFor('連衣裙')).toEqual(
      expect.arrayContaining(['linen-midi-dress', 'batik-wrap-dress']),
    )
    expect((await slugsFor('咖啡機')).slice(0, 2)).toEqual(
      expect.arrayContaining(['coffee-maker', 'espresso-machine']),
    )
  })

  it('finds variants by a colour word in Chinese or Malay when option values are translated', async () => {
    const chinese = await slugsFor('黑色運動鞋')
    expect(chinese).toContain('urban-sneakers')
    expect(chinese).not.toContain('canvas-low-top-sneakers')
    expect(chinese).not.toContain('sport-socks')
    const malay = await slugsFor('kasut sukan hitam')
    expect(malay).toContain('urban-sneakers')
    expect(malay).not.toContain('canvas-low-top-sneakers')
  })

  it('forgives a typo when the shopper writes snekers', async () => {
    const slugs = await slugsFor('snekers')
    expect(slugs.slice(0, 3)).toEqual(
      expect.arrayContaining(['urban-sneakers', 'canvas-low-top-sneakers']),
    )
  })

  it('finds running shoes when the query is Malay', async () => {
    const slugs = await slugsFor('kasut larian')
    expect(slugs).toEqual(
      expect.arrayContaining(['stride-road-running-shoes', 'trail-grip-running-shoes']),
    )
    expect(slugs).not.toContain('linen-midi-dress')
  })

  it('matches a prefix when the shopper is still typing', async () => {
    expect(await slugsFor('sneak')).toEqual(expect.arrayContaining(['urban-sneakers']))
  })

  it('matches option values when the query names a colour', async () => {
    const page = await catalog.searchProducts({ text: 'olive', locale: 'en', page: 1, pageSize: 5 })
    expect(page.items[0]?.slug).toBe('trail-grip-running-shoes')
  })

  it('returns only products of a category and its children when filtering by a parent category', async () => {
    const page = await catalog.searchProducts({
      locale: 'en',
      categoryKeys: ['shoes'],
      page: 1,
      pageSize: 50,
    })
    const categories = new Set(page.items.map((item) => item.categoryKey))
    expect(
      [...categories].every((key) => ['sneakers', 'running-shoes', 'boots'].includes(key ?? '')),
    ).toBe(true)
    expect(page.items.map((item) => item.slug)).toEqual(
      expect.arrayContaining(['urban-sneakers', 'stride-road-running-shoes', 'hiking-boots']),
    )
  })

  it('keeps only variants within the price range and with the option values asked for', async () => {
    const page = await catalog.searchProducts({
      text: 'sneakers',
      locale: 'en',
      priceMaxAmount: 200_00,
      options: { color: ['RED'] },
      page: 1,
      pageSize: 20,
    })
    expect(page.items.map((item) => item.slug)).toEqual(['canvas-low-top-sneakers'])
    const detail = await catalog.getProduct('canvas-low-top-sneakers', 'en')
    const redIds = detail?.variants
      .filter((variant) => variant.options.color === 'red')
      .map((variant) => variant.id)
    expect([...(page.items[0]?.matchingVariantIds ?? [])].sort()).toEqual(
      [...(redIds ?? [])].sort(),
    )
  })

  it('ranks in-stock products first and drops out-of-stock ones when only in-stock is asked', async () => {
    const sneakers = await catalog.getProduct('urban-sneakers', 'en')
    if (sneakers === undefined) throw new Error('demo sneakers missing')
    const before = await catalog.searchProducts({
      text: 'sneakers',
      locale: 'en',
      page: 1,
      pageSize: 20,
    })
    expect(before.items.find((item) => item.slug === 'urban-sneakers')?.inStock).toBe(true)
    await handle.db
      .updateTable('stock_levels')
      .set({ on_hand: 0, reserved: 0 })
      .where(
        'variant_id',
        'in',
        sneakers.variants.map((variant) => variant.id),
      )
      .execute()
    await catalog.refreshSearchIndex({ productIds: [sneakers.id] })
    const after = await catalog.searchProducts({
      text: 'sneakers',
      locale: 'en',
      page: 1,
      pageSize: 20,
    })
    const position = after.items.findIndex((item) => item.slug === 'urban-sneakers')
    expect(position).toBeGreaterThan(-1)
    expect(after.items[position]?.inStock).toBe(false)
    const lastInStock = after.items.map((item) => item.inStock).lastIndexOf(true)
    expect(lastInStock).toBeGreaterThan(-1)
    expect(position).toBeGreaterThan(lastInStock)
    expect(after.items.slice(lastInStock + 1).every((item) => !item.inStock)).toBe(true)
    expect(await slugsFor('sneakers', { inStockOnly: true })).not.toContain('urban-sneakers')
  })

  it('offers same-category products with close options and price as similar products', async () => {
    const product = await catalog.getProduct('stride-road-running-shoes', 'en')
    const similar = await catalog.findSimilarProducts(product?.id ?? '', {
      locale: 'zh-Hant',
      limit: 3,
    })
    expect(similar?.[0]?.slug).toBe('trail-grip-running-shoes')
    expect(similar?.[0]?.name).toBe('TrailGrip 越野跑鞋')
    expect(
      await catalog.findSimilarProducts('prd_missing', { locale: 'en', limit: 3 }),
    ).toBeUndefined()
  })

  it('finds nothing and does not throw when the query is only punctuation or unknown words', async () => {
    expect(await slugsFor('?!… ¿¡')).toEqual([])
    expect(await slugsFor('qwxzvbnm')).toEqual([])
  })

  it('gives product names in the asked locale when reading a product', async () => {
    const product = await catalog.getProduct('linen-midi-dress', 'ms')
    expect(product?.name).toBe('Gaun Midi Linen')
    expect(product?.variants[0]?.stock.length).toBeGreaterThan(1)
  })

  it('updates the index from stock events when a sold-out product is restocked', async () => {
    const boots = await catalog.getProduct('hiking-boots', 'en')
    if (boots === undefined) throw new Error('demo hiking boots missing')
    const variantIds = boots.variants.map((variant) => variant.id)
    await handle.db
      .updateTable('stock_levels')
      .set({ on_hand: 0, reserved: 0 })
      .where('variant_id', 'in', variantIds)
      .execute()
    await catalog.refreshSearchIndex({ productIds: [boots.id] })
    expect(await slugsFor('hiking boots', { inStockOnly: true })).not.toContain('hiking-boots')
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => new Date('2026-11-24T10:00:00.000Z'),
      createId: () => `evt_${Math.random().toString(36).slice(2)}`,
    })
    const stop = catalog.followChanges(eventBus)
    const variantId = boots.variants.find((variant) => variant.isAvailable)?.id ?? ''
    await handle.db
      .updateTable('stock_levels')
      .set({ on_hand: 4 })
      .where('variant_id', '=', variantId)
      .execute()
    await eventBus.publish({
      type: 'inventory.restocked',
      aggregateId: variantId,
      payload: { variantId, quantity: 4 },
    })
    stop()
    expect(await slugsFor('hiking boots', { inStockOnly: true })).toContain('hiking-boots')
  })
})
