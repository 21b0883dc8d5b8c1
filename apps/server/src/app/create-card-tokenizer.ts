import type { CardTokenizer } from '../assistant/dialogue/index.ts'
import type { PaymentProvider } from '../domains/payments/index.ts'

/**
 * The chat's {@link CardTokenizer} over the payment provider that charges typed cards: the sandbox
 * tokenizes at once (`tok_sandbox_<behaviour>_<brand>_<last4>`); a provider without `tokenizeCard`
 * (Stripe, PayPal: cards are tokenized in the shopper's browser) gives no token, so the chat does
 * not offer to save the card.
 */
export function createCardTokenizer(provider: PaymentProvider): CardTokenizer {
  return {
    tokenize(cardNumber) {
      const tokenized = provider.tokenizeCard?.({ number: cardNumber })
      if (tokenized === undefined || !tokenized.ok) return undefined
      return {
        provider: provider.name,
        token: tokenized.token,
        brand: tokenized.card.brand,
        lastFour: tokenized.card.lastFour,
      }
    },
  }
}
