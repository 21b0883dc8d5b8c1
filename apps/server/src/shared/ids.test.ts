import { describe, expect, it } from 'vitest'
import { createId, createSequentialIdGenerator } from './ids.ts'

describe('createId', () => {
  it('makes prefixed ids that sort in creation order', () => {
    const ids = Array.from({ length: 1000 }, () => createId('ord'))
    expect(ids[0]).toMatch(/^ord_[0-9a-z]{26}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('makes deterministic ids for tests', () => {
    const next = createSequentialIdGenerator()
    expect([next('cus'), next('cus'), next('ord')]).toEqual([
      'cus_000001',
      'cus_000002',
      'ord_000001',
    ])
  })
})
