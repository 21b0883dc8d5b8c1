import { describe, expect, it } from 'vitest'
import type { ProductSearchDocument, ProductSearchQuery } from '../../domains/catalog/index.ts'
import { createProductFilterTable, filterOutcomes } from './product-filter-table.ts'

function productWith(
  productId: string,
  categoryKeys: readonly string[],
  variants: readonly [Record<string, string>, number, boolean][],
): ProductSearchDocument {
  return {
    productId,
    categoryKeys,
    name: { en: productId },
    description: { en: '' },
    tags: [],
    brand: null,
    categoryNames: [],
    variants: variants.map(([options, priceAmount, inStock], index) => ({
      variantId: `${productId}-v${String(index)}`,
      options,
      priceAmount,
      inStock,
    })),
  }
}

const sneakers = productWith(
  'sneakers',
  ['shoes', 'sneakers'],
  [
    [{ Color: 'Black', size: '9' }, 199_00, false],
    [{ Color: 'Black', size: '10' }, 199_00, true],
    [{ Color: 'Red', size: '9' }, 149_00, true],
  ],
)
const boots = productWith('boots', ['shoes', 'boots'], [[{ color: 'brown' }, 399_00, false]])

/** The variant ids a straightforward reading of the query keeps, for comparison. */
function expectedVariantIds(document: ProductSearchDocument, query: ProductSearchQuery): string[] {
  if (
    query.categoryKeys !== undefined &&
    query.categoryKeys.length > 0 &&
    !query.categoryKeys.some((key) => document.categoryKeys.includes(key))
  ) {
    return []
  }
  return document.variants
    .filter((variant) => {
      if (query.priceMinAmount !== undefined && variant.priceAmount < query.priceMinAmount) {
        return false
      }
      if (query.priceMaxAmount !== undefined && variant.priceAmount > query.priceMaxAmount) {
        return false
      }
      if (query.inStockOnly === true && !variant.inStock) return false
      return Object.entries(query.options ?? {}).every(([name, values]) => {
        if (values.length === 0) return true
        const value = Object.entries(variant.options).find(
          ([key]) => key.toLowerCase() === name.toLowerCase(),
        )?.[1]
        return value !== undefined && values.some((v) => v.toLowerCase() === value.toLowerCase())
      })
    })
    .map((variant) => variant.variantId)
}

