import { z } from 'zod'
import { canSeeCustomer } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `find_user_id_by_email`: the user id of the customer with this e-mail (case- and accent-insensitive). */
export const findUserIdByEmailTool = defineAgentTool({
  name: 'find_user_id_by_email',
  description:
    'Find user id by email. If the user is not found, the function will return an error message.',
  kind: 'read',
  inputSchema: z.object({
    email: z.string().describe("The email of the user, such as 'something@example.com'."),
  }),
  async execute(input, context) {
    const customer = await context.customers.findByEmail(input.email)
    if (customer === undefined || !canSeeCustomer(context, customer.id))
      return toolError('User not found')
    return toolOutput(customer.handle ?? customer.id)
  },
})
