import { z } from 'zod'
import { evaluateArithmetic } from './evaluate-arithmetic.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

/** `calculate`: evaluates + - * / with parentheses and prints the result rounded to 2 decimals. */
export const calculateTool = defineAgentTool({
  name: 'calculate',
  description: 'Calculate the result of a mathematical expression.',
  kind: 'generic',
  inputSchema: z.object({
    expression: z
      .string()
      .describe(
        "The mathematical expression to calculate, such as '2 + 2'. The expression can contain numbers, operators (+, -, *, /), parentheses, and spaces.",
      ),
  }),
  async execute(input) {
    const result = evaluateArithmetic(input.expression)
    return result.ok ? toolOutput(result.value) : toolError(result.reason)
  },
})
