import { z } from 'zod'
import { defineAgentTool, toolOutput } from './agent-tool.ts'

/** `list_all_product_types`: product names and ids as a JSON string sorted by name. */
export const listAllProductTypesTool = defineAgentTool({
  name: 'list_all_product_types',
  description:
    'List the name and product id of all product types. Each product type has a variety of different items with unique item ids and options.',
  kind: 'read',
  inputSchema: z.object({}),
  async execute(_input, context) {
    const products = await context.orders.products.listProducts()
    const byName = new Map<string, string>()
    for (const product of products) byName.set(product.name, product.reference)
    const names = [...byName.keys()].sort((first, second) =>
      first < second ? -1 : first > second ? 1 : 0,
    )
    return toolOutput(
      `{${names.map((name) => `${JSON.stringify(name)}: ${JSON.stringify(byName.get(name))}`).join(', ')}}`,
    )
  },
})
