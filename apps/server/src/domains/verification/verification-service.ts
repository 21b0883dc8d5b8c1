import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { IdentityMatcher } from './identity-matcher.ts'

/** Where a conversation's shopper stands. */
export const verificationStatuses = ['unverified', 'verified', 'locked'] as const

/** One of {@link verificationStatuses}. */
export type VerificationStatus = (typeof verificationStatuses)[number]

/** How a shopper proved who they are. */
export const verificationMethods = [
  'email-and-order-number',
  'name-and-postcode',
  'signed-in',
] as const

/** One of {@link verificationMethods}. */
export type VerificationMethod = (typeof verificationMethods)[number]

/** The verification state of one conversation. */
export interface VerificationState {
  readonly conversationId: string
  readonly status: VerificationStatus
  readonly customerId: string | null
  readonly failedAttempts: number
}

/** Why a verification attempt did not verify the shopper. */
export type VerificationRefusal = 'no-match' | 'locked'

/** Details of a refused attempt: how many attempts remain before the conversation is locked. */
export interface VerificationRefusalDetails {
  readonly attemptsLeft: number
}

/** What the verification service is built from. */
export interface VerificationServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: Pick<EventBus, 'publish'>
  readonly createId: IdGenerator
  readonly matcher: IdentityMatcher
  /** Failed attempts after which the conversation is locked and escalated (default 3). */
  readonly maxFailedAttempts?: number
}

/**
 * Identity before information: a conversation's shopper is verified by e-mail plus order number or
 * by name plus postcode (or is signed in). Failed attempts are counted; at the limit the conversation
 * is locked and `verification.locked` is published so the hand-over escalates it to a human.
 */
export interface VerificationService {
  getState(conversationId: string): Promise<VerificationState>
  verifyByEmailAndOrderNumber(
    conversationId: string,
    email: string,
    orderNumber: string,
  ): Promise<Result<VerificationState, VerificationRefusal, VerificationRefusalDetails>>
  verifyByNameAndPostcode(
    conversationId: string,
    firstName: string,
    lastName: string,
    postcode: string,
  ): Promise<Result<VerificationState, VerificationRefusal, VerificationRefusalDetails>>
  /** Records that the widget signed this customer in (a signed shopper token). */
  markSignedIn(conversationId: string, customerId: string): Promise<VerificationState>
  /** The customer whose records this conversation may see, or undefined when not verified (or locked). */
  verifiedCustomerId(conversationId: string): Promise<string | undefined>
}

/** Creates the {@link VerificationService} over `shopper_verifications` and `verification_attempts`. */
export function createVerificationService(
  dependencies: VerificationServiceDependencies,
): VerificationService {
  const { db } = dependencies
  const limit = dependencies.maxFailedAttempts ?? 3
  const now = () => dependencies.clock.now().toISOString()

  async function getState(conversationId: string): Promise<VerificationState> {
    const row = await db
      .selectFrom('shopper_verifications')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst()
    if (row === undefined)
      return { conversationId, status: 'unverified', customerId: null, failedAttempts: 0 }
    const status = (verificationStatuses as readonly string[]).includes(row.status)
      ? (row.status as VerificationStatus)
      : 'unverified'
    return {
      conversationId,
      status,
      customerId: row.customer_id,
      failedAttempts: row.failed_attempts,
    }
  }

  async function save(
    state: VerificationState,
    changes: { verifiedAt?: string; lockedAt?: string },
  ): Promise<void> {
    const at = now()
    const values = {
      customer_id: state.customerId,
      status: state.status,
      failed_attempts: state.failedAttempts,
      verified_at: changes.verifiedAt ?? null,
      locked_at: changes.lockedAt ?? null,
      updated_at: at,
    }
    const existing = await db
      .selectFrom('shopper_verifications')
      .select('conversation_id')
      .where('conversation_id', '=', state.conversationId)
      .executeTakeFirst()
    if (existing === undefined) {
      await db
        .insertInto('shopper_verifications')
        .values({ conversation_id: state.conversationId, ...values })
        .execute()
    } else {
      await db
        .updateTable('shopper_verifications')
        .set(values)
        .where('conversation_id', '=', state.conversationId)
        .execute()
    }
  }

  async function attempt(
    conversationId: string,
    method: VerificationMethod,
    match: () => Promise<string | undefined>,
  ): Promise<Result<VerificationState, VerificationRefusal, VerificationRefusalDetails>> {
    const state = await getState(conversationId)
    if (state.status === 'locked') return fail('locked', { attemptsLeft: 0 })
    const customerId = await match()
    const at = now()
    await db
      .insertInto('verification_attempts')
      .values({
        id: dependencies.createId('vfy'),
        conversation_id: conversationId,
        method,
        succeeded: customerId === undefined ? 0 : 1,
        customer_id: customerId ?? null,
        created_at: at,
      })
      .execute()
    if (customerId !== undefined) {
      const verified: VerificationState = {
        conversationId,
        status: 'verified',
        customerId,
        failedAttempts: state.failedAttempts,
      }
      await save(verified, { verifiedAt: at })
      await dependencies.eventBus.publish({
        type: 'verification.succeeded',
        aggregateId: conversationId,
        payload: { customerId, method },
      })
      return succeed(verified)
    }
    const failedAttempts = state.failedAttempts + 1
    if (failedAttempts >= limit) {
      const locked: VerificationState = {
        conversationId,
        status: 'locked',
        customerId: null,
        failedAttempts,
      }
      await save(locked, { lockedAt: at })
      await dependencies.eventBus.publish(
        {
          type: 'verification.failed',
          aggregateId: conversationId,
          payload: { method, failedAttempts },
        },
        {
          type: 'verification.locked',
          aggregateId: conversationId,
          payload: { failedAttempts, reason: 'too-many-failed-verifications' },
        },
      )
      return fail('locked', { attemptsLeft: 0 })
    }
    await save(
      {
        conversationId,
        status: state.status === 'verified' ? 'verified' : 'unverified',
        customerId: state.customerId,
        failedAttempts,
      },
      {},
    )
    await dependencies.eventBus.publish({
      type: 'verification.failed',
      aggregateId: conversationId,
      payload: { method, failedAttempts },
    })
    return fail('no-match', { attemptsLeft: limit - failedAttempts })
  }

  return {
    getState,
    verifyByEmailAndOrderNumber: (conversationId, email, orderNumber) =>
      attempt(conversationId, 'email-and-order-number', () =>
        dependencies.matcher.matchEmailAndOrderNumber(email, orderNumber),
      ),
    verifyByNameAndPostcode: (conversationId, firstName, lastName, postcode) =>
      attempt(conversationId, 'name-and-postcode', () =>
        dependencies.matcher.matchNameAndPostcode(firstName, lastName, postcode),
      ),
    async markSignedIn(conversationId, customerId) {
      const state = await getState(conversationId)
      if (state.status === 'locked') return state
      const verified: VerificationState = {
        conversationId,
        status: 'verified',
        customerId,
        failedAttempts: state.failedAttempts,
      }
      await save(verified, { verifiedAt: now() })
      return verified
    },
    async verifiedCustomerId(conversationId) {
      const state = await getState(conversationId)
      return state.status === 'verified' && state.customerId !== null ? state.customerId : undefined
    },
  }
}
