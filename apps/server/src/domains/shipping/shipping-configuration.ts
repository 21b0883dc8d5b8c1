import { readFileSync } from 'node:fs'
import { z } from 'zod'

const localizedTextSchema = z
  .object({ en: z.string().min(1), 'zh-Hant': z.string(), 'zh-Hans': z.string(), ms: z.string() })
  .partial({ 'zh-Hant': true, 'zh-Hans': true, ms: true })

/** Keys of the shipping methods a zone can offer. */
export const shippingMethodKeys = ['standard', 'express'] as const

/** One of {@link shippingMethodKeys}. */
export type ShippingMethodKey = (typeof shippingMethodKeys)[number]

const methodSchema = z.object({
  key: z.enum(shippingMethodKeys),
  name: localizedTextSchema,
  carrier: z.string().min(1),
  /** Price in minor units of the configuration's currency. */
  rate: z.number().int().nonnegative(),
  /** Free when the item subtotal (after item discounts) is at least this. */
  freeOver: z.number().int().positive().optional(),
  transitDays: z
    .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
    .refine((days) => days.max >= days.min, 'max must be at least min'),
})

const zoneSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: localizedTextSchema,
  /** ISO 3166-1 alpha-2 codes; `*` matches every country (put that zone last). */
  countries: z.array(z.string().regex(/^([A-Z]{2}|\*)$/)).min(1),
  /** When set, only these states (case-insensitive) of the countries. */
  states: z.array(z.string()).optional(),
  /** States of the countries this zone does not cover. */
  excludedStates: z.array(z.string()).optional(),
  methods: z.array(methodSchema).min(1),
  /**
   * Taken from the refund of a return sent with the store's prepaid label from this zone, in minor
   * units of the configuration's currency (the returns policy's label charge); free when absent.
   */
  returnLabelFee: z.number().int().nonnegative().optional(),
})

/** Shipping zones, methods, rates and the calendar that delivery estimates use. */
export const shippingConfigurationSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The store's IANA time zone: the cut-off and business days are in it. */
  timezone: z.string().min(1),
  /** Orders placed before this local time (HH:MM) on a business day leave that day. */
  cutOffTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** ISO weekdays the warehouse ships (1 = Monday … 7 = Sunday). */
  businessDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  holidays: z.array(z.object({ date: z.iso.date(), name: z.string() })).default([]),
  /** `{carrier}` and `{trackingNumber}` are replaced. */
  trackingUrlTemplate: z.string().min(1),
  zones: z.array(zoneSchema).min(1),
})

/** Validated shipping configuration. */
export type ShippingConfiguration = z.infer<typeof shippingConfigurationSchema>

/** One zone of the configuration. */
export type ShippingZone = ShippingConfiguration['zones'][number]

/** One method of a zone. */
export type ShippingMethod = ShippingZone['methods'][number]

/** Reads and validates a shipping configuration file (`data/demo/shipping.json`). */
export function loadShippingConfiguration(file: string): ShippingConfiguration {
  return shippingConfigurationSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
}
