import { z } from 'zod'
import { defineAgentTool, toolOutput } from './agent-tool.ts'

/** `transfer_to_human_agents`: hands the conversation to a human with a summary. */
export const transferToHumanAgentsTool = defineAgentTool({
  name: 'transfer_to_human_agents',
  description:
    "Transfer the user to a human agent, with a summary of the user's issue. Only transfer if the user explicitly asks for a human agent, or given the policy and the available tools, you cannot solve the user's issue.",
  kind: 'generic',
  inputSchema: z.object({ summary: z.string().describe("A summary of the user's issue.") }),
  async execute(input, context) {
    await context.transferToHuman?.(input.summary)
    return toolOutput('Transfer successful')
  },
})
