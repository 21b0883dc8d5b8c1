import { z } from 'zod'

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const timeText = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM from 00:00 to 24:00')

/**
 * When people answer in the console: a time zone and, per weekday, opening intervals
 * (`{ mon: [['09:00', '18:00']] }`); a weekday without intervals is closed.
 */
export const businessHoursSchema = z.object({
  timezone: z.string().min(1),
  weekly: z.partialRecord(z.enum(weekdays), z.array(z.tuple([timeText, timeText]))),
})

/** Parsed {@link businessHoursSchema}. */
export type BusinessHours = z.infer<typeof businessHoursSchema>

/** The demo store's hours: Monday to Saturday 09:00–21:00 in Kuala Lumpur. */
export const defaultBusinessHours: BusinessHours = {
  timezone: 'Asia/Kuala_Lumpur',
  weekly: {
    mon: [['09:00', '21:00']],
    tue: [['09:00', '21:00']],
    wed: [['09:00', '21:00']],
    thu: [['09:00', '21:00']],
    fri: [['09:00', '21:00']],
    sat: [['09:00', '21:00']],
  },
}

/** Open every day around the clock (the default when a store configures no hours). */
export const alwaysOpenBusinessHours: BusinessHours = {
  timezone: 'UTC',
  weekly: Object.fromEntries(weekdays.map((day) => [day, [['00:00', '24:00']]])),
}

/** True when `at` falls inside an opening interval, in the hours' own time zone. */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? ''
  const weekday = part('weekday').toLowerCase().slice(0, 3) as (typeof weekdays)[number]
  const time = `${part('hour')}:${part('minute')}`
  return (hours.weekly[weekday] ?? []).some(([opens, closes]) => time >= opens && time < closes)
}
