import { z } from 'zod'
import { paymentMethodIdDescription } from './address-input.ts'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `modify_pending_order_items`: swaps items of a pending order for other variants, once. */
export const modifyPendingOrderItemsTool = defineAgentTool({
  name: 'modify_pending_order_items',
  description:
    'Modify items in a pending order to new items of the same product type. For a pending order, this function can only be called once. The agent needs to explain the exchange detail and ask for explicit user confirmation (yes/no) to proceed.',
  kind: 'write',
  inputSchema: z.object({
    order_id: orderIdSchema,
    item_ids: z
      .array(z.string())
      .describe(
        "The item ids to be modified, each such as '1008292230'. There could be duplicate items in the list.",
      ),
    new_item_ids: z
      .array(z.string())
      .describe(
        "The item ids to be modified for, each such as '1008292230'. There could be duplicate items in the list. Each new item id should match the item id in the same position and be of the same product.",
      ),
    payment_method_id: z.string().describe(paymentMethodIdDescription),
  }),
  async execute(input, context) {
    const result = await context.operations.modifyOrderItems(
      context.access,
      input.order_id,
      input.item_ids,
      input.new_item_ids,
      input.payment_method_id,
    )
    if (result.ok) return toolOutput(await viewTau2Order(context, result.value))
    const sku = result.sku ?? ''
    const messages = {
      'order-not-found': 'Order not found',
      'customer-not-found': 'User not found',
      'not-pending': 'Non-pending order cannot be modified',
      'item-not-in-order': `${sku} not found`,
      'item-count-mismatch': 'The number of items to be exchanged should match',
      'same-item': 'The new item id should be different from the old item id',
      'variant-not-found': 'Variant not found',
      'new-item-unavailable': `New item ${sku} not found or available`,
      'payment-method-not-found': 'Payment method not found',
      'insufficient-gift-card-balance': 'Insufficient gift card balance to pay for the new item',
    } as const
    return toolError(messages[result.reason])
  },
})
