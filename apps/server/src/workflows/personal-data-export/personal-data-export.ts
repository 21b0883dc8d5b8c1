import type { CustomerService, PersonalDataExport } from '../../domains/customers/index.ts'
import type { Clock } from '../../shared/clock.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { createSignedToken, verifySignedToken } from '../../shared/signed-token.ts'

/** The purpose signed into export links, so no other token opens them. */
const exportTokenUse = 'personal-data-export'

/** Why an export link was refused. */
export type PersonalDataExportRefusal = 'invalid-link' | 'expired-link' | 'customer-not-found'

/**
 * Copies of a customer's personal data (a data-access request made in chat): a short-lived signed
 * link only that customer's verified conversation receives, and the download it opens.
 */
export interface PersonalDataExportLinks {
  /** A link to download the customer's data as JSON, valid for a few minutes. */
  createLink(customerId: string): { readonly url: string; readonly expiresAt: string }
  /** The data a link opens; refused when the link was altered, expired or the customer is gone. */
  download(token: string): Promise<Result<PersonalDataExport, PersonalDataExportRefusal>>
}

/** What {@link createPersonalDataExportLinks} needs. */
export interface PersonalDataExportDependencies {
  readonly customers: Pick<CustomerService, 'exportPersonalData'>
  readonly clock: Clock
  readonly secret: string
  /** Base URL of the store; links point at `/api/store/customers/data-export`. */
  readonly publicUrl: string
  /** How long a link works, in seconds (default 15 minutes). */
  readonly lifetimeSeconds?: number
}

/** Creates the {@link PersonalDataExportLinks}. */
export function createPersonalDataExportLinks(
  dependencies: PersonalDataExportDependencies,
): PersonalDataExportLinks {
  const lifetime = dependencies.lifetimeSeconds ?? 15 * 60
  return {
    createLink(customerId) {
      const expires = Math.floor(dependencies.clock.now().getTime() / 1000) + lifetime
      const token = createSignedToken(
        { use: exportTokenUse, exp: expires, customerId },
        dependencies.secret,
      )
      return {
        url: `${dependencies.publicUrl.replace(/\/$/, '')}/api/store/customers/data-export?token=${encodeURIComponent(token)}`,
        expiresAt: new Date(expires * 1000).toISOString(),
      }
    },
    async download(token) {
      const verified = verifySignedToken(
        token,
        dependencies.secret,
        exportTokenUse,
        dependencies.clock.now(),
      )
      if (!verified.ok)
        return fail(verified.problem === 'expired' ? 'expired-link' : 'invalid-link')
      const customerId = verified.claims['customerId']
      if (typeof customerId !== 'string') return fail('invalid-link')
      const exported = await dependencies.customers.exportPersonalData(customerId)
      return exported === undefined ? fail('customer-not-found') : succeed(exported)
    },
  }
}
