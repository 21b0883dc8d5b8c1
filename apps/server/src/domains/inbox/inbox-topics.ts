/** Topics agents are skilled in and hand-overs are routed by. */
export const inboxTopics = ['orders', 'returns', 'payments', 'fraud', 'sales', 'general'] as const

/** One of {@link inboxTopics}. */
export type InboxTopic = (typeof inboxTopics)[number]

const topicOfIntent: Readonly<Record<string, InboxTopic>> = {
  track_order: 'orders',
  cancel_order: 'orders',
  change_order: 'orders',
  change_shipping_address: 'orders',
  get_invoice: 'orders',
  request_return: 'returns',
  exchange_item: 'returns',
  track_refund: 'returns',
  payment_issue: 'payments',
  payment_methods: 'payments',
  apply_coupon: 'sales',
  report_fraud: 'fraud',
  request_special_discount: 'sales',
  product_search: 'sales',
  product_availability: 'sales',
  product_info: 'sales',
  recommendation: 'sales',
  add_to_cart: 'sales',
  checkout: 'sales',
}

/**
 * The topic a hand-over is about, from the most recent recognised intents (newest first); the first
 * intent that maps to a topic wins, `general` when none does.
 */
export function inferInboxTopic(intentsNewestFirst: readonly (string | null)[]): InboxTopic {
  for (const intent of intentsNewestFirst) {
    if (intent === null) continue
    const topic = topicOfIntent[intent]
    if (topic !== undefined) return topic
  }
  return 'general'
}
