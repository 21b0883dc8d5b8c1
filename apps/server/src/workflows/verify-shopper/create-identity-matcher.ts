import type { CustomerService } from '../../domains/customers/index.ts'
import type { OrderService } from '../../domains/orders/index.ts'
import type { IdentityMatcher } from '../../domains/verification/index.ts'

/** The verification domain's {@link IdentityMatcher} over the customers and orders domains. */
export function createIdentityMatcher(services: {
  customers: CustomerService
  orders: OrderService
}): IdentityMatcher {
  return {
    async matchEmailAndOrderNumber(email, orderNumber) {
      const customer = await services.customers.findByEmail(email)
      if (customer === undefined) return undefined
      const number = orderNumber.trim()
      const order =
        (await services.orders.getOrderByNumber(number)) ??
        (number.startsWith('#') ? undefined : await services.orders.getOrderByNumber(`#${number}`))
      return order !== undefined && order.customerId === customer.id ? customer.id : undefined
    },
    async matchNameAndPostcode(firstName, lastName, postcode) {
      return (await services.customers.findByNameAndPostcode(firstName, lastName, postcode.trim()))
        ?.id
    },
  }
}
