import type { OrderAccess } from '../../workflows/order-operations/index.ts'
import { issueReturn, type StartReturnDependencies } from '../../workflows/start-return/index.ts'
import type { AgentToolContext } from './tools/agent-tool.ts'

/**
 * The context the LLM agent's retail tools run in for one conversation: the verified customer's scope
 * (or staff scope for agents), and after a return request the RMA, label link and e-mail of the
 * start-return workflow.
 */
export function createRetailToolContext(options: {
  readonly access: OrderAccess
  readonly services: StartReturnDependencies
  readonly currency: string
  readonly locale?: string | undefined
  readonly transferToHuman?: ((summary: string) => Promise<void>) | undefined
}): AgentToolContext {
  return {
    access: options.access,
    orders: options.services.orders,
    customers: options.services.customers,
    operations: options.services.operations,
    currency: options.currency,
    transferToHuman: options.transferToHuman,
    afterReturnRequested: async (order) => {
      await issueReturn(options.services, order, options.locale)
    },
    afterExchangeRequested: async (order) => {
      await issueReturn(options.services, order, options.locale)
    },
  }
}
