import { z } from 'zod'

/**
 * zod schemas of the demo store's data files under `data/demo/` (and of τ²-bench's `db.json`), so a
 * broken data file fails seeding with a clear message instead of loading half a store.
 */

const localizedTextSchema = z.object({
  en: z.string().min(1),
  'zh-Hant': z.string().min(1),
  'zh-Hans': z.string().min(1),
  ms: z.string().min(1),
})
const partialLocalizedSchema = z.object({
  en: z.string().optional(),
  'zh-Hant': z.string().min(1),
  'zh-Hans': z.string().min(1),
  ms: z.string().min(1),
})

/** `data/demo/catalog.json`. */
export const demoCatalogSchema = z.object({
  categories: z.array(
    z.object({ key: z.string().min(1), parent: z.string().nullable(), name: localizedTextSchema }),
  ),
  tau2ProductCategories: z.record(z.string(), z.string()),
  tau2Products: z.record(
    z.string(),
    z.object({
      name: partialLocalizedSchema,
      description: localizedTextSchema,
      tags: z.array(z.string()).default([]),
    }),
  ),
  optionNames: z.record(z.string(), localizedTextSchema),
  optionValues: z.record(z.string(), z.record(z.string(), localizedTextSchema)),
  products: z.array(
    z.object({
      key: z.string().min(1),
      category: z.string().min(1),
      brand: z.string().nullable().optional(),
      name: localizedTextSchema,
      description: localizedTextSchema,
      tags: z.array(z.string()).default([]),
      image: z.string().nullable().optional(),
      complements: z.array(z.string()).default([]),
      variants: z
        .array(
          z.object({
            sku: z.string().min(1),
            options: z.record(z.string(), z.string()),
            price: z.string().regex(/^\d+(\.\d{1,2})?$/),
            stock: z.record(z.string(), z.number().int().min(0)),
          }),
        )
        .min(1),
    }),
  ),
  bundles: z
    .array(
      z.object({
        key: z.string().min(1),
        name: localizedTextSchema,
        products: z.array(z.string()).min(2),
        price: z.string().regex(/^\d+(\.\d{1,2})?$/),
        description: localizedTextSchema.optional(),
      }),
    )
    .default([]),
})
/** Parsed `catalog.json`. */
export type DemoCatalog = z.infer<typeof demoCatalogSchema>

/** `data/demo/locations.json`. */
export const demoLocationsSchema = z.array(
  z.object({
    code: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['warehouse', 'store']),
    name: localizedTextSchema,
    address: z.record(z.string(), z.string()),
    phone: z.string().optional(),
    timezone: z.string().min(1),
    openingHours: z.record(z.string(), z.tuple([z.string(), z.string()]).nullable()).nullable(),
    holidaysClosed: z.array(z.string()).default([]),
    aisles: z.record(z.string(), z.string()).default({}),
  }),
)
/** Parsed `locations.json`. */
export type DemoLocations = z.infer<typeof demoLocationsSchema>

/** `data/demo/store.json`. */
export const demoStoreSchema = z.object({
  name: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  defaultLocale: z.string(),
  supportEmail: z.string(),
  welcome: localizedTextSchema,
  theme: z.record(z.string(), z.string()),
})

const tau2AddressSchema = z.object({
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  country: z.string(),
  state: z.string(),
  zip: z.string(),
})

/** τ²-bench retail `db.json`. */
export const tau2DatabaseSchema = z.object({
  products: z.record(
    z.string(),
    z.object({
      name: z.string(),
      product_id: z.string(),
      variants: z.record(
        z.string(),
        z.object({
          item_id: z.string(),
          options: z.record(z.string(), z.string()),
          available: z.boolean(),
          price: z.number(),
        }),
      ),
    }),
  ),
  users: z.record(
    z.string(),
    z.object({
      user_id: z.string(),
      name: z.object({ first_name: z.string(), last_name: z.string() }),
      address: tau2AddressSchema,
      email: z.string(),
      payment_methods: z.record(
        z.string(),
        z.object({
          source: z.string(),
          id: z.string(),
          brand: z.string().optional(),
          last_four: z.string().optional(),
          balance: z.number().optional(),
        }),
      ),
      orders: z.array(z.string()),
    }),
  ),
  orders: z.record(
    z.string(),
    z.object({
      order_id: z.string(),
      user_id: z.string(),
      address: tau2AddressSchema,
      items: z.array(
        z.object({
          name: z.string(),
          product_id: z.string(),
          item_id: z.string(),
          price: z.number(),
          options: z.record(z.string(), z.string()),
        }),
      ),
      status: z.string(),
      fulfillments: z.array(
        z.object({ tracking_id: z.array(z.string()), item_ids: z.array(z.string()) }),
      ),
      payment_history: z.array(
        z.object({
          transaction_type: z.string(),
          amount: z.number(),
          payment_method_id: z.string(),
        }),
      ),
      cancel_reason: z.string().optional(),
      exchange_items: z.array(z.string()).optional(),
      exchange_new_items: z.array(z.string()).optional(),
      exchange_payment_method_id: z.string().optional(),
      exchange_price_difference: z.number().optional(),
      return_items: z.array(z.string()).optional(),
      return_payment_method_id: z.string().optional(),
    }),
  ),
})
/** Parsed τ² `db.json`. */
export type Tau2Database = z.infer<typeof tau2DatabaseSchema>
