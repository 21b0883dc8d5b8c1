import type { Flow, FlowOutcome } from '../flow.ts'
import {
  accessOrder,
  orderAccessSlots,
  prefillKnownCustomer,
  statusValue,
  talkToPersonChoice,
  unavailableOutcome,
} from './order-care.ts'

/**
 * Invoices in chat: order number and verification (as tracking), then the order's PDF invoice sent as
 * a file message with a signed link that expires after 7 days (a cancelled order has none).
 */
export const invoiceFlow: Flow = {
  name: 'invoice',
  intents: ['get_invoice'],
  slots: orderAccessSlots,
  prefill: prefillKnownCustomer,
  async guard(_slots, context) {
    return context.services.invoices === undefined ? unavailableOutcome : undefined
  },
  async complete(slots, context): Promise<FlowOutcome> {
    const invoices = context.services.invoices
    if (invoices === undefined) return unavailableOutcome
    const access = await accessOrder(slots, context, true)
    if (!access.ok) return access.outcome ?? unavailableOutcome
    const { order } = access
    const issued = await invoices.issue({
      customerId: access.customerId,
      orderNumber: order.number,
    })
    if (!issued.ok) {
      return {
        replies: [
          {
            key: 'invoice-not-available',
            values: { number: order.number, status: statusValue(order) },
            choices: [talkToPersonChoice],
          },
        ],
      }
    }
    return {
      replies: [
        { key: 'invoice-ready', values: { number: order.number } },
        {
          key: 'invoice-file',
          values: { invoice: issued.invoiceNumber },
          file: { url: issued.url, mediaType: 'application/pdf' },
        },
      ],
      events: [
        {
          type: 'order.invoice-sent-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            orderId: order.id,
            orderNumber: order.number,
            invoiceNumber: issued.invoiceNumber,
          },
        },
      ],
    }
  },
}
