import type { Clock } from '../../shared/clock.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { createSignedToken, verifySignedToken } from '../../shared/signed-token.ts'

/** Why an invoice link was refused. */
export type InvoiceLinkRefusal = 'invalid-link' | 'expired-link' | 'wrong-customer' | 'wrong-order'

/** What an invoice link grants: one order's invoice, to the customer who owns the order. */
export interface InvoiceGrant {
  readonly orderId: string
  readonly orderNumber: string
  readonly customerId: string
}

/** Signed, expiring download links of invoices, bound to the order and its customer. */
export interface InvoiceLinks {
  /** A token for `grant`, valid until `expiresAt`. */
  issue(grant: InvoiceGrant): { token: string; expiresAt: string }
  /**
   * Checks a token for the order numbered `orderNumber`; `customerId` (when the caller is signed in)
   * must be the order's customer.
   */
  resolve(
    token: string,
    orderNumber: string,
    customerId: string | undefined,
  ): Result<InvoiceGrant, InvoiceLinkRefusal>
}

/** What invoice links are built from. */
export interface InvoiceLinksDependencies {
  readonly clock: Clock
  /** Signs the links. */
  readonly secret: string
  /** How long a link works (default 7 days). */
  readonly lifetimeSeconds?: number
}

const invoiceTokenUse = 'order-invoice'

/** Creates the {@link InvoiceLinks}. */
export function createInvoiceLinks(dependencies: InvoiceLinksDependencies): InvoiceLinks {
  const lifetime = dependencies.lifetimeSeconds ?? 7 * 86_400
  return {
    issue(grant) {
      const exp = Math.floor(dependencies.clock.now().getTime() / 1000) + lifetime
      const token = createSignedToken(
        {
          use: invoiceTokenUse,
          exp,
          orderId: grant.orderId,
          orderNumber: grant.orderNumber,
          customerId: grant.customerId,
        },
        dependencies.secret,
      )
      return { token, expiresAt: new Date(exp * 1000).toISOString() }
    },
    resolve(token, orderNumber, customerId) {
      const verified = verifySignedToken(
        token,
        dependencies.secret,
        invoiceTokenUse,
        dependencies.clock.now(),
      )
      if (!verified.ok)
        return fail(verified.problem === 'expired' ? 'expired-link' : 'invalid-link')
      const { orderId, orderNumber: granted, customerId: owner } = verified.claims
      if (typeof orderId !== 'string' || typeof granted !== 'string' || typeof owner !== 'string')
        return fail('invalid-link')
      if (granted !== orderNumber) return fail('wrong-order')
      if (customerId !== undefined && customerId !== owner) return fail('wrong-customer')
      return succeed({ orderId, orderNumber: granted, customerId: owner })
    },
  }
}
