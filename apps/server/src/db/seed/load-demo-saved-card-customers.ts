import { readFileSync } from 'node:fs'
import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { IdPrefix } from '../../shared/ids.ts'
import type { Database } from '../schema.ts'

/** `data/demo/saved-card-customers.json`: Kedai's own demo members with a sandbox card on file. */
export const demoSavedCardCustomersSchema = z.array(
  z.object({
    handle: z.string().min(1),
    firstName: z.string().min(1),
    lastName: z.string().min(1),
    email: z.string().email(),
    locale: z.enum(['en', 'zh-Hant', 'zh-Hans', 'ms']),
    loyaltyPoints: z.number().int().nonnegative(),
    address: z.object({
      line1: z.string().min(1),
      line2: z.string(),
      city: z.string().min(1),
      state: z.string(),
      postcode: z.string().min(1),
      country: z.string().length(2),
    }),
    card: z.object({
      token: z.string().regex(/^tok_sandbox_approve_\w+_\d{4}$/),
      brand: z.string().min(1),
      lastFour: z.string().regex(/^\d{4}$/),
    }),
  }),
)

/** One of {@link demoSavedCardCustomersSchema}. */
export type DemoSavedCardCustomer = z.infer<typeof demoSavedCardCustomersSchema>[number]

/**
 * Adds Kedai's own demo members (Malaysian addresses, loyalty points, a sandbox-tokenized card
 * saved as a chargeable payment method) next to τ²'s customers, so the saved-card and points paths
 * of the chat checkout can be tried at once. Only adds rows: τ²'s customers and payment methods stay
 * exactly as imported (τ² parity depends on them). Tiers follow the balance (gold from 1,500,
 * platinum from 5,000 points).
 */
export async function loadDemoSavedCardCustomers(
  transaction: Transaction<Database>,
  file: string,
  options: { readonly createId: (prefix: IdPrefix) => string; readonly currency: string },
  now: string,
): Promise<number> {
  const parsed = demoSavedCardCustomersSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid demo customers'}`)
  for (const member of parsed.data) {
    const customerId = options.createId('cus')
    const points = member.loyaltyPoints
    await transaction
      .insertInto('customers')
      .values({
        id: customerId,
        handle: member.handle,
        first_name: member.firstName,
        last_name: member.lastName,
        email: member.email.toLowerCase(),
        phone: null,
        locale: member.locale,
        marketing_consent: 0,
        loyalty_points: points,
        loyalty_tier: points >= 5_000 ? 'platinum' : points >= 1_500 ? 'gold' : 'silver',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    await transaction
      .insertInto('customer_addresses')
      .values({
        id: options.createId('adr'),
        customer_id: customerId,
        ...member.address,
        is_default: 1,
        created_at: now,
      })
      .execute()
    const methodId = options.createId('pm')
    await transaction
      .insertInto('payment_methods')
      .values({
        id: methodId,
        customer_id: customerId,
        reference: `saved_card_${member.handle}`,
        kind: 'credit-card',
        brand: member.card.brand,
        last_four: member.card.lastFour,
        balance_amount: null,
        currency: options.currency,
        provider: 'sandbox',
        provider_token: member.card.token,
        created_at: now,
        removed_at: null,
      })
      .execute()
  }
  return parsed.data.length
}
