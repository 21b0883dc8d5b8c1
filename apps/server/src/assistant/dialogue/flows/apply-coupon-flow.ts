import type { Flow } from '../flow.ts'

const couponPattern = /\b([A-Z0-9]{4,20})\b/

/** Remembers a coupon code for checkout (where the promotions service decides whether it applies). */
export const applyCouponFlow: Flow = {
  name: 'apply-coupon',
  intents: ['apply_coupon'],
  slots: [
    {
      name: 'code',
      entity: 'coupon_code',
      parse: (text) => couponPattern.exec(text.toUpperCase())?.[1],
      validate: (value) =>
        /^[A-Z0-9]{4,20}$/.test(value.toUpperCase()) ? undefined : 'invalid-coupon-code',
      prompt: 'ask-coupon',
      invalid: 'invalid-coupon-code',
    },
  ],
  complete(slots, context) {
    const code = (slots['code'] ?? '').toUpperCase()
    return {
      replies: [
        {
          key: 'coupon-noted',
          values: { code },
          choices: [
            { label: 'choice-view-cart', payload: '/intent:view_cart' },
            { label: 'choice-checkout', payload: '/intent:checkout' },
          ],
        },
      ],
      events: [
        {
          type: 'coupon.noted-in-conversation',
          aggregateId: context.conversationId,
          payload: { code },
        },
      ],
      remember: { couponCode: code },
    }
  },
}
