import { z } from 'zod'
import { canSeeCustomer, viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** Schema of an order number argument (shared wording with τ²). */
export const orderIdSchema = z
  .string()
  .describe(
    "The order id, such as '#W0000000'. Be careful there is a '#' symbol at the beginning of the order id.",
  )

/** `get_order_details`: status, items, fulfilments and payment history of an order. */
export const getOrderDetailsTool = defineAgentTool({
  name: 'get_order_details',
  description: 'Get the status and details of an order.',
  kind: 'read',
  inputSchema: z.object({ order_id: orderIdSchema }),
  async execute(input, context) {
    const order = await context.orders.getOrderByNumber(input.order_id)
    if (order === undefined || !canSeeCustomer(context, order.customerId))
      return toolError('Order not found')
    return toolOutput(await viewTau2Order(context, order))
  },
})
