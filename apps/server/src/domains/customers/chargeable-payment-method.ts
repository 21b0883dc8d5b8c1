import type { Db } from '../../db/database.ts'

/** A saved payment method with a provider token on file: chargeable without the shopper. */
export interface ChargeablePaymentMethod {
  /** The provider's reusable token; never a card number. */
  readonly token: string
  readonly reference: string
  /** The card's brand and last four, when the provider told them. */
  readonly card: { readonly brand: string; readonly lastFour: string } | undefined
}

/**
 * The customer's saved payment method `idOrReference` (its id or its reference), not removed, when a
 * provider token is on file: what checkout charges for a saved card, and what a price difference is
 * charged to later. Undefined otherwise.
 */
export async function findChargeablePaymentMethod(
  db: Db,
  customerId: string,
  idOrReference: string,
): Promise<ChargeablePaymentMethod | undefined> {
  const row = await db
    .selectFrom('payment_methods')
    .select(['provider_token', 'reference', 'brand', 'last_four'])
    .where('customer_id', '=', customerId)
    .where((expression) =>
      expression.or([
        expression('id', '=', idOrReference),
        expression('reference', '=', idOrReference),
      ]),
    )
    .where('removed_at', 'is', null)
    .executeTakeFirst()
  if (row === undefined || row.provider_token === null) return undefined
  return {
    token: row.provider_token,
    reference: row.reference,
    card:
      row.brand !== null && row.last_four !== null
        ? { brand: row.brand, lastFour: row.last_four }
        : undefined,
  }
}
