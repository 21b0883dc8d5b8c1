import { defaultPlaceOrderConfiguration } from '../../../workflows/place-order/index.ts'
import type { MessageKey, Reply } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'
import { answerFromPolicies } from './policy-flow.ts'
import {
  createVerificationSlots,
  customerSlot,
  findKnownCustomer,
  readYesNo,
  verifyCustomer,
} from './verify-customer.ts'

/** Words asking about the shopper's own balance rather than how the programme works. */
const balanceWords =
  /\b(my|mine|balance|how many|left|do i have|have i got)\b|\b(baki|berapa|brp|saya|sy|aku)\b|我的|多少|餘額|余额|剩/i

const tierKeys: Readonly<Record<string, MessageKey>> = {
  silver: 'loyalty-tier-silver',
  gold: 'loyalty-tier-gold',
  platinum: 'loyalty-tier-platinum',
}

/** True when the question is about the shopper's own points ("how many points do I have?"). */
export function asksForOwnBalance(text: string): boolean {
  return balanceWords.test(text)
}

async function showBalance(context: FlowContext, customerId: string): Promise<FlowOutcome> {
  const customer = await context.services.customers?.getCustomer(customerId)
  if (customer === undefined) return { replies: [{ key: 'not-yet-available' }] }
  const loyalty = context.services.loyalty?.configuration ?? defaultPlaceOrderConfiguration.loyalty
  const currency = context.services.loyalty?.currency ?? 'MYR'
  const points = customer.loyaltyPoints
  const tierKey = tierKeys[customer.loyaltyTier]
  const tier = tierKey === undefined ? customer.loyaltyTier : { key: tierKey }
  const next = loyalty.tiers.find((candidate) => candidate.minimumPoints > points)
  const nextKey = next === undefined ? undefined : tierKeys[next.name]
  const values = {
    points,
    tier,
    worth: { amount: points * loyalty.pointValueAmount, currency },
  }
  const reply: Reply =
    next === undefined
      ? { key: 'loyalty-balance', values }
      : {
          key: 'loyalty-balance-next-tier',
          values: {
            ...values,
            needed: next.minimumPoints - points,
            nextTier: nextKey === undefined ? next.name : { key: nextKey },
          },
        }
  return {
    replies: [{ ...reply, choices: [{ label: 'choice-checkout', payload: '/intent:checkout' }] }],
    events: [
      {
        type: 'loyalty.balance-shown',
        aggregateId: context.conversationId,
        payload: { customerId, points, tier: customer.loyaltyTier },
      },
    ],
  }
}

/**
 * Loyalty points: for a known shopper (signed in, or verified in this conversation) the balance,
 * tier, what the points are worth at checkout and how far the next tier is. A balance is personal
 * data, so an anonymous shopper is first asked whether to check it's them (e-mail and an order
 * number); one who would rather not, or who asks how the programme works, gets the programme's
 * policy instead.
 */
export const loyaltyBalanceFlow: Flow = {
  name: 'loyalty-balance',
  intents: ['loyalty_points'],
  async prefill(context) {
    const customerId = asksForOwnBalance(context.text)
      ? await findKnownCustomer(context)
      : undefined
    return {
      question: context.text.slice(0, 300),
      about: asksForOwnBalance(context.text) ? 'balance' : 'programme',
      ...(customerId === undefined ? {} : { [customerSlot]: customerId }),
    }
  },
  slots: [
    {
      name: 'verify',
      parse: (text) => readYesNo(text),
      prompt: 'loyalty-ask-verify',
      invalid: 'loyalty-ask-verify',
      skipWhen: (_context, slots) =>
        slots[customerSlot] !== undefined || slots['about'] !== 'balance',
      ask: () => ({
        key: 'loyalty-ask-verify',
        choices: [
          { label: 'choice-check-its-me', payload: '/yes' },
          { label: 'choice-how-points-work', payload: '/no' },
        ],
      }),
    },
    ...createVerificationSlots((slots) => slots['about'] !== 'balance' || slots['verify'] === 'no'),
  ],
  async complete(slots, context) {
    if (slots['about'] !== 'balance' || slots['verify'] === 'no')
      return answerFromPolicies(context, slots['question'] ?? context.text, ['loyalty-programme'])
    const verified = await verifyCustomer(context, slots)
    if (!verified.ok) return verified.outcome
    return showBalance(context, verified.customerId)
  },
}
