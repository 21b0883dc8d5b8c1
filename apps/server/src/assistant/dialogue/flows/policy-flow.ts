import type { Intent } from '../../nlu/index.ts'
import type { Flow } from '../flow.ts'

const preferredSlugsByIntent: Partial<Record<Intent, readonly string[]>> = {
  shipping_info: ['shipping'],
  payment_methods: ['payment-methods'],
  loyalty_points: ['loyalty-programme'],
  store_policy: [],
}

/**
 * Store policies and FAQ: retrieves the best section of the store's policy documents in the
 * shopper's language and quotes it with its title; offers a person when nothing matches.
 */
export const policyFlow: Flow = {
  name: 'policy',
  intents: ['store_policy', 'shipping_info', 'payment_methods', 'loyalty_points'],
  async complete(_slots, context) {
    const policies = context.services.policies
    const answer =
      policies === undefined
        ? undefined
        : await policies.answer(
            context.text,
            context.locale,
            preferredSlugsByIntent[context.recognition.intent] ?? [],
          )
    if (answer === undefined) {
      return {
        replies: [
          {
            key: 'policy-not-found',
            choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
          },
        ],
      }
    }
    return {
      replies: [
        {
          key: 'policy-answer',
          prefix: answer.fromEnglish ? ['policy-english-only'] : [],
          values: {
            documentTitle: answer.section.documentTitle,
            title: answer.section.title,
            quote: answer.quote,
          },
        },
      ],
      events: [
        {
          type: 'policy.answered',
          aggregateId: context.conversationId,
          payload: {
            sectionId: answer.section.id,
            slug: answer.section.slug,
            locale: answer.section.locale,
            fromEnglish: answer.fromEnglish,
          },
        },
      ],
    }
  },
}
