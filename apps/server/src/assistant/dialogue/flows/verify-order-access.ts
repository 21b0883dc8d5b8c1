import type { Order } from '../../../domains/orders/index.ts'
import type { FlowContext, FlowOutcome } from '../flow.ts'

/**
 * Identity before information: the order, when this conversation's shopper is signed in or verified
 * (verifying with the e-mail now when needed) and the order is theirs; otherwise the outcome to say
 * (attempts left, locked → a person, or "not found", never "not yours").
 */
export async function verifyOrderAccess(
  context: FlowContext,
  number: string,
  email: string | undefined,
): Promise<{ ok: true; order: Order; customerId: string } | { ok: false; outcome: FlowOutcome }> {
  const { orders, verification } = context.services
  if (orders === undefined || verification === undefined) {
    return { ok: false, outcome: { replies: [{ key: 'not-yet-available' }] } }
  }
  let customerId =
    context.customerId ?? (await verification.verifiedCustomerId(context.conversationId))
  if (customerId === undefined) {
    const verified = await verification.verifyByEmailAndOrderNumber(
      context.conversationId,
      email ?? '',
      number,
    )
    if (!verified.ok) {
      return {
        ok: false,
        outcome:
          verified.reason === 'locked'
            ? { replies: [{ key: 'verification-locked' }], handOver: 'fraud-report' }
            : {
                replies: [
                  { key: 'verification-failed', values: { attemptsLeft: verified.attemptsLeft } },
                ],
              },
      }
    }
    customerId = await verification.verifiedCustomerId(context.conversationId)
  }
  const order = await orders.getOrderByNumber(number)
  if (order === undefined || customerId === undefined || order.customerId !== customerId) {
    return { ok: false, outcome: { replies: [{ key: 'order-not-found', values: { number } }] } }
  }
  return { ok: true, order, customerId }
}
