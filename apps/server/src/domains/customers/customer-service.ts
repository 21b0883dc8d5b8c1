import type { Db } from '../../db/database.ts'
import { notTurnEvent } from '../../db/sql-event-store.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import {
  findChargeablePaymentMethod,
  type ChargeablePaymentMethod,
} from './chargeable-payment-method.ts'
import type { Customer, CustomerAddress, CustomerProfile, SavedPaymentMethod } from './customer.ts'
import { foldForMatch } from './fold-for-match.ts'

/** What the customer service is built from. */
export interface CustomerServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: Pick<EventBus, 'publish'>
  readonly createId: IdGenerator
}

/** Everything Kedai keeps about one customer, for a data-access request. */
export interface PersonalDataExport {
  readonly customer: Customer
  readonly addresses: CustomerProfile['addresses']
  readonly paymentMethods: readonly {
    reference: string
    kind: string
    brand: string | null
    lastFour: string | null
  }[]
  readonly orderNumbers: readonly string[]
  readonly events: readonly { type: string; occurredAt: string; payload: unknown }[]
}

/** A card a payment provider tokenized, to keep as a saved payment method. */
export interface NewSavedCard {
  /** The provider that made the token (`sandbox`, `stripe`). */
  readonly provider: string
  /** The provider's reusable token; never a card number. */
  readonly token: string
  readonly brand: string
  readonly lastFour: string
  readonly currency: string
}

/** Customers (CRM): lookups, profile, addresses, saved payment methods, consent, data requests. */
export interface CustomerService {
  getCustomer(id: string): Promise<Customer | undefined>
  findByHandle(handle: string): Promise<Customer | undefined>
  /** Case- and accent-insensitive e-mail match. */
  findByEmail(email: string): Promise<Customer | undefined>
  /** First and last name (case- and accent-insensitive) with the default address's exact postcode. */
  findByNameAndPostcode(
    firstName: string,
    lastName: string,
    postcode: string,
  ): Promise<Customer | undefined>
  getProfile(customerId: string): Promise<CustomerProfile | undefined>
  listProfiles(customerIds?: readonly string[]): Promise<CustomerProfile[]>
  /** Replaces the default address. */
  changeDefaultAddress(
    customerId: string,
    address: CustomerAddress,
  ): Promise<Result<CustomerProfile, 'customer-not-found'>>
  getPaymentMethod(customerId: string, reference: string): Promise<SavedPaymentMethod | undefined>
  /**
   * A saved method (by id or reference), not removed, with a provider token on file, to charge it
   * without the shopper (a price difference); undefined when there is none.
   */
  findChargeToken(
    customerId: string,
    idOrReference: string,
  ): Promise<ChargeablePaymentMethod | undefined>
  /**
   * Keeps a tokenized card as the customer's saved payment method (`credit-card`, chargeable at the
   * next checkout). Saving the same provider token again returns the card already saved.
   * Publishes `customer.payment-method-saved` (brand and last four only).
   */
  saveCard(
    customerId: string,
    card: NewSavedCard,
  ): Promise<Result<SavedPaymentMethod, 'customer-not-found'>>
  /**
   * Removes a saved payment method (by id or reference) so checkout no longer offers or charges it;
   * the row stays, marked removed, for past orders. Publishes `customer.payment-method-removed`.
   */
  removePaymentMethod(
    customerId: string,
    paymentMethodId: string,
  ): Promise<Result<void, 'payment-method-not-found'>>
  /** Adds `amount` minor units (negative takes) to a gift card's balance. */
  adjustGiftCardBalance(
    reference: string,
    amount: number,
  ): Promise<Result<number, 'not-a-gift-card' | 'insufficient-balance'>>
  /**
   * Adds `points` (negative: takes them back) to a customer's loyalty balance, never below zero, and
   * sets the tier `tierOf` gives for the new balance (the tier stays when it is absent). Returns the
   * points actually moved (less than asked when the balance could not cover a take-back) and the new
   * balance; `customer-not-found` for an unknown customer.
   */
  adjustLoyaltyPoints(
    customerId: string,
    points: number,
    tierOf?: (balance: number) => string,
  ): Promise<Result<{ moved: number; balance: number }, 'customer-not-found'>>
  setMarketingConsent(customerId: string, consent: boolean): Promise<void>
  setLocale(customerId: string, locale: string): Promise<void>
  /** Records a product view (browsing history) as a `product.viewed` event. */
  recordProductView(customerId: string, productId: string): Promise<void>
  exportPersonalData(customerId: string): Promise<PersonalDataExport | undefined>
  /** Replaces name, e-mail, phone and addresses by placeholders; orders and payments stay for accounting. */
  erasePersonalData(customerId: string): Promise<Result<Customer, 'customer-not-found'>>
}

