import type { Intent } from '../../nlu/index.ts'
import type { MessageKey } from '../../replies/index.ts'
import type { Flow, HandOverReason } from '../flow.ts'

const reasons: Partial<Record<Intent, { reason: HandOverReason; reply: MessageKey }>> = {
  contact_human_agent: { reason: 'explicit-request', reply: 'hand-over-explicit' },
  complaint: { reason: 'complaint', reply: 'hand-over-complaint' },
  report_fraud: { reason: 'fraud-report', reply: 'hand-over-fraud' },
  request_special_discount: { reason: 'special-discount', reply: 'hand-over-special-discount' },
}

/**
 * Hands the conversation to a person: on request, and by business rule for complaints, fraud
 * reports and special-discount requests. The bot says a person will join; the status becomes
 * `waiting-for-agent` and `conversation.handed-off` is published.
 */
export const handOverFlow: Flow = {
  name: 'hand-over',
  intents: ['contact_human_agent', 'complaint', 'report_fraud', 'request_special_discount'],
  complete(_slots, context) {
    const rule = reasons[context.recognition.intent] ?? {
      reason: 'explicit-request',
      reply: 'hand-over-explicit',
    }
    return { replies: [{ key: rule.reply }], handOver: rule.reason }
  },
}
