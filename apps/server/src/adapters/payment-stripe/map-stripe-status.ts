import type {
  CardSummary,
  DeclineReason,
  PaymentOutcome,
  PaymentStatus,
} from '../../domains/payments/index.ts'
import type { StripePaymentIntent } from './stripe-api.ts'

/** Our decline reason for Stripe's error or decline code. */
export function mapStripeDeclineCode(code: string | undefined): DeclineReason {
  switch (code) {
    case 'insufficient_funds':
      return 'insufficient-funds'
    case 'expired_card':
      return 'expired-card'
    case 'incorrect_cvc':
    case 'incorrect_number':
    case 'invalid_cvc':
    case 'invalid_expiry_month':
    case 'invalid_expiry_year':
    case 'invalid_number':
      return 'incorrect-card-details'
    case 'authentication_required':
    case 'payment_intent_authentication_failure':
      return 'authentication-failed'
    case 'processing_error':
      return 'processing-error'
    default:
      return 'card-declined'
  }
}

/** Our status for a PaymentIntent status. */
export function mapStripeStatus(
  intent: Pick<StripePaymentIntent, 'status' | 'last_payment_error'>,
): PaymentStatus {
  switch (intent.status) {
    case 'requires_payment_method':
      return intent.last_payment_error == null ? 'pending' : 'declined'
    case 'requires_confirmation':
    case 'processing':
      return 'pending'
    case 'requires_action':
      return 'requires-action'
    case 'requires_capture':
      return 'authorized'
    case 'canceled':
      return 'canceled'
    case 'succeeded':
      return 'captured'
  }
}

/** The card used, when the PaymentIntent says. */
export function readStripeCard(intent: StripePaymentIntent): CardSummary | undefined {
  const card = intent.charges?.data[0]?.payment_method_details?.card
  return card === undefined ? undefined : { brand: card.brand, lastFour: card.last4 }
}

/** The outcome a PaymentIntent stands for. */
export function convertFromStripePaymentIntent(intent: StripePaymentIntent): PaymentOutcome {
  const status = mapStripeStatus(intent)
  return {
    status,
    providerReference: intent.id,
    nextActionUrl: intent.next_action?.redirect_to_url?.url,
    declineReason:
      status === 'declined'
        ? mapStripeDeclineCode(
            intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code,
          )
        : undefined,
    capturedAmount: status === 'captured' ? intent.amount_received : undefined,
    card: readStripeCard(intent),
  }
}

/** Our refund status for a Stripe Refund's `status` (`requires_action` and `pending` wait). */
export function mapStripeRefundStatus(status: string | null): 'refunded' | 'pending' | 'failed' {
  if (status === 'succeeded') return 'refunded'
  if (status === 'failed' || status === 'canceled') return 'failed'
  return 'pending'
}
