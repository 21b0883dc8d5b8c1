import type { Flow } from '../flow.ts'
import { describeSavedCard, saveCardFlowName } from './checkout-flow.ts'
import { readYesNo } from './verify-customer.ts'

const dontSaveWords =
  /\b(don'?t|do not|no need to|never) (save|keep|store)\b|\bjangan (simpan|save)\b|\btak (nak|payah|perlu) simpan\b|不要(保存|儲存|存)|不用(保存|儲存|存)|别存|別存/i
const saveWords = /\b(save|keep|store)\b|\bsimpan\b|保存|儲存|存起来|存起來|记住|記住/i

/** "save it" / "simpan" / "保存" → yes, "don't save" / "jangan simpan" / "不要保存" → no. */
export function readSaveAnswer(text: string): 'yes' | 'no' | undefined {
  if (dontSaveWords.test(text)) return 'no'
  return saveWords.test(text) ? 'yes' : undefined
}

/**
 * "Save this card for next time?" after a signed-in customer paid with a card typed in the chat.
 * Started only as the checkout flow's follow-up (no intent opens it), with the provider's token of
 * the card — never its number. Yes keeps the token with brand and last four as a saved payment
 * method (offered at the next checkout); no, or leaving the question, keeps nothing.
 */
export const saveCardFlow: Flow = {
  name: saveCardFlowName,
  intents: [],
  slots: [
    {
      name: 'save',
      parse: (text, _slots, context) =>
        readYesNo(text) ??
        readSaveAnswer(text) ??
        (context.recognition.intent === 'affirm'
          ? 'yes'
          : context.recognition.intent === 'deny'
            ? 'no'
            : undefined),
      validate: (value) =>
        value === 'yes' || value === 'no' ? undefined : 'checkout-ask-save-card',
      prompt: 'checkout-ask-save-card',
      invalid: 'checkout-ask-save-card',
      ask: (slots) => ({
        key: 'checkout-ask-save-card',
        values: {
          card: describeSavedCard({
            brand: slots['brand'] ?? null,
            lastFour: slots['lastFour'] ?? null,
          }),
        },
        choices: [
          { label: 'choice-save-card', payload: '/yes' },
          { label: 'choice-dont-save-card', payload: '/no' },
        ],
      }),
    },
  ],
  async complete(slots, context) {
    const customerId = slots['customer'] ?? ''
    const customers = context.services.customers
    // Only the customer who paid, still signed in, may keep the card.
    if (slots['save'] !== 'yes' || customers === undefined || context.customerId !== customerId)
      return { replies: [{ key: 'checkout-card-not-saved' }] }
    const saved = await customers.saveCard(customerId, {
      provider: slots['provider'] ?? '',
      token: slots['token'] ?? '',
      brand: slots['brand'] ?? 'card',
      lastFour: slots['lastFour'] ?? '',
      currency: slots['currency'] ?? 'MYR',
    })
    if (!saved.ok) return { replies: [{ key: 'checkout-card-not-saved' }] }
    return {
      replies: [{ key: 'checkout-card-saved', values: { card: describeSavedCard(saved.value) } }],
      events: [
        {
          type: 'checkout.card-saved-in-conversation',
          aggregateId: context.conversationId,
          payload: { customerId, paymentMethodId: saved.value.id },
        },
      ],
    }
  },
}
