import type { FraudService } from '../../domains/fraud/index.ts'
import type { CheckoutFraudScreen } from './checkout-ports.ts'

/** {@link CheckoutFraudScreen} over the fraud domain's rules. */
export function createCheckoutFraudScreen(
  fraud: Pick<FraudService, 'screen' | 'recordDecline'>,
): CheckoutFraudScreen {
  return {
    async screen(input) {
      const screening = await fraud.screen({
        checkoutReference: input.checkoutReference,
        customerId: input.customerId,
        email: input.email,
        shippingCountry: input.address.country,
        amount: input.total,
      })
      return {
        verdict: screening.decision,
        reasons: screening.reasons.map((reason) => reason.rule),
      }
    },
    async recordDecline(input) {
      await fraud.recordDecline({ customerId: input.customerId, email: input.email })
    },
  }
}