type CustomerRow = {
  id: string
  handle: string | null
  first_name: string
  last_name: string
  email: string | null
  phone: string | null
  locale: string
  marketing_consent: number
  loyalty_points: number
  loyalty_tier: string
  erased_at: string | null
}

type PaymentMethodRow = {
  id: string
  reference: string
  kind: string
  brand: string | null
  last_four: string | null
  balance_amount: number | null
  currency: string
  provider_token: string | null
}

function mapPaymentMethod(row: PaymentMethodRow): SavedPaymentMethod {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    brand: row.brand,
    lastFour: row.last_four,
    balanceAmount: row.balance_amount === null ? null : Number(row.balance_amount),
    currency: row.currency,
    isChargeable: row.provider_token !== null,
  }
}

function mapCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    handle: row.handle,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    locale: row.locale,
    marketingConsent: row.marketing_consent === 1,
    loyaltyPoints: row.loyalty_points,
    loyaltyTier: row.loyalty_tier,
    erasedAt: row.erased_at,
  }
}

const customerColumns = [
  'id',
  'handle',
  'first_name',
  'last_name',
  'email',
  'phone',
  'locale',
  'marketing_consent',
  'loyalty_points',
  'loyalty_tier',
  'erased_at',
] as const

/** Creates the {@link CustomerService} over the core customer tables. */
export function createCustomerService(dependencies: CustomerServiceDependencies): CustomerService {
  const { db } = dependencies
  const now = () => dependencies.clock.now().toISOString()

  async function getCustomer(id: string): Promise<Customer | undefined> {
    const row = await db
      .selectFrom('customers')
      .select(customerColumns)
      .where('id', '=', id)
      .executeTakeFirst()
    return row === undefined ? undefined : mapCustomer(row)
  }

  async function listProfiles(customerIds?: readonly string[]): Promise<CustomerProfile[]> {
    const ids =
      customerIds === undefined ? undefined : customerIds.length === 0 ? [''] : [...customerIds]
    let customerQuery = db.selectFrom('customers').select(customerColumns).orderBy('id')
    if (ids !== undefined) customerQuery = customerQuery.where('id', 'in', ids)
    const customers = await customerQuery.execute()
    let addressQuery = db.selectFrom('customer_addresses').selectAll().orderBy('id')
    let methodQuery = db
      .selectFrom('payment_methods')
      .selectAll()
      .where('removed_at', 'is', null)
      .orderBy('id')
    let orderQuery = db.selectFrom('orders').select(['customer_id', 'number']).orderBy('id')
    if (ids !== undefined) {
      addressQuery = addressQuery.where('customer_id', 'in', ids)
      methodQuery = methodQuery.where('customer_id', 'in', ids)
      orderQuery = orderQuery.where('customer_id', 'in', ids)
    }
    const [addresses, methods, orders] = await Promise.all([
      addressQuery.execute(),
      methodQuery.execute(),
      orderQuery.execute(),
    ])
    const addressesOf = new Map<string, CustomerProfile['addresses'][number][]>()
    for (const row of addresses) {
      const list = addressesOf.get(row.customer_id) ?? []
      list.push({
        id: row.id,
        line1: row.line1,
        line2: row.line2,
        city: row.city,
        state: row.state,
        postcode: row.postcode,
        country: row.country,
        isDefault: row.is_default === 1,
      })
      addressesOf.set(row.customer_id, list)
    }
    const methodsOf = new Map<string, SavedPaymentMethod[]>()
    for (const row of methods) {
      const list = methodsOf.get(row.customer_id) ?? []
      list.push(mapPaymentMethod(row))
      methodsOf.set(row.customer_id, list)
    }
    const ordersOf = new Map<string, string[]>()
    for (const row of orders)
      ordersOf.set(row.customer_id, [...(ordersOf.get(row.customer_id) ?? []), row.number])
    return customers.map((row) => {
      const customerAddresses = addressesOf.get(row.id) ?? []
      const preferred =
        customerAddresses.find((address) => address.isDefault) ?? customerAddresses[0]
      return {
        customer: mapCustomer(row),
        defaultAddress:
          preferred === undefined
            ? null
            : {
                line1: preferred.line1,
                line2: preferred.line2,
                city: preferred.city,
                state: preferred.state,
                postcode: preferred.postcode,
                country: preferred.country,
              },
        addresses: customerAddresses,
        paymentMethods: methodsOf.get(row.id) ?? [],
        orderNumbers: ordersOf.get(row.id) ?? [],
      }
    })
  }

  async function getProfile(customerId: string): Promise<CustomerProfile | undefined> {
    return (await listProfiles([customerId]))[0]
  }

  return {
    getCustomer,
    async findByHandle(handle) {
      const row = await db
        .selectFrom('customers')
        .select(customerColumns)
        .where('handle', '=', handle)
        .executeTakeFirst()
      return row === undefined ? undefined : mapCustomer(row)
    },
    async findByEmail(email) {
      const wanted = foldForMatch(email)
      const row = await db
        .selectFrom('customers')
        .select(customerColumns)
        .where('email', '=', wanted)
        .orderBy('id')
        .executeTakeFirst()
      if (row !== undefined) return mapCustomer(row)
      return undefined
    },
    async findByNameAndPostcode(firstName, lastName, postcode) {
      const rows = await db
        .selectFrom('customers')
        .innerJoin('customer_addresses', 'customer_addresses.customer_id', 'customers.id')
        .select(customerColumns.map((column) => `customers.${column}` as const))
        .where('customer_addresses.is_default', '=', 1)
        .where('customer_addresses.postcode', '=', postcode)
        .orderBy('customers.id')
        .execute()
      const first = foldForMatch(firstName)
      const last = foldForMatch(lastName)
      const match = rows.find(
        (row) => foldForMatch(row.first_name) === first && foldForMatch(row.last_name) === last,
      )
      return match === undefined ? undefined : mapCustomer(match)
    },
    getProfile,
    listProfiles,
    async changeDefaultAddress(customerId, address) {
      const customer = await getCustomer(customerId)
      if (customer === undefined) return fail('customer-not-found')
      const values = {
        line1: address.line1,
        line2: address.line2,
        city: address.city,
        state: address.state,
        postcode: address.postcode,
        country: address.country,
      }
      const current = await db
        .selectFrom('customer_addresses')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('is_default', '=', 1)
        .executeTakeFirst()
      if (current === undefined) {
        await db
          .insertInto('customer_addresses')
          .values({
            id: dependencies.createId('adr'),
            customer_id: customerId,
            ...values,
            is_default: 1,
            created_at: now(),
          })
          .execute()
      } else {
        await db
          .updateTable('customer_addresses')
          .set(values)
          .where('id', '=', current.id)
          .execute()
      }
      await db
        .updateTable('customers')
        .set({ updated_at: now() })
        .where('id', '=', customerId)
        .execute()
      await dependencies.eventBus.publish({
        type: 'customer.address-changed',
        aggregateId: customerId,
        payload: { address: values },
      })
      const profile = await getProfile(customerId)
      if (profile === undefined) return fail('customer-not-found')
      return succeed(profile)
    },
    findChargeToken: (customerId, idOrReference) =>
      findChargeablePaymentMethod(db, customerId, idOrReference),
    async getPaymentMethod(customerId, reference) {
      const profile = await db
        .selectFrom('payment_methods')
        .selectAll()
        .where('customer_id', '=', customerId)
        .where('reference', '=', reference)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
      if (profile === undefined) return undefined
      return mapPaymentMethod(profile)
    },
    async saveCard(customerId, card) {
      const customer = await getCustomer(customerId)
      if (customer === undefined || customer.erasedAt !== null) return fail('customer-not-found')
      const existing = await db
        .selectFrom('payment_methods')
        .selectAll()
        .where('customer_id', '=', customerId)
        .where('provider', '=', card.provider)
        .where('provider_token', '=', card.token)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
      if (existing !== undefined) return succeed(mapPaymentMethod(existing))
      const id = dependencies.createId('pm')
      const row = {
        id,
        customer_id: customerId,
        reference: `saved_card_${id}`,
        kind: 'credit-card',
        brand: card.brand,
        last_four: card.lastFour,
        balance_amount: null,
        currency: card.currency,
        provider: card.provider,
        provider_token: card.token,
        created_at: now(),
        removed_at: null,
      }
      await db.insertInto('payment_methods').values(row).execute()
      await dependencies.eventBus.publish({
        type: 'customer.payment-method-saved',
        aggregateId: customerId,
        payload: { paymentMethodId: id, brand: card.brand, lastFour: card.lastFour },
      })
      return succeed(mapPaymentMethod(row))
    },
    async removePaymentMethod(customerId, paymentMethodId) {
      const updated = await db
        .updateTable('payment_methods')
        .set({ removed_at: now() })
        .where('customer_id', '=', customerId)
        .where((expression) =>
          expression.or([
            expression('id', '=', paymentMethodId),
            expression('reference', '=', paymentMethodId),
          ]),
        )
        .where('removed_at', 'is', null)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0) return fail('payment-method-not-found')
      await dependencies.eventBus.publish({
        type: 'customer.payment-method-removed',
        aggregateId: customerId,
        payload: { paymentMethodId },
      })
      return succeed(undefined)
    },
    async adjustGiftCardBalance(reference, amount) {
      const row = await db
        .selectFrom('payment_methods')
        .select(['id', 'kind', 'balance_amount'])
        .where('reference', '=', reference)
        .executeTakeFirst()
      if (row === undefined || row.kind !== 'gift-card') return fail('not-a-gift-card')
      const balance = Number(row.balance_amount ?? 0) + amount
      if (balance < 0) return fail('insufficient-balance')
      await db
        .updateTable('payment_methods')
        .set({ balance_amount: balance })
        .where('id', '=', row.id)
        .execute()
      return succeed(balance)
    },
    async adjustLoyaltyPoints(customerId, points, tierOf) {
      // Conditional on the balance read, so a concurrent change is never overwritten: read again.
      for (;;) {
        const row = await db
          .selectFrom('customers')
          .select(['loyalty_points'])
          .where('id', '=', customerId)
          .executeTakeFirst()
        if (row === undefined) return fail('customer-not-found')
        const current = Number(row.loyalty_points)
        const balance = Math.max(0, current + Math.trunc(points))
        const updated = await db
          .updateTable('customers')
          .set({
            loyalty_points: balance,
            ...(tierOf === undefined ? {} : { loyalty_tier: tierOf(balance) }),
            updated_at: now(),
          })
          .where('id', '=', customerId)
          .where('loyalty_points', '=', current)
          .executeTakeFirst()
        if (Number(updated.numUpdatedRows) === 1)
          return succeed({ moved: balance - current, balance })
      }
    },
    async setMarketingConsent(customerId, consent) {
      await db
        .updateTable('customers')
        .set({ marketing_consent: consent ? 1 : 0, updated_at: now() })
        .where('id', '=', customerId)
        .execute()
    },
    async setLocale(customerId, locale) {
      await db
        .updateTable('customers')
        .set({ locale, updated_at: now() })
        .where('id', '=', customerId)
        .execute()
    },
    async recordProductView(customerId, productId) {
      await dependencies.eventBus.publish({
        type: 'product.viewed',
        aggregateId: customerId,
        payload: { productId },
      })
    },
    async exportPersonalData(customerId) {
      const profile = await getProfile(customerId)
      if (profile === undefined) return undefined
      const events = await db
        .selectFrom('domain_events')
        .select(['type', 'occurred_at', 'payload'])
        .where('aggregate_id', '=', customerId)
        .where(notTurnEvent)
        .orderBy('occurred_at')
        .execute()
      return {
        customer: profile.customer,
        addresses: profile.addresses,
        paymentMethods: profile.paymentMethods.map((method) => ({
          reference: method.reference,
          kind: method.kind,
          brand: method.brand,
          lastFour: method.lastFour,
        })),
        orderNumbers: profile.orderNumbers,
        events: events.map((event) => ({
          type: event.type,
          occurredAt: event.occurred_at,
          payload: JSON.parse(event.payload) as unknown,
        })),
      }
    },
    async erasePersonalData(customerId) {
      const customer = await getCustomer(customerId)
      if (customer === undefined) return fail('customer-not-found')
      const at = now()
      await db
        .updateTable('customers')
        .set({
          first_name: 'Erased',
          last_name: 'Customer',
          email: null,
          phone: null,
          marketing_consent: 0,
          erased_at: at,
          updated_at: at,
        })
        .where('id', '=', customerId)
        .execute()
      await db
        .updateTable('customer_addresses')
        .set({ line1: 'Erased', line2: '', city: 'Erased', state: '', postcode: '00000' })
        .where('customer_id', '=', customerId)
        .execute()
      await dependencies.eventBus.publish({
        type: 'customer.erased',
        aggregateId: customerId,
        payload: {},
      })
      const erased = await getCustomer(customerId)
      if (erased === undefined) return fail('customer-not-found')
      return succeed(erased)
    },
  }
}
