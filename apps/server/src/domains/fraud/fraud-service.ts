import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import type { Money } from '../../shared/money.ts'
import {
  applyFraudRules,
  decideFraud,
  defaultFraudConfiguration,
  type FraudConfiguration,
  type FraudDecision,
  type FraudReason,
} from './fraud-rules.ts'

/** What a checkout tells the screening. Card data is a provider fingerprint, never a number. */
export interface FraudScreeningInput {
  readonly checkoutReference: string
  readonly customerId?: string | null | undefined
  readonly email?: string | null | undefined
  readonly ipAddress?: string | null | undefined
  /** A provider card fingerprint or token (`tok_sandbox_…`, Stripe `card.fingerprint`). */
  readonly cardFingerprint?: string | null | undefined
  readonly billingCountry?: string | null | undefined
  readonly shippingCountry?: string | null | undefined
  readonly amount: Money
}

/** A stored screening. */
export interface FraudScreening {
  readonly id: string
  readonly checkoutReference: string
  readonly score: number
  readonly decision: FraudDecision
  readonly reasons: readonly FraudReason[]
  readonly createdAt: string
}

/** The fraud domain's public service. */
export interface FraudService {
  /**
   * Records this checkout attempt, applies the rules and stores the screening with its reasons.
   * `review` means hold the order and flag it for a human; `block` means refuse the checkout.
   */
  screen(input: FraudScreeningInput): Promise<FraudScreening>
  /** Records a declined payment so `repeated-declines` sees it. */
  recordDecline(input: {
    customerId?: string | null
    ipAddress?: string | null
    cardFingerprint?: string | null
    email?: string | null
  }): Promise<void>
  /** Screenings of a checkout, newest first. */
  listScreenings(checkoutReference: string): Promise<FraudScreening[]>
}

/** Creates the {@link FraudService}. */
export function createFraudService(dependencies: {
  readonly db: Db
  readonly clock: Clock
  readonly createId: IdGenerator
  readonly eventBus?: EventBus
  readonly configuration?: Partial<FraudConfiguration>
}): FraudService {
  const { db, clock, createId } = dependencies
  const configuration: FraudConfiguration = {
    ...defaultFraudConfiguration,
    ...dependencies.configuration,
  }

  async function countAttempts(
    kind: 'checkout' | 'decline',
    column: 'customer_id' | 'ip_address' | 'card_fingerprint',
    value: string | null | undefined,
    since: string,
  ): Promise<number> {
    if (value == null || value === '') return 0
    const row = await db
      .selectFrom('fraud_attempts')
      .select((builder) => builder.fn.countAll().as('count'))
      .where('kind', '=', kind)
      .where(column, '=', value)
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }

  async function recordAttempt(
    kind: 'checkout' | 'decline',
    input: {
      customerId?: string | null | undefined
      ipAddress?: string | null | undefined
      cardFingerprint?: string | null | undefined
      email?: string | null | undefined
    },
  ): Promise<void> {
    await db
      .insertInto('fraud_attempts')
      .values({
        id: createId('frd'),
        kind,
        customer_id: input.customerId ?? null,
        ip_address: input.ipAddress ?? null,
        card_fingerprint: input.cardFingerprint ?? null,
        email: input.email?.toLowerCase() ?? null,
        occurred_at: clock.now().toISOString(),
      })
      .execute()
  }

  async function customerHistory(customerId: string | null | undefined, currency: string) {
    if (customerId == null) return { orderCount: 0, averageAmount: 0 }
    const row = await db
      .selectFrom('orders')
      .select((builder) => [
        builder.fn.countAll().as('count'),
        builder.fn.avg('total_amount').as('average'),
      ])
      .where('customer_id', '=', customerId)
      .where('currency', '=', currency)
      .executeTakeFirstOrThrow()
    return { orderCount: Number(row.count), averageAmount: Number(row.average ?? 0) }
  }

  return {
    async screen(input) {
      await recordAttempt('checkout', input)
      const since = new Date(
        clock.now().getTime() - configuration.windowMinutes * 60_000,
      ).toISOString()
      const [
        attemptsByCustomer,
        attemptsByIp,
        attemptsByCard,
        declinesByCustomer,
        declinesByCard,
        history,
      ] = await Promise.all([
        countAttempts('checkout', 'customer_id', input.customerId, since),
        countAttempts('checkout', 'ip_address', input.ipAddress, since),
        countAttempts('checkout', 'card_fingerprint', input.cardFingerprint, since),
        countAttempts('decline', 'customer_id', input.customerId, since),
        countAttempts('decline', 'card_fingerprint', input.cardFingerprint, since),
        customerHistory(input.customerId, input.amount.currency),
      ])
      const reasons = applyFraudRules(
        {
          attemptsByCustomer,
          attemptsByIp,
          attemptsByCard,
          declines: Math.max(declinesByCustomer, declinesByCard),
          billingCountry: input.billingCountry ?? null,
          shippingCountry: input.shippingCountry ?? null,
          email: input.email ?? null,
          amount: input.amount.amount,
          history,
        },
        configuration,
      )
      const score = reasons.reduce((sum, reason) => sum + reason.points, 0)
      const decision = decideFraud(score, configuration)
      const screening: FraudScreening = {
        id: createId('frd'),
        checkoutReference: input.checkoutReference,
        score,
        decision,
        reasons,
        createdAt: clock.now().toISOString(),
      }
      await db
        .insertInto('fraud_screenings')
        .values({
          id: screening.id,
          checkout_reference: screening.checkoutReference,
          customer_id: input.customerId ?? null,
          score,
          decision,
          reasons: JSON.stringify(reasons),
          created_at: screening.createdAt,
        })
        .execute()
      if (decision !== 'allow') {
        await dependencies.eventBus?.publish({
          type: decision === 'block' ? 'checkout.blocked-for-fraud' : 'checkout.held-for-review',
          aggregateId: input.checkoutReference,
          payload: { screeningId: screening.id, score, reasons },
        })
      }
      return screening
    },

    async recordDecline(input) {
      await recordAttempt('decline', input)
    },

    async listScreenings(checkoutReference) {
      const rows = await db
        .selectFrom('fraud_screenings')
        .selectAll()
        .where('checkout_reference', '=', checkoutReference)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute()
      return rows.map((row) => ({
        id: row.id,
        checkoutReference: row.checkout_reference,
        score: Number(row.score),
        decision: row.decision as FraudDecision,
        reasons: JSON.parse(row.reasons) as FraudReason[],
        createdAt: row.created_at,
      }))
    },
  }
}
