import { z } from 'zod'
import { convertToTau2Variant } from '../tau2/convert-to-tau2.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `get_item_details`: one variant's options, availability and price. */
export const getItemDetailsTool = defineAgentTool({
  name: 'get_item_details',
  description: 'Get the inventory details of an item.',
  kind: 'read',
  inputSchema: z.object({
    item_id: z
      .string()
      .describe(
        "The item id, such as '6086499569'. Be careful the item id is different from the product id.",
      ),
  }),
  async execute(input, context) {
    const product = await context.orders.products.findProductOfSku(input.item_id)
    const variant = product?.variants.find((candidate) => candidate.sku === input.item_id)
    if (variant === undefined) return toolError('Item not found')
    return toolOutput(convertToTau2Variant(variant, context.currency))
  },
})
