import { describe, it, expect } from 'vitest'
import { normalizeText } from './normalize-text.ts'

describe('normalizeText', () => {
  it('lower-cases and folds full-width characters when the text mixes widths', () => {
    expect(normalizeText('ＨＥＬＬＯ Ｗorld')).toBe('hello world')
  })

  it('converts Traditional Chinese to Simplified when the text is Chinese', () => {
    expect(normalizeText('你們有運動鞋嗎')).toBe(normalizeText('你们有运动鞋吗'))
  })

  it('shortens elongations when a letter repeats three times or more', () => {
    expect(normalizeText('pleaseeee helloooo')).toBe('please hello')
  })

  it('maps chat spellings to one word when shoppers abbreviate', () => {
    expect(normalizeText('can u check pls')).toBe('can you check please')
    expect(normalizeText('boleh track x')).toBe('boleh track tak')
    expect(normalizeText('sy nk tukar')).toBe('saya nak tukar')
    expect(normalizeText('thx')).toBe('thanks')
  })

  it('replaces digits and punctuation when the text has order numbers', () => {
    expect(normalizeText('Where is #W2378156?!')).toBe('where is w0')
  })

  it('sets Chinese runs apart from Latin words when scripts are mixed', () => {
    expect(normalizeText('我想check訂單')).toBe('我想 check 订单')
  })

  it('caps the analysed text when the input is huge', () => {
    expect(normalizeText('a '.repeat(100_000)).length).toBeLessThanOrEqual(2000)
  })
})
