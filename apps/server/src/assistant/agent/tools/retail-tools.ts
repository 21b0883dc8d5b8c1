import { calculateTool } from './calculate.ts'
import { cancelPendingOrderTool } from './cancel-pending-order.ts'
import { exchangeDeliveredOrderItemsTool } from './exchange-delivered-order-items.ts'
import { findUserIdByEmailTool } from './find-user-id-by-email.ts'
import { findUserIdByNameZipTool } from './find-user-id-by-name-zip.ts'
import { getItemDetailsTool } from './get-item-details.ts'
import { getOrderDetailsTool } from './get-order-details.ts'
import { getProductDetailsTool } from './get-product-details.ts'
import { getUserDetailsTool } from './get-user-details.ts'
import { listAllProductTypesTool } from './list-all-product-types.ts'
import { modifyPendingOrderAddressTool } from './modify-pending-order-address.ts'
import { modifyPendingOrderItemsTool } from './modify-pending-order-items.ts'
import { modifyPendingOrderPaymentTool } from './modify-pending-order-payment.ts'
import { modifyUserAddressTool } from './modify-user-address.ts'
import { returnDeliveredOrderItemsTool } from './return-delivered-order-items.ts'
import { transferToHumanAgentsTool } from './transfer-to-human-agents.ts'
import type { AgentTool, AgentToolContext, AgentToolOutcome } from './agent-tool.ts'

/** The retail tools (τ²-bench's tool set) the LLM agent can call, by name. */
export const retailTools: readonly AgentTool[] = [
  calculateTool,
  cancelPendingOrderTool,
  exchangeDeliveredOrderItemsTool,
  findUserIdByEmailTool,
  findUserIdByNameZipTool,
  getItemDetailsTool,
  getOrderDetailsTool,
  getProductDetailsTool,
  getUserDetailsTool,
  listAllProductTypesTool,
  modifyPendingOrderAddressTool,
  modifyPendingOrderItemsTool,
  modifyPendingOrderPaymentTool,
  modifyUserAddressTool,
  returnDeliveredOrderItemsTool,
  transferToHumanAgentsTool,
]

/**
 * Runs a tool by name with untrusted arguments (as an LLM produces them): unknown tools and
 * arguments that fail the tool's zod schema become errors naming the problem, never exceptions.
 */
export async function runRetailTool(
  name: string,
  argumentsValue: unknown,
  context: AgentToolContext,
): Promise<AgentToolOutcome> {
  const tool = retailTools.find((candidate) => candidate.name === name)
  if (tool === undefined) return { ok: false, error: `Tool ${name} not found` }
  const parsed = tool.inputSchema.safeParse(argumentsValue ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error:
        `Invalid arguments for ${name}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    }
  }
  return tool.execute(parsed.data, context)
}
