import { describe, expect, it } from 'vitest'
import { quotePolicySection } from './quote-policy-section.ts'
import { splitPolicySections } from './split-policy-sections.ts'

describe('splitPolicySections', () => {
  it('makes one section per ## heading when a document has several', () => {
    const sections = splitPolicySections({
      slug: 'shipping',
      locale: 'en',
      title: 'Shipping',
      body: '# Shipping\n\nIntro text.\n\n## Where?\n\nEverywhere.\n\n## How much?\n\nRM8.\n',
    })
    expect(sections.map((section) => [section.id, section.title, section.body])).toEqual([
      ['shipping.en#0', 'Shipping', 'Intro text.'],
      ['shipping.en#1', 'Where?', 'Everywhere.'],
      ['shipping.en#2', 'How much?', 'RM8.'],
    ])
  })
})

describe('quotePolicySection', () => {
  it('removes Markdown marks and cuts at a sentence end when the section is long', () => {
    const quote = quotePolicySection(
      `Items can be returned **within 30 days**. ${'More words here. '.repeat(40)}`,
      120,
    )
    expect(quote.startsWith('Items can be returned within 30 days.')).toBe(true)
    expect(quote.length).toBeLessThanOrEqual(122)
    expect(quote.endsWith('…')).toBe(true)
  })
})
