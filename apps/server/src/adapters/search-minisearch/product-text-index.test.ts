import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { createProductTextIndex, type TextField } from './product-text-index.ts'
import { tokenizeForIndex, tokenizeQuery } from './tokenize-search-text.ts'

/** Name, keywords and description of a few products, in the languages the store sells in. */
const products: readonly (readonly [string, string, string])[] = [
  [
    'Urban Sneakers\n都市運動鞋\nKasut Sukan Bandar',
    'sneakers\n運動鞋\nkasut\nblack\n黑色\nhitam',
    'Everyday sneakers in canvas.',
  ],
  [
    'Canvas Low-Top Sneakers\n帆布低筒運動鞋',
    'sneakers\nkasut\nred\n紅色\nmerah',
    'Light canvas sneakers for the city.',
  ],
  ['Bluetooth Speaker\n藍牙喇叭', 'speakers\naudio\nbeg', 'A speaker that fits in a bag.'],
  ['Sport Socks\n運動襪', 'socks\nstokin\nblack\nhitam', 'Socks for sneakers and running shoes.'],
  ['Stride Road Running Shoes\n跑鞋', 'running\nkasut larian\n跑鞋', 'Cushioned running shoes.'],
  ['Linen Midi Dress\n亞麻連衣裙', 'dress\ngaun\n连衣裙', 'A linen dress for warm days.'],
]

const boosts: Record<TextField, number> = { name: 4, keywords: 2.5, description: 1 }

function createBoth() {
  const index = createProductTextIndex(tokenizeForIndex)
  const miniSearch = new MiniSearch<{
    id: number
    name: string
    keywords: string
    description: string
  }>({
    fields: ['name', 'keywords', 'description'],
    tokenize: tokenizeForIndex,
    processTerm: (term) => term,
  })
  for (const [slot, [name, keywords, description]] of products.entries()) {
    index.add(slot, [name, keywords, description])
    miniSearch.add({ id: slot, name, keywords, description })
  }
  return { index, miniSearch }
}

describe('ProductTextIndex', () => {
  it.each([
    { text: 'sneakers', combineWith: 'and', typos: false, fields: ['name', 'keywords'] },
    {
      text: 'sneakers canvas',
      combineWith: 'and',
      typos: false,
      fields: ['name', 'keywords', 'description'],
    },
    { text: 'black sne', combineWith: 'and', typos: false, fields: ['name', 'keywords'] },
    { text: 'snekers', combineWith: 'and', typos: true, fields: ['name', 'keywords'] },
    {
      text: '運動鞋',
      combineWith: 'and',
      typos: false,
      fields: ['name', 'keywords', 'description'],
    },
    { text: 'kasut hitam gaun', combineWith: 'or', typos: true, fields: ['name', 'keywords'] },
  ] as const)(
    'scores every product as MiniSearch does when searching $text',
    ({ text, combineWith, typos, fields }) => {
      const { index, miniSearch } = createBoth()
      const { terms, chinese } = tokenizeQuery(text)
      const last = terms[terms.length - 1]
      const isPrefix = (term: string) => !typos && term === last && !chinese.has(term)
      const distance = (term: string) =>
        typos && !chinese.has(term) && term.length >= 4
          ? Math.min(2, Math.round(term.length * 0.25))
          : 0
      const expected = new Map(
        miniSearch
          .search(terms.join(' '), {
            combineWith,
            fields: [...fields],
            boost: boosts,
            tokenize: () => [...terms],
            processTerm: (term) => term,
            prefix: isPrefix,
            fuzzy: (term) => (distance(term) > 0 ? 0.25 : false),
            maxFuzzy: 2,
          })
          .map((result) => [Number(result.id), result.score]),
      )
      const matches = index.score({
        terms: terms.map((term) =>
          typos
            ? index.expandFuzzy(term, distance(term), 100)
            : index.expandExact(term, isPrefix(term), 100),
        ),
        boosts: Object.fromEntries(fields.map((field) => [field, boosts[field]])),
        combineWith,
      })
      const actual = new Map<number, number>()
      for (let position = 0; position < matches.count; position += 1) {
        actual.set(matches.slots[position] ?? -1, matches.scores[position] ?? 0)
      }
      expect(expected.size).toBeGreaterThan(0)
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
      for (const [slot, score] of expected) expect(actual.get(slot)).toBeCloseTo(score, 9)
    },
  )

  it('matches every word with and, any word with or, and counts the words matched', () => {
    const { index } = createBoth()
    const terms = ['kasut', 'hitam'].map((term) => index.expandExact(term, false, 10))
    const slotsOf = (matches: { count: number; slots: Int32Array }) =>
      [...matches.slots.subarray(0, matches.count)].sort()
    expect(slotsOf(index.score({ terms, boosts, combineWith: 'and' }))).toEqual([0])
    const any = index.score({ terms, boosts, combineWith: 'or' })
    expect(slotsOf(any)).toEqual([0, 1, 3, 4])
    const scoreOf = (slot: number) => any.scores[[...any.slots].indexOf(slot)] ?? 0
    expect(scoreOf(0)).toBeGreaterThan(scoreOf(1))
  })

  it('forgets a word once no product has it and finds a product again when it is re-added', () => {
    const { index } = createBoth()
    expect(index.expandExact('gaun', false, 10)).toHaveLength(1)
    index.remove(5)
    expect(index.size()).toBe(products.length - 1)
    expect(index.expandExact('gaun', false, 10)).toEqual([])
    expect(index.expandExact('linen', true, 10)).toEqual([])
    index.remove(5)
    expect(index.size()).toBe(products.length - 1)
    index.add(5, ['Linen Maxi Dress', 'gaun', ''])
    const found = index.score({
      terms: [index.expandExact('maxi', false, 10)],
      boosts,
      combineWith: 'and',
    })
    expect([...found.slots.subarray(0, found.count)]).toEqual([5])
    expect(() => index.add(5, ['again', '', ''])).toThrow(/in use/u)
  })

  it('keeps the nearest terms first when a word stands for more terms than the limit', () => {
    const index = createProductTextIndex(tokenizeForIndex)
    const words = ['bag', 'bags', 'bat', 'ban', 'bay', 'bar', 'big', 'bog', 'bug']
    for (const [slot, word] of words.entries()) index.add(slot, [word, '', ''])
    index.add(words.length, ['bags', '', ''])
    const corrections = index.expandFuzzy('bag', 1, 3).map((expansion) => expansion.postings.term)
    expect(corrections).toHaveLength(3)
    expect(corrections[0]).toBe('bag')
    // Among the one-edit corrections, the one more products hold comes first.
    expect(corrections[1]).toBe('bags')
    const completions = index.expandExact('ba', true, 2).map((expansion) => expansion.postings.term)
    expect(completions).toHaveLength(2)
    expect(completions.every((term) => term.length === 3)).toBe(true)
    expect(index.expandExact('ba', true, 100)).toHaveLength(6)
  })
})
