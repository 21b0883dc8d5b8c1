import type { Intent } from '../../nlu/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'

const preferredSlugsByIntent: Partial<Record<Intent, readonly string[]>> = {
  shipping_info: ['shipping'],
  payment_methods: ['payment-methods'],
  store_policy: [],
}

/**
 * Answers `question` from the store's policy documents in the shopper's language (the best section
 * of `preferredSlugs` first), quoting it with its title; offers a person when nothing matches.
 */
export async function answerFromPolicies(
  context: FlowContext,
  question: string,
  preferredSlugs: readonly string[],
): Promise<FlowOutcome> {
  const policies = context.services.policies
  const answer =
    policies === undefined
      ? undefined
      : await policies.answer(question, context.locale, preferredSlugs)
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
}

/**
 * Store policies and FAQ: retrieves the best section of the store's policy documents in the
 * shopper's language and quotes it with its title; offers a person when nothing matches. (Loyalty
 * questions go to the loyalty flow, which quotes the programme to shoppers who stay anonymous.)
 */
export const policyFlow: Flow = {
  name: 'policy',
  intents: ['store_policy', 'shipping_info', 'payment_methods'],
  complete: (_slots, context) =>
    answerFromPolicies(
      context,
      context.text,
      preferredSlugsByIntent[context.recognition.intent] ?? [],
    ),
}
