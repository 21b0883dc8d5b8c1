import { z } from 'zod'
import { convertToTau2User } from '../tau2/convert-to-tau2.ts'
import { addressInputShape, convertFromAddressInput } from './address-input.ts'
import { findCustomerIdByHandle } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `modify_user_address`: replaces a user's default address. */
export const modifyUserAddressTool = defineAgentTool({
  name: 'modify_user_address',
  description:
    'Modify the default address of a user. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.',
  kind: 'write',
  inputSchema: z.object({
    user_id: z.string().describe("The user id, such as 'sara_doe_496'."),
    ...addressInputShape,
  }),
  async execute(input, context) {
    const customerId = await findCustomerIdByHandle(context, input.user_id)
    if (customerId === undefined) return toolError('User not found')
    const result = await context.operations.changeDefaultAddress(
      context.access,
      customerId,
      convertFromAddressInput(input),
    )
    return result.ok ? toolOutput(convertToTau2User(result.value)) : toolError('User not found')
  },
})
