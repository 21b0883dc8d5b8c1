import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCatalogService,
  type CatalogService,
  type ProductSearchDocument,
  type ProductSearchQuery,
} from '../../domains/catalog/index.ts'
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

describe('MiniSearchProductSearch on a generated catalog', () => {
  function productNumbered(
    number: number,
    extra: Partial<ProductSearchDocument> = {},
  ): ProductSearchDocument {
    const id = `prd_${String(number).padStart(4, '0')}`
    return {
      productId: id,
      categoryKeys: [number % 2 === 0 ? 'even' : 'odd'],
      name: { en: `Trail Bottle ${String(number)}`, 'zh-Hant': '水壺', 'zh-Hans': '水壶' },
      description: { en: `Bottle number ${String(number)} for long walks.` },
      tags: ['bottle'],
      brand: null,
      categoryNames: [],
      variants: [
        {
          variantId: `${id}_v`,
          options: { size: number % 3 === 0 ? 'L' : 'M' },
          priceAmount: 1_000 + number,
          inStock: number % 4 !== 0,
        },
      ],
      ...extra,
    }
  }

  async function searchWith(
    search: ReturnType<typeof createMiniSearchProductSearch>,
    query: Partial<ProductSearchQuery>,
  ) {
    return search.search({ offset: 0, limit: 20, ...query })
  }

  it('finds one product entry by any variant option value in four languages, a typo and a filter', async () => {
    const search = createMiniSearchProductSearch()
    const sneakers: ProductSearchDocument = {
      ...productNumbered(1),
      productId: 'prd_sneakers',
      name: {
        en: 'Urban Sneakers',
        'zh-Hant': '都市運動鞋',
        'zh-Hans': '都市运动鞋',
        ms: 'Kasut Bandar',
      },
      optionTexts: ['黑色', '紅色', '红色', 'hitam', 'merah'],
      variants: [
        {
          variantId: 'black_9',
          options: { color: 'black', size: '9' },
          priceAmount: 100,
          inStock: true,
        },
        {
          variantId: 'red_9',
          options: { color: 'red', size: '9' },
          priceAmount: 100,
          inStock: false,
        },
        {
          variantId: 'red_10',
          options: { color: 'red', size: '10' },
          priceAmount: 120,
          inStock: true,
        },
      ],
    }
    await search.replaceAll([sneakers, productNumbered(2), productNumbered(3)])
    for (const text of [
      'black',
      '黑色',
      '紅色運動鞋',
      '红色运动鞋',
      'kasut hitam',
      'merah',
      'blck',
    ]) {
      const result = await searchWith(search, { text })
      expect(
        result.hits.map((hit) => hit.productId),
        text,
      ).toEqual(['prd_sneakers'])
    }
    const red = await searchWith(search, { text: 'merah', options: { Color: ['RED'] } })
    expect(red.hits[0]?.matchingVariantIds).toEqual(['red_9', 'red_10'])
    const redInStock = await searchWith(search, {
      text: '紅色',
      options: { color: ['red'] },
      inStockOnly: true,
      priceMaxAmount: 200,
    })
    expect(redInStock.hits[0]?.matchingVariantIds).toEqual(['red_10'])
    expect(await searchWith(search, { text: 'black', options: { color: ['white'] } })).toEqual({
      total: 0,
      hits: [],
    })
  })

  it('gives the same order page by page as in one long page, in-stock products first', async () => {
    const search = createMiniSearchProductSearch()
    await search.replaceAll(Array.from({ length: 600 }, (_, number) => productNumbered(number)))
    for (const text of ['bottle', '水壺', 'botle walks', '']) {
      const whole = await searchWith(search, { text, limit: 600 })
      expect(whole.total, text).toBe(600)
      const paged: string[] = []
      for (let offset = 0; offset < 600; offset += 40) {
        const page = await searchWith(search, { text, offset, limit: 40 })
        expect(page.total).toBe(600)
        paged.push(...page.hits.map((hit) => hit.productId))
      }
      expect(paged).toEqual(whole.hits.map((hit) => hit.productId))
      const stock = whole.hits.map((hit) => hit.inStock)
      expect(stock.indexOf(false)).toBe(450)
      expect(stock.lastIndexOf(true)).toBe(449)
      const inStockScores = whole.hits.slice(0, 450).map((hit) => hit.score)
      expect(inStockScores).toEqual([...inStockScores].sort((left, right) => right - left))
    }
  })

  it('lists several categories in catalog order, in-stock first, when there is no text', async () => {
    const search = createMiniSearchProductSearch()
    await search.replaceAll(Array.from({ length: 12 }, (_, number) => productNumbered(number)))
    const listed = await searchWith(search, {
      categoryKeys: ['odd', 'even'],
      options: { size: ['M'] },
    })
    expect(listed.hits.map((hit) => hit.productId)).toEqual([
      'prd_0001',
      'prd_0002',
      'prd_0005',
      'prd_0007',
      'prd_0010',
      'prd_0011',
      'prd_0004',
      'prd_0008',
    ])
  })

  it('keeps a product in its place among equals when its stock changes, and drops it once removed', async () => {
    const search = createMiniSearchProductSearch()
    const products = Array.from({ length: 8 }, (_, number) => productNumbered(number * 2 + 1))
    await search.replaceAll(products)
    const order = async () =>
      (await searchWith(search, { categoryKeys: ['odd'] })).hits.map((hit) => hit.productId)
    const before = await order()
    const third = products[2]
    if (third === undefined) throw new Error('missing product')
    const soldOut = third.variants.map((variant) => ({ ...variant, inStock: false }))
    await search.upsert([{ ...third, variants: soldOut }])
    expect((await order()).at(-1)).toBe(third.productId)
    await search.upsert([third])
    expect(await order()).toEqual(before)
    await search.remove([third.productId, 'prd_unknown'])
    expect(await order()).not.toContain(third.productId)
    expect(search.size()).toBe(7)
    const byName = await searchWith(search, { text: third.name.en ?? '', limit: 50 })
    expect(byName.hits.map((hit) => hit.productId)).not.toContain(third.productId)
    await search.upsert([third])
    expect(await order()).toEqual(before)
    expect(search.size()).toBe(8)
  })

  it('finds nothing and does not throw for odd paging or a pasted paragraph', async () => {
    const search = createMiniSearchProductSearch()
    await search.replaceAll([productNumbered(1), productNumbered(2)])
    const paragraph = Array.from({ length: 400 }, (_, index) => `word${String(index)}`).join(' ')
    expect((await searchWith(search, { text: paragraph })).total).toBe(0)
    // Any word is enough when all words together find nothing; only the first 32 words count.
    expect((await searchWith(search, { text: `bottle ${paragraph}` })).total).toBe(2)
    expect((await searchWith(search, { text: `${paragraph} bottle` })).total).toBe(0)
    const negative = await searchWith(search, { text: 'bottle', offset: -5, limit: 1 })
    expect(negative.hits.map((hit) => hit.productId)).toEqual(['prd_0001'])
    expect(negative.total).toBe(2)
    expect((await searchWith(search, { text: 'bottle', offset: 10 })).hits).toEqual([])
    expect((await searchWith(search, { text: 'bottle', limit: 0 })).hits).toEqual([])
  })
})
