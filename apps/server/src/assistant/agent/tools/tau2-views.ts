import type { Order } from '../../../domains/orders/index.ts'
import { convertToTau2Order, convertToTau2User } from '../tau2/convert-to-tau2.ts'
import type { Tau2Order, Tau2User } from '../tau2/tau2-shapes.ts'
import type { AgentToolContext } from './agent-tool.ts'

/** An order in τ²'s shape, with its customer's handle and its products' references. */
export async function viewTau2Order(context: AgentToolContext, order: Order): Promise<Tau2Order> {
  const customer = await context.customers.getCustomer(order.customerId)
  const references = await context.orders.products.listReferences(
    order.items.map((item) => item.productId),
  )
  return convertToTau2Order(order, customer?.handle ?? order.customerId, references)
}

/** A customer in τ²'s user shape, or undefined when absent or outside the caller's access. */
export async function viewTau2User(
  context: AgentToolContext,
  customerId: string,
): Promise<Tau2User | undefined> {
  if (context.access.kind === 'customer' && context.access.customerId !== customerId)
    return undefined
  const profile = await context.customers.getProfile(customerId)
  return profile === undefined ? undefined : convertToTau2User(profile)
}

/** Finds a customer by τ² user id (handle) within the caller's access. */
export async function findCustomerIdByHandle(
  context: AgentToolContext,
  handle: string,
): Promise<string | undefined> {
  const customer = await context.customers.findByHandle(handle)
  if (customer === undefined) return undefined
  if (context.access.kind === 'customer' && context.access.customerId !== customer.id)
    return undefined
  return customer.id
}

/** True when the caller may see a customer's records. */
export function canSeeCustomer(context: AgentToolContext, customerId: string): boolean {
  return context.access.kind === 'staff' || context.access.customerId === customerId
}
