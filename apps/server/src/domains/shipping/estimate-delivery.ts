import type { ShippingConfiguration } from './shipping-configuration.ts'

/** An estimated delivery window, as local dates in the store's time zone (`YYYY-MM-DD`). */
export interface DeliveryEstimate {
  /** The day the parcel leaves the warehouse. */
  readonly dispatchDate: string
  readonly earliestDate: string
  readonly latestDate: string
}

interface LocalDateTime {
  readonly date: string
  readonly minutes: number
}

const localFormats = new Map<string, Intl.DateTimeFormat>()

function toLocal(instant: Date, timezone: string): LocalDateTime {
  // Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
  let format = localFormats.get(timezone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    localFormats.set(timezone, format)
  }
  const parts = format.formatToParts(instant)
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '00'
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  }
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00.000Z`)
  value.setUTCDate(value.getUTCDate() + days)
  return value.toISOString().slice(0, 10)
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** True when the warehouse ships on `date` (a configured weekday and not a holiday). */
export function isBusinessDay(date: string, configuration: ShippingConfiguration): boolean {
  return (
    configuration.businessDays.includes(isoWeekday(date)) &&
    !configuration.holidays.some((holiday) => holiday.date === date)
  )
}

/** The `count`-th business day after `date` (0 → `date` itself when it is one, else the next). */
export function addBusinessDays(
  date: string,
  count: number,
  configuration: ShippingConfiguration,
): string {
  let current = date
  while (!isBusinessDay(current, configuration)) current = addDays(current, 1)
  for (let added = 0; added < count;) {
    current = addDays(current, 1)
    if (isBusinessDay(current, configuration)) added += 1
  }
  return current
}

/**
 * Estimates when an order placed at `orderTime` arrives with a method taking `transitDays`
 * business days: it leaves the same day when placed before the cut-off on a business day, else on
 * the next business day; weekends and public holidays (from the configuration) do not count.
 */
export function estimateDeliveryWindow(
  orderTime: Date,
  transitDays: { readonly min: number; readonly max: number },
  configuration: ShippingConfiguration,
): DeliveryEstimate {
  const local = toLocal(orderTime, configuration.timezone)
  const [hours = 0, minutes = 0] = configuration.cutOffTime.split(':').map(Number)
  const beforeCutOff = local.minutes < hours * 60 + minutes
  const dispatchDate =
    isBusinessDay(local.date, configuration) && beforeCutOff
      ? local.date
      : addBusinessDays(addDays(local.date, 1), 0, configuration)
  return {
    dispatchDate,
    earliestDate: addBusinessDays(dispatchDate, transitDays.min, configuration),
    latestDate: addBusinessDays(dispatchDate, transitDays.max, configuration),
  }
}
