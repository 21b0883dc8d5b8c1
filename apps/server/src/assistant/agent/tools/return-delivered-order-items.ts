import { z } from 'zod'
import { paymentMethodIdDescription } from './address-input.ts'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

const messages = {
  'order-not-found': 'Order not found',
  'customer-not-found': 'User not found',
  'not-delivered': 'Non-delivered order cannot be returned',
  'payment-method-not-found': 'Payment method not found',
  'refund-method-not-allowed': 'Payment method should be the original payment method',
  'item-not-in-order': 'Some item not found',
} as const

/** `return_delivered_order_items`: requests a return; the refund goes to the original method or a gift card. */
export const returnDeliveredOrderItemsTool = defineAgentTool({
  name: 'return_delivered_order_items',
  description:
    "Return some items of a delivered order. The order status will be changed to 'return requested'. The agent needs to explain the return detail and ask for explicit user confirmation (yes/no) to proceed. The user will receive follow-up email for how and where to return the item.",
  kind: 'write',
  inputSchema: z.object({
    order_id: orderIdSchema,
    item_ids: z
      .array(z.string())
      .describe(
        "The item ids to be returned, each such as '1008292230'. There could be duplicate items in the list.",
      ),
    payment_method_id: z.string().describe(paymentMethodIdDescription),
  }),
  async execute(input, context) {
    const result = await context.operations.returnOrderItems(
      context.access,
      input.order_id,
      input.item_ids,
      input.payment_method_id,
    )
    if (!result.ok) return toolError(messages[result.reason])
    await context.afterReturnRequested?.(result.value)
    return toolOutput(await viewTau2Order(context, result.value))
  },
})
