import { z } from 'zod'
import { paymentMethodIdDescription } from './address-input.ts'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `exchange_delivered_order_items`: requests an exchange for other variants of the same products. */
export const exchangeDeliveredOrderItemsTool = defineAgentTool({
  name: 'exchange_delivered_order_items',
  description:
    'Exchange items in a delivered order to new items of the same product type. For a delivered order, return or exchange can be only done once by the agent. The agent needs to explain the exchange detail and ask for explicit user confirmation (yes/no) to proceed.',
  kind: 'write',
  inputSchema: z.object({
    order_id: orderIdSchema,
    item_ids: z
      .array(z.string())
      .describe(
        "The item ids to be exchanged, each such as '1008292230'. There could be duplicate items in the list.",
      ),
    new_item_ids: z
      .array(z.string())
      .describe(
        "The item ids to be exchanged for, each such as '1008292230'. There could be duplicate items in the list. Each new item id should match the item id in the same position and be of the same product.",
      ),
    payment_method_id: z.string().describe(paymentMethodIdDescription),
  }),
  async execute(input, context) {
    const result = await context.operations.exchangeOrderItems(
      context.access,
      input.order_id,
      input.item_ids,
      input.new_item_ids,
      input.payment_method_id,
    )
    if (result.ok) {
      await context.afterExchangeRequested?.(result.value)
      return toolOutput(await viewTau2Order(context, result.value))
    }
    const sku = result.sku ?? ''
    const messages = {
      'order-not-found': 'Order not found',
      'customer-not-found': 'User not found',
      'not-delivered': 'Non-delivered order cannot be exchanged',
      'item-not-in-order': `Number of ${sku} not found.`,
      'item-count-mismatch': 'The number of items to be exchanged should match.',
      'variant-not-found': 'Variant not found',
      'new-item-unavailable': `New item ${sku} not found or available`,
      'payment-method-not-found': 'Payment method not found',
      'payment-method-not-reusable': 'The original card was not saved and cannot be charged',
      'insufficient-gift-card-balance':
        'Insufficient gift card balance to pay for the price difference',
    } as const
    return toolError(messages[result.reason])
  },
})
