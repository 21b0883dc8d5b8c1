import type { FlowContext, FlowOutcome, SlotDefinition } from '../flow.ts'
import { knownCustomerSlot, readOrderNumber, trackOrderFlow } from './track-order-flow.ts'

/** The slot holding the customer id once the shopper is known (signed in or verified before). */
export const customerSlot = knownCustomerSlot

/** The signed-in customer, or the one this conversation verified earlier; else `undefined`. */
export async function findKnownCustomer(context: FlowContext): Promise<string | undefined> {
  if (context.customerId !== null) return context.customerId
  return context.services.verification?.verifiedCustomerId(context.conversationId)
}

const yesWords =
  /^(\/yes|y|yes|yeah|yep|ok|okay|sure|ya|ye|boleh|okey|好|好的|是|是的|可以|要|check|verify)$/i
const noWords = /^(\/no|n|no|nope|nah|tak|tidak|taknak|tak nak|x|不|不要|不用|否|no thanks)$/i

/** "yes" / "no" from a typed or tapped answer to a yes-or-no question; `undefined` otherwise. */
export function readYesNo(text: string): 'yes' | 'no' | undefined {
  const answer = text
    .trim()
    .toLowerCase()
    .replace(/[.!。！,，]+$/u, '')
  if (yesWords.test(answer)) return 'yes'
  if (noWords.test(answer)) return 'no'
  return undefined
}

/**
 * The e-mail and order-number questions that prove who the shopper is (as order tracking does),
 * skipped when the shopper is already known or `skip` holds for the slots so far.
 */
export function createVerificationSlots(
  skip: (slots: Readonly<Record<string, string>>) => boolean = () => false,
): SlotDefinition[] {
  const [orderNumberSlot, emailSlot] = trackOrderFlow.slots ?? []
  if (orderNumberSlot === undefined || emailSlot === undefined)
    throw new Error('the track-order flow lost its verification slots')
  const skipWhen = (_context: FlowContext, slots: Readonly<Record<string, string>>) =>
    slots[customerSlot] !== undefined || skip(slots)
  return [
    { ...emailSlot, prompt: 'ask-account-email', skipWhen },
    { ...orderNumberSlot, prompt: 'ask-account-order-number', skipWhen },
  ]
}

/**
 * The customer the shopper proved to be: known already, or verified now with the e-mail and an
 * order number of theirs (three failures lock the conversation and hand it to a person).
 */
export async function verifyCustomer(
  context: FlowContext,
  slots: Readonly<Record<string, string>>,
): Promise<{ ok: true; customerId: string } | { ok: false; outcome: FlowOutcome }> {
  const known = slots[customerSlot] ?? (await findKnownCustomer(context))
  if (known !== undefined) return { ok: true, customerId: known }
  const verification = context.services.verification
  const number = readOrderNumber(slots['order_number'] ?? '')
  if (verification === undefined || number === undefined)
    return { ok: false, outcome: { replies: [{ key: 'not-yet-available' }] } }
  const verified = await verification.verifyByEmailAndOrderNumber(
    context.conversationId,
    slots['email'] ?? '',
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
  const customerId = await verification.verifiedCustomerId(context.conversationId)
  return customerId === undefined
    ? { ok: false, outcome: { replies: [{ key: 'not-yet-available' }] } }
    : { ok: true, customerId }
}
