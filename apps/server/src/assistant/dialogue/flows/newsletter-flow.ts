import type { Flow } from '../flow.ts'
import { isUnsubscribeRequest, unsubscribeFromMarketing } from './account-help-flow.ts'

const emailPattern = /[\w.+-]+@[\w-]+(\.[\w-]+)+/

/**
 * Newsletter sign-up: collects an email address (validated, re-prompted, correctable), asks for
 * explicit confirmation, then records `newsletter.subscribed`. A request to stop the e-mails
 * ("unsubscribe me") withdraws a known customer's marketing consent, or says how to unsubscribe.
 */
export const newsletterFlow: Flow = {
  name: 'newsletter',
  intents: ['newsletter_subscription'],
  prefill: (context): Record<string, string> =>
    isUnsubscribeRequest(context.text) ? { unsubscribe: 'yes' } : {},
  guard: (slots, context) =>
    slots['unsubscribe'] === 'yes' ? unsubscribeFromMarketing(context) : undefined,
  slots: [
    {
      name: 'email',
      entity: 'email',
      parse: (text) => {
        const trimmed = text.trim()
        if (trimmed.length > 254) return trimmed
        return (
          emailPattern.exec(trimmed)?.[0]?.toLowerCase() ??
          (trimmed.includes('@') ? trimmed : undefined)
        )
      },
      validate: (value) =>
        value.length <= 254 && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(value)
          ? undefined
          : 'invalid-email',
      prompt: 'ask-email',
      invalid: 'invalid-email',
    },
  ],
  confirmation: (slots) => ({ key: 'newsletter-confirm', values: { email: slots['email'] ?? '' } }),
  complete(slots, context) {
    const email = slots['email'] ?? ''
    return {
      replies: [{ key: 'newsletter-done', values: { email } }],
      events: [
        {
          type: 'newsletter.subscribed',
          aggregateId: context.conversationId,
          payload: {
            email,
            customerId: context.customerId,
            locale: context.locale,
            source: 'chat',
          },
        },
      ],
    }
  },
}
