/**
 * Finds the customer a shopper claims to be (port owned by verification; implemented over customers
 * and orders by `workflows/verify-shopper`). Returns the customer id, or undefined when nothing matches.
 */
export interface IdentityMatcher {
  /** The customer with this e-mail who placed the order with this number. */
  matchEmailAndOrderNumber(email: string, orderNumber: string): Promise<string | undefined>
  /** The customer with this first and last name whose default address has this postcode. */
  matchNameAndPostcode(
    firstName: string,
    lastName: string,
    postcode: string,
  ): Promise<string | undefined>
}
