import type { ShippingMethodKey, ShippingService } from '../../domains/shipping/index.ts'
import type { CheckoutShipping } from './checkout-ports.ts'

/**
 * {@link CheckoutShipping} over the shipping domain: the preferred method when the address's zone
 * offers it (standard by default), else the cheapest option, with its delivery window.
 */
export function createCheckoutShipping(
  shipping: Pick<ShippingService, 'quote'>,
  preferredMethod: ShippingMethodKey = 'standard',
): CheckoutShipping {
  return {
    async quote({ address, subtotal }) {
      const quoted = shipping.quote({ subtotal }, address)
      if (!quoted.ok) return undefined
      const options = quoted.value.options
      const chosen =
        options.find((option) => option.methodKey === preferredMethod) ??
        [...options].sort((left, right) => left.amount.amount - right.amount.amount)[0]
      if (chosen === undefined) return undefined
      return {
        amount: chosen.amount,
        method: chosen.methodKey,
        estimatedDelivery: {
          earliest: chosen.estimate.earliestDate,
          latest: chosen.estimate.latestDate,
        },
      }
    },
  }
}
