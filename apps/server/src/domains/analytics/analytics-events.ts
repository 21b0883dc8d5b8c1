/**
 * The facts analytics reads from `domain_events`, recorded from the first conversation on. Each is
 * published by the part of the system that knows it happened; analytics only reads them.
 */
export const analyticsEventTypes = [
  'conversation.started',
  'conversation.resolved',
  'conversation.handed-off',
  'message.received',
  'message.sent',
  'intent.recognized',
  'flow.started',
  'flow.completed',
  'flow.abandoned',
  'product.shown',
  'cart.updated-in-conversation',
  'order.placed',
  'csat.submitted',
  'feedback.received',
  'feedback.rated',
] as const

/** One of {@link analyticsEventTypes}. */
export type AnalyticsEventType = (typeof analyticsEventTypes)[number]
