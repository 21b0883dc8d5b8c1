import { describe, expect, it } from 'vitest'
import { defaultBusinessHours, isWithinBusinessHours } from './business-hours.ts'

describe('isWithinBusinessHours', () => {
  it('is open on a weekday afternoon in the store time zone', () => {
    // 06:00 UTC is 14:00 in Kuala Lumpur, Tuesday.
    expect(isWithinBusinessHours(defaultBusinessHours, new Date('2026-11-24T06:00:00Z'))).toBe(true)
  })

  it('is closed at night and on Sunday when no interval covers the time', () => {
    expect(isWithinBusinessHours(defaultBusinessHours, new Date('2026-11-24T14:30:00Z'))).toBe(
      false,
    )
    expect(isWithinBusinessHours(defaultBusinessHours, new Date('2026-11-29T04:00:00Z'))).toBe(
      false,
    )
  })
})
