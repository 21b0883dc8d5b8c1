import { describe, expect, it } from 'vitest'
import { computeQueuePositions, estimateWaitMinutes } from './estimate-wait.ts'

describe('computeQueuePositions', () => {
  it('numbers the queue first come first served with ties broken by id', () => {
    const positions = computeQueuePositions([
      { id: 'hnd_3', createdAt: '2026-11-24T09:02:00.000Z' },
      { id: 'hnd_2', createdAt: '2026-11-24T09:00:00.000Z' },
      { id: 'hnd_1', createdAt: '2026-11-24T09:00:00.000Z' },
    ])
    expect([...positions.entries()]).toEqual([
      ['hnd_1', 1],
      ['hnd_2', 2],
      ['hnd_3', 3],
    ])
  })
})

describe('estimateWaitMinutes', () => {
  it('multiplies the median handling time by the rounds of free seats needed', () => {
    const recentHandlingMs = [4, 6, 100].map((minutes) => minutes * 60_000)
    expect(estimateWaitMinutes({ position: 1, recentHandlingMs, seatsOnline: 3 })).toBe(6)
    expect(estimateWaitMinutes({ position: 4, recentHandlingMs, seatsOnline: 3 })).toBe(12)
  })

  it('gives no figure when there is no history or nobody is online', () => {
    expect(
      estimateWaitMinutes({ position: 1, recentHandlingMs: [], seatsOnline: 3 }),
    ).toBeUndefined()
    expect(
      estimateWaitMinutes({ position: 1, recentHandlingMs: [60_000], seatsOnline: 0 }),
    ).toBeUndefined()
  })
})
