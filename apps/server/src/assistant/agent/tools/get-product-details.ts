import { z } from 'zod'
import { convertToTau2Product } from '../tau2/convert-to-tau2.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `get_product_details`: a product type with every variant's options, availability and price. */
export const getProductDetailsTool = defineAgentTool({
  name: 'get_product_details',
  description: 'Get the inventory details of a product.',
  kind: 'read',
  inputSchema: z.object({
    product_id: z
      .string()
      .describe(
        "The product id, such as '6086499569'. Be careful the product id is different from the item id.",
      ),
  }),
  async execute(input, context) {
    const product = await context.orders.products.findProduct(input.product_id)
    if (product === undefined) return toolError('Product not found')
    return toolOutput(convertToTau2Product(product, context.currency))
  },
})