describe('ProductFilterTable', () => {
  it('keeps the variants within the price range and with the option values asked for, in any case', () => {
    const table = createProductFilterTable()
    table.set(0, sneakers)
    table.set(1, boots)
    const red = table.compile({ options: { color: ['RED'] }, offset: 0, limit: 10 })
    expect(table.classify(0, red)).toBe(filterOutcomes.inStock)
    expect(table.matchingVariantIds(0, red)).toEqual(['sneakers-v2'])
    expect(table.classify(1, red)).toBe(filterOutcomes.filteredOut)
    const blackNine = table.compile({
      options: { color: ['black'], SIZE: ['9'], material: [] },
      offset: 0,
      limit: 10,
    })
    expect(table.classify(0, blackNine)).toBe(filterOutcomes.outOfStock)
    expect(table.matchingVariantIds(0, blackNine)).toEqual(['sneakers-v0'])
    const cheap = table.compile({
      priceMinAmount: 100_00,
      priceMaxAmount: 150_00,
      offset: 0,
      limit: 10,
    })
    expect(table.matchingVariantIds(0, cheap)).toEqual(['sneakers-v2'])
    expect(table.classify(1, cheap)).toBe(filterOutcomes.filteredOut)
    const unknownOption = table.compile({ options: { fit: ['wide'] }, offset: 0, limit: 10 })
    expect(table.classify(0, unknownOption)).toBe(filterOutcomes.filteredOut)
  })

  it('tells in-stock from out-of-stock products and drops out-of-stock ones when only in-stock is asked', () => {
    const table = createProductFilterTable()
    table.set(0, sneakers)
    table.set(1, boots)
    const all = table.compile({ offset: 0, limit: 10 })
    expect(table.classify(0, all)).toBe(filterOutcomes.inStock)
    expect(table.classify(1, all)).toBe(filterOutcomes.outOfStock)
    const inStockOnly = table.compile({ inStockOnly: true, offset: 0, limit: 10 })
    expect(table.classify(1, inStockOnly)).toBe(filterOutcomes.filteredOut)
    expect(table.matchingVariantIds(0, inStockOnly)).toEqual(['sneakers-v1', 'sneakers-v2'])
  })

  it('filters by a parent category and lists the slots of each category as products change', () => {
    const table = createProductFilterTable()
    table.set(0, sneakers)
    table.set(1, boots)
    expect(table.slotsInCategory('shoes')).toEqual([0, 1])
    const onlyBoots = table.compile({ categoryKeys: ['boots', 'unknown'], offset: 0, limit: 10 })
    expect(table.classify(0, onlyBoots)).toBe(filterOutcomes.filteredOut)
    expect(table.classify(1, onlyBoots)).toBe(filterOutcomes.outOfStock)
    table.set(0, { ...sneakers, categoryKeys: ['sale'] })
    expect(table.slotsInCategory('shoes')).toEqual([1])
    expect(table.slotsInCategory('sale')).toEqual([0])
    table.delete(1)
    expect(table.has(1)).toBe(false)
    expect(table.slotsInCategory('shoes')).toEqual([])
    expect(table.classify(1, table.compile({ offset: 0, limit: 10 }))).toBe(
      filterOutcomes.filteredOut,
    )
    expect(table.slotsInCategory('never-seen')).toEqual([])
  })

  it('answers as a plain reading of the filters after thousands of stock and price changes', () => {
    const table = createProductFilterTable()
    let seed = 11
    const random = () => {
      seed = (seed * 1_664_525 + 1_013_904_223) >>> 0
      return seed / 2 ** 32
    }
    // More option values than the 32 bits of a product's option mask, so some share a bit.
    const colors = Array.from({ length: 40 }, (_, index) => `colour-${String(index)}`)
    const documents: ProductSearchDocument[] = []
    const makeProduct = (slot: number) =>
      productWith(
        `p${String(slot)}`,
        [random() < 0.5 ? 'shoes' : 'bags'],
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => [
          {
            color: colors[Math.floor(random() * colors.length)] ?? 'black',
            size: random() < 0.5 ? 'S' : 'M',
          },
          Math.floor(random() * 100) * 100,
          random() < 0.5,
        ]),
      )
    for (let slot = 0; slot < 300; slot += 1) {
      const document = makeProduct(slot)
      documents[slot] = document
      table.set(slot, document)
    }
    // Enough replacements to have the table compact its columns several times.
    for (let change = 0; change < 5_000; change += 1) {
      const slot = Math.floor(random() * 300)
      const document = makeProduct(slot)
      documents[slot] = document
      table.set(slot, document)
    }
    const queries: ProductSearchQuery[] = [
      { offset: 0, limit: 10 },
      { inStockOnly: true, options: { color: ['colour-1'] }, offset: 0, limit: 10 },
      { options: { color: ['colour-3', 'colour-35'], size: ['m'] }, offset: 0, limit: 10 },
      { categoryKeys: ['bags'], priceMaxAmount: 5_000, offset: 0, limit: 10 },
      { priceMinAmount: 9_000, inStockOnly: true, options: { size: ['S'] }, offset: 0, limit: 10 },
    ]
    for (const query of queries) {
      const filters = table.compile(query)
      for (const [slot, document] of documents.entries()) {
        const expected = expectedVariantIds(document, query)
        expect(table.matchingVariantIds(slot, filters)).toEqual(expected)
        const inStock = document.variants.some(
          (variant) => variant.inStock && expected.includes(variant.variantId),
        )
        expect(table.classify(slot, filters)).toBe(
          expected.length === 0
            ? filterOutcomes.filteredOut
            : inStock
              ? filterOutcomes.inStock
              : filterOutcomes.outOfStock,
        )
      }
    }
    expect(table.slotsInCategory('shoes').length + table.slotsInCategory('bags').length).toBe(300)
  })
})
