import type { z } from 'zod'
import type { CustomerService } from '../../../domains/customers/index.ts'
import type { Order, OrderService } from '../../../domains/orders/index.ts'
import type { OrderAccess, OrderOperations } from '../../../workflows/order-operations/index.ts'

/** What the agent's tools may use, and on whose behalf they act. */
export interface AgentToolContext {
  /** `staff` sees every customer (the policy is applied by the agent); `customer` only that shopper. */
  readonly access: OrderAccess
  readonly orders: OrderService
  readonly customers: CustomerService
  readonly operations: OrderOperations
  /** Store currency of prices shown in τ²'s float shape. */
  readonly currency: string
  /** Called by `transfer_to_human_agents` to hand the conversation over. */
  readonly transferToHuman?: ((summary: string) => Promise<void>) | undefined
  /** Called after a return was requested (start the RMA, label and e-mail). */
  readonly afterReturnRequested?: ((order: Order) => Promise<void>) | undefined
  /** Called after an exchange was requested (return instructions for the items sent back). */
  readonly afterExchangeRequested?: ((order: Order) => Promise<void>) | undefined
}

/** A tool's answer: τ²-shaped output, or the error text τ²'s reference tools raise. */
export type AgentToolOutcome =
  { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly error: string }

/** The kinds of tool: reading, changing orders or money (needs the shopper's confirmation), or neither. */
export const agentToolKinds = ['read', 'write', 'generic'] as const

/** One of {@link agentToolKinds}. */
export type AgentToolKind = (typeof agentToolKinds)[number]

/** One LLM tool: its name, description, zod input schema and what it does. */
export interface AgentTool<Schema extends z.ZodType = z.ZodType> {
  readonly name: string
  readonly description: string
  readonly kind: AgentToolKind
  readonly inputSchema: Schema
  execute(input: z.infer<Schema>, context: AgentToolContext): Promise<AgentToolOutcome>
}

/** Declares a tool with its input type inferred from the schema. */
export function defineAgentTool<Schema extends z.ZodType>(
  tool: AgentTool<Schema>,
): AgentTool<Schema> {
  return tool
}

/** A successful outcome. */
export function toolOutput(output: unknown): AgentToolOutcome {
  return { ok: true, output }
}

/** A failed outcome with τ²'s error text. */
export function toolError(error: string): AgentToolOutcome {
  return { ok: false, error }
}
