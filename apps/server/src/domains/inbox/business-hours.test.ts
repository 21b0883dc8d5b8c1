import { describe, expect, it } from 'vitest'
import {
  alwaysOpenBusinessHours,
  businessHoursSchema,
  defaultBusinessHours,
  isWithinBusinessHours,
} from './business-hours.ts'

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

  it('is always open with the around-the-clock hours, up to 24:00', () => {
    expect(isWithinBusinessHours(alwaysOpenBusinessHours, new Date('2026-11-29T23:59:00Z'))).toBe(
      true,
    )
    expect(isWithinBusinessHours(alwaysOpenBusinessHours, new Date('2026-11-24T00:00:00Z'))).toBe(
      true,
    )
  })

  it('rejects a time that is not HH:MM when parsing hours', () => {
    expect(
      businessHoursSchema.safeParse({ timezone: 'UTC', weekly: { mon: [['9', '17:00']] } }).success,
    ).toBe(false)
  })
})
