import type { ReplyChoice } from '../../replies/index.ts'
import type { Flow } from '../flow.ts'

/** The rating a tapped star reply (`?option=rating-4`) or "4 stars" / "4 星" / "4 bintang" gives. */
export function readRating(text: string): number | undefined {
  const tapped = /[?&]option=rating-([1-5])\b/.exec(text)?.[1]
  const typed = /\b([1-5])\s*(?:\/\s*5|stars?|bintang)|([1-5])\s*(?:顆星|颗星|星|分)/i.exec(text)
  const value = tapped ?? typed?.[1] ?? typed?.[2]
  return value === undefined ? undefined : Number(value)
}

const ratingChoices: readonly ReplyChoice[] = [5, 4, 3, 2, 1].map((rating) => ({
  label: 'choice-rating',
  payload: `/intent:feedback?option=rating-${String(rating)}`,
  values: { stars: '★'.repeat(rating) },
}))

/**
 * Feedback: thanks the shopper and records `feedback.received` with their words (and a rating when
 * they gave one), offering star ratings as quick replies; a tapped rating is recorded as
 * `feedback.rated`.
 */
export const feedbackFlow: Flow = {
  name: 'feedback',
  intents: ['feedback'],
  complete(_slots, context) {
    const rating = readRating(context.text)
    const tapped = context.text.trim().startsWith('/')
    const base = { customerId: context.customerId, locale: context.locale, source: 'chat' }
    if (tapped) {
      return {
        replies: [{ key: 'feedback-rated' }],
        events:
          rating === undefined
            ? []
            : [
                {
                  type: 'feedback.rated',
                  aggregateId: context.conversationId,
                  payload: { ...base, rating },
                },
              ],
      }
    }
    return {
      replies: [
        rating === undefined
          ? { key: 'feedback-thanks', choices: ratingChoices }
          : { key: 'feedback-thanks-rated' },
      ],
      events: [
        {
          type: 'feedback.received',
          aggregateId: context.conversationId,
          payload: { ...base, text: context.text.slice(0, 2000), rating: rating ?? null },
        },
      ],
    }
  },
}
