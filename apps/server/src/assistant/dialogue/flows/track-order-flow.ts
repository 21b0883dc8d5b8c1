import type { Reply } from '../../replies/index.ts'
import type { Flow, FlowOutcome } from '../flow.ts'

// τ² orders are `#W` + 7 digits; orders placed in Kedai are `#K` + 10 letters and digits.
const orderNumberPattern = /#?\s?(W\d{7}|K[A-Z0-9]{10})\b/i
const emailPattern = /[\w.+-]+@[\w-]+(\.[\w-]+)+/

/** `#W2378156` from "w2378156", "#W 2378156"… (and `#K…` numbers); undefined when there is none. */
export function readOrderNumber(text: string): string | undefined {
  const match = orderNumberPattern.exec(text.replace(/\s+/g, ''))
  return match?.[1] === undefined ? undefined : `#${match[1].toUpperCase()}`
}

/** The slot holding the customer id once the shopper is known (signed in or verified before). */
export const knownCustomerSlot = 'customer'

/**
 * Order tracking behind verification: asks the order number, and (unless the shopper is signed in or
 * already verified in this conversation) the e-mail address the order was placed with; then tells
 * the status, the delivery estimate and the tracking link. Three failed verifications lock the
 * conversation and hand it to a person.
 */
export const trackOrderFlow: Flow = {
  name: 'track-order',
  intents: ['track_order'],
  // A shopper verified earlier in the conversation (or signed in) is not asked the e-mail again.
  async prefill(context): Promise<Readonly<Record<string, string>>> {
    const known =
      context.customerId ??
      (await context.services.verification?.verifiedCustomerId(context.conversationId))
    return known === undefined ? {} : { [knownCustomerSlot]: known }
  },
  slots: [
    {
      name: 'order_number',
      entity: 'order_id',
      parse: (text) => readOrderNumber(text) ?? (/\d{5,}/.test(text) ? text.trim() : undefined),
      validate: (value) =>
        readOrderNumber(value) === undefined ? 'invalid-order-number' : undefined,
      prompt: 'ask-order-number',
      invalid: 'invalid-order-number',
    },
    {
      name: 'email',
      entity: 'email',
      parse: (text) =>
        emailPattern.exec(text)?.[0]?.toLowerCase() ??
        (text.includes('@') ? text.trim() : undefined),
      validate: (value) =>
        /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(value) ? undefined : 'invalid-email',
      prompt: 'ask-verification-email',
      invalid: 'invalid-email',
      skipWhen: (context, slots) =>
        context.customerId !== null || slots[knownCustomerSlot] !== undefined,
    },
  ],
  async complete(slots, context): Promise<FlowOutcome> {
    const { orders, verification } = context.services
    const number = readOrderNumber(slots['order_number'] ?? '')
    if (orders === undefined || verification === undefined || number === undefined) {
      return { replies: [{ key: 'not-yet-available' }] }
    }
    let customerId =
      context.customerId ?? (await verification.verifiedCustomerId(context.conversationId))
    if (customerId === undefined) {
      const verified = await verification.verifyByEmailAndOrderNumber(
        context.conversationId,
        slots['email'] ?? '',
        number,
      )
      if (!verified.ok) {
        if (verified.reason === 'locked')
          return { replies: [{ key: 'verification-locked' }], handOver: 'fraud-report' }
        return {
          replies: [
            { key: 'verification-failed', values: { attemptsLeft: verified.attemptsLeft } },
          ],
        }
      }
      customerId = (await verification.verifiedCustomerId(context.conversationId)) ?? undefined
    }
    const order = await orders.getOrderByNumber(number)
    // Another customer's order is "not found", never "not yours".
    if (order === undefined || order.customerId !== customerId) {
      return { replies: [{ key: 'order-not-found', values: { number } }] }
    }
    const tracking = await orders.trackOrder(number)
    const status = { key: `order-status-${order.status}` as const }
    // An estimate only means something while the parcel is still to come.
    const eta =
      order.status === 'pending' || order.status === 'processed' || order.status === 'shipped'
        ? (tracking?.estimatedDeliveryAt ?? null)
        : null
    const replies: Reply[] = [
      eta === null
        ? { key: 'order-status-plain', values: { number, status } }
        : { key: 'order-status-with-eta', values: { number, status, eta: { date: eta } } },
    ]
    const url = tracking?.fulfillments.find(
      (fulfillment) => fulfillment.trackingUrl !== null,
    )?.trackingUrl
    if (url !== undefined && url !== null)
      replies.push({ key: 'order-tracking-link', values: { url } })
    return {
      replies,
      events: [
        {
          type: 'order.tracked-in-conversation',
          aggregateId: context.conversationId,
          payload: { orderId: order.id, status: order.status },
        },
      ],
    }
  },
}
