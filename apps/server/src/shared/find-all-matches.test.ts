import { describe, expect, it } from 'vitest'
import { findAllMatches } from './find-all-matches.ts'

const same = (pattern: RegExp, text: string) =>
  expect(findAllMatches(pattern, text).map((match) => [match.index, ...match])).toEqual(
    [...text.matchAll(pattern)].map((match) => [match.index, ...match]),
  )

describe('findAllMatches', () => {
  it('finds what matchAll finds, groups and positions included', () => {
    same(/(\d+)\s*(pcs|x)?/g, 'buy 2 pcs, 10x and 3')
    same(/(?<![\p{L}])(xl|s|m)(?![\p{L}])/giu, 'size M or XL, not small')
    same(/[\u4e00-\u9fff]+/gu, '我要 2 件紅色的 T恤')
    same(/a/g, 'no match here… wait, one')
  })

  it('moves past empty matches by a whole character, astral ones included', () => {
    same(/x*/g, 'axxb')
    same(/x*/gu, 'a😀xb😀')
    expect(findAllMatches(/x*/gu, '😀😀')).toHaveLength(3)
  })

  it('leaves the expression reusable, even after a match from another call', () => {
    const pattern = /o/g
    pattern.lastIndex = 3
    expect(findAllMatches(pattern, 'foo boo')).toHaveLength(4)
    expect(pattern.lastIndex).toBe(0)
    expect(findAllMatches(pattern, 'zoo')).toHaveLength(2)
  })

  it('refuses an expression without the global flag, as matchAll does', () => {
    expect(() => findAllMatches(/o/, 'foo')).toThrow(TypeError)
  })
})
