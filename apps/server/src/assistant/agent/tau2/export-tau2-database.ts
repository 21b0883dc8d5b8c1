import type { CustomerService } from '../../../domains/customers/index.ts'
import type { OrderService } from '../../../domains/orders/index.ts'
import { convertToTau2Order, convertToTau2Product, convertToTau2User } from './convert-to-tau2.ts'
import type { Tau2Order, Tau2Product, Tau2User } from './tau2-shapes.ts'

/** A whole store in τ²-bench's `db.json` shape. */
export interface Tau2Export {
  products: Record<string, Tau2Product>
  users: Record<string, Tau2User>
  orders: Record<string, Tau2Order>
}

/**
 * Exports every product, customer and order in τ²'s JSON shape, in Kedai's id order (which is τ²'s
 * record order for imported data), so a replay can be compared with τ²'s reference database.
 */
export async function exportTau2Database(services: {
  orders: OrderService
  customers: CustomerService
  currency: string
}): Promise<Tau2Export> {
  const products: Record<string, Tau2Product> = {}
  for (const summary of await services.orders.products.listProducts()) {
    const product = await services.orders.products.findProduct(summary.reference)
    if (product !== undefined)
      products[product.reference] = convertToTau2Product(product, services.currency)
  }
  const users: Record<string, Tau2User> = {}
  const handles = new Map<string, string>()
  for (const profile of await services.customers.listProfiles()) {
    const user = convertToTau2User(profile)
    users[user.user_id] = user
    handles.set(profile.customer.id, user.user_id)
  }
  const allOrders = await services.orders.listOrders({})
  const references = await services.orders.products.listReferences(
    allOrders.flatMap((order) => order.items.map((item) => item.productId)),
  )
  const orders: Record<string, Tau2Order> = {}
  for (const order of allOrders) {
    orders[order.number] = convertToTau2Order(
      order,
      handles.get(order.customerId) ?? order.customerId,
      references,
    )
  }
  return { products, users, orders }
}
