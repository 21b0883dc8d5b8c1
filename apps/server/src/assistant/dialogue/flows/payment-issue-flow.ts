import type { Order } from '../../../domains/orders/index.ts'
import type { Reply, ReplyChoice } from '../../replies/index.ts'
import type { Flow, FlowContext } from '../flow.ts'
import { loadConversationCart } from './cart-lines.ts'
import { findKnownCustomer } from './verify-customer.ts'

const failedStatuses: ReadonlySet<string> = new Set(['declined', 'failed'])

/** The known shopper's pending order whose latest payment did not go through, if any. */
async function findOrderWithFailedPayment(context: FlowContext): Promise<Order | undefined> {
  const customerId = await findKnownCustomer(context)
  const orders = context.services.orders
  if (customerId === undefined || orders === undefined) return undefined
  const pending = (await orders.listCustomerOrders(customerId)).filter(
    (order) => order.status === 'pending',
  )
  return pending.find((order) => {
    const latest = order.payments.filter((payment) => payment.kind === 'payment').at(-1)
    return latest !== undefined && failedStatuses.has(latest.status)
  })
}

/**
 * A payment problem: the accepted methods and what to do about a declined card (nothing was
 * charged; try another card, or pay on a secure payment page), with a person on offer. A known
 * shopper with a pending order whose payment failed is told so first.
 */
export const paymentIssueFlow: Flow = {
  name: 'payment-issue',
  intents: ['payment_issue'],
  async complete(_slots, context) {
    const order = await findOrderWithFailedPayment(context)
    const cart = await loadConversationCart(context)
    const choices: ReplyChoice[] = [
      ...(cart !== undefined && cart.lines.length > 0
        ? [
            {
              label: 'choice-pay-on-secure-page' as const,
              payload: '/intent:checkout?payment_method=link',
            },
          ]
        : []),
      { label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' },
    ]
    const help: Reply = { key: 'payment-issue-help', choices }
    const total = order?.payments.filter((payment) => payment.kind === 'payment').at(-1)
    return {
      replies: [
        order === undefined || total === undefined
          ? help
          : {
              ...help,
              key: 'payment-issue-failed-order',
              values: {
                number: order.number,
                total: { amount: total.amount, currency: total.currency },
              },
            },
      ],
      events: [
        {
          type: 'payment-issue.answered',
          aggregateId: context.conversationId,
          payload: { failedOrderId: order?.id ?? null },
        },
      ],
    }
  },
}
