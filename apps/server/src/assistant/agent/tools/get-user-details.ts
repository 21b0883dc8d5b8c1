import { z } from 'zod'
import { findCustomerIdByHandle, viewTau2User } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `get_user_details`: profile, default address, payment methods and orders of a user. */
export const getUserDetailsTool = defineAgentTool({
  name: 'get_user_details',
  description: 'Get the details of a user, including their orders.',
  kind: 'read',
  inputSchema: z.object({ user_id: z.string().describe("The user id, such as 'sara_doe_496'.") }),
  async execute(input, context) {
    const customerId = await findCustomerIdByHandle(context, input.user_id)
    const user = customerId === undefined ? undefined : await viewTau2User(context, customerId)
    return user === undefined ? toolError('User not found') : toolOutput(user)
  },
})
