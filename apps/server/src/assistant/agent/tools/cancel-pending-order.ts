import { z } from 'zod'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

const messages = {
  'order-not-found': 'Order not found',
  'customer-not-found': 'User not found',
  'not-pending': 'Non-pending order cannot be cancelled',
  'invalid-reason': 'Invalid reason',
  'payment-method-not-found': 'Payment method not found',
} as const

/** `cancel_pending_order`: cancels a pending order and refunds it (gift cards at once). */
export const cancelPendingOrderTool = defineAgentTool({
  name: 'cancel_pending_order',
  description:
    "Cancel a pending order. If the order is already processed or delivered, it cannot be cancelled. The agent needs to explain the cancellation detail and ask for explicit user confirmation (yes/no) to proceed. If the user confirms, the order status will be changed to 'cancelled' and the payment will be refunded. The refund will be added to the user's gift card balance immediately if the payment was made using a gift card, otherwise the refund would take 5-7 business days to process. The function returns the order details after the cancellation.",
  kind: 'write',
  inputSchema: z.object({
    order_id: orderIdSchema,
    reason: z
      .string()
      .describe(
        "The reason for cancellation, which should be either 'no longer needed' or 'ordered by mistake'.",
      ),
  }),
  async execute(input, context) {
    const result = await context.operations.cancelOrder(
      context.access,
      input.order_id,
      input.reason,
    )
    return result.ok
      ? toolOutput(await viewTau2Order(context, result.value))
      : toolError(messages[result.reason])
  },
})
