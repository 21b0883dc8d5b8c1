import { z } from 'zod'
import { paymentMethodIdDescription } from './address-input.ts'
import { orderIdSchema } from './get-order-details.ts'
import { viewTau2Order } from './tau2-views.ts'
import { defineAgentTool, toolError, toolOutput } from './agent-tool.ts'

const messages = {
  'order-not-found': 'Order not found',
  'customer-not-found': 'User not found',
  'not-pending': 'Non-pending order cannot be modified',
  'payment-method-not-found': 'Payment method not found',
  'not-single-payment': 'There should be exactly one payment for a pending order',
  'same-payment-method': 'The new payment method should be different from the current one',
  'insufficient-gift-card-balance': 'Insufficient gift card balance to pay for the order',
} as const

/** `modify_pending_order_payment`: pays a pending order with another saved method. */
export const modifyPendingOrderPaymentTool = defineAgentTool({
  name: 'modify_pending_order_payment',
  description:
    'Modify the payment method of a pending order. The agent needs to explain the modification detail and ask for explicit user confirmation (yes/no) to proceed.',
  kind: 'write',
  inputSchema: z.object({
    order_id: orderIdSchema,
    payment_method_id: z.string().describe(paymentMethodIdDescription),
  }),
  async execute(input, context) {
    const result = await context.operations.changeOrderPayment(
      context.access,
      input.order_id,
      input.payment_method_id,
    )
    return result.ok
      ? toolOutput(await viewTau2Order(context, result.value))
      : toolError(messages[result.reason])
  },
})
