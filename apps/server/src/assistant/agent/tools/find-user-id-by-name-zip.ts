import { z } from 'zod'
import { canSeeCustomer } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `find_user_id_by_name_zip`: the user id of the customer with this name and default-address ZIP code. */
export const findUserIdByNameZipTool = defineAgentTool({
  name: 'find_user_id_by_name_zip',
  description:
    'Find user id by first name, last name, and zip code. If the user is not found, the function will return an error message. By default, find user id by email, and only call this function if the user is not found by email or cannot remember email.',
  kind: 'read',
  inputSchema: z.object({
    first_name: z.string().describe("The first name of the customer, such as 'John'."),
    last_name: z.string().describe("The last name of the customer, such as 'Doe'."),
    zip: z.string().describe("The zip code of the customer, such as '12345'."),
  }),
  async execute(input, context) {
    const customer = await context.customers.findByNameAndPostcode(
      input.first_name,
      input.last_name,
      input.zip,
    )
    if (customer === undefined || !canSeeCustomer(context, customer.id))
      return toolError('User not found')
    return toolOutput(customer.handle ?? customer.id)
  },
})
