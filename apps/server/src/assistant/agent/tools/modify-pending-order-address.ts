import { z } from 'zod'
import { addressInputShape, convertFromAddressInput } from './address-input.ts'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

const messages = {
  'order-not-found': 'Order not found',
  'customer-not-found': 'User not found',
  'not-pending': 'Non-pending order cannot be modified',
} as const

/** `modify_pending_order_address`: changes where a pending order ships. */
export const modifyPendingOrderAddressTool = defineAgentTool({
  name: 'modify_pending_order_address',
  description:
    'Modify the shipping address of a pending order. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.',
  kind: 'write',
  inputSchema: z.object({ order_id: orderIdSchema, ...addressInputShape }),
  async execute(input, context) {
    const result = await context.operations.changeOrderAddress(
      context.access,
      input.order_id,
      convertFromAddressInput(input),
    )
    return result.ok
      ? toolOutput(await viewTau2Order(context, result.value))
      : toolError(messages[result.reason])
  },
})
