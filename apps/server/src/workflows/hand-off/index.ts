/**
 * The hand-off workflow: from the bot to a person and back in the same conversation — summary,
 * routing, queue, tickets, takeover, replies, transfer, resolution with CSAT, special discounts.
 */
export { agentJoins } from './agent-joins.ts'
export { agentReplies, type ReplyRefusal } from './agent-replies.ts'
export { approveSpecialDiscount } from './approve-special-discount.ts'
export { buildHandOffSummary, type SummaryInput } from './build-hand-off-summary.ts'
export { cancelWaitingHandOver } from './cancel-waiting-hand-over.ts'
export { considerHandOff, rateComplaintSeverity } from './consider-hand-off.ts'
export {
  consoleEventTypes,
  consoleHubTopic,
  createConsoleHub,
  type ConsoleEvent,
  type ConsoleEventType,
  type ConsoleHub,
} from './console-hub.ts'
export { createHandOffWorkflow, type HandOffWorkflow } from './create-hand-off-workflow.ts'
export {
  defaultHandOffSettingsValues,
  type HandOffDependencies,
  type HandOffSettings,
  type ShopperSignals,
  type SingleUseCoupons,
} from './hand-off-dependencies.ts'
export { renderHandOffMessage, type HandOffMessageKey } from './hand-off-messages.ts'
export {
  createSqlHandOffRecords,
  policySlugsByTopic,
  type HandOffRecords,
} from './hand-off-records.ts'
export type {
  HandOffSummary,
  SummaryCart,
  SummaryCustomer,
  SummaryMessage,
  SummaryOrder,
  SummaryPolicy,
} from './hand-off-summary.ts'
export { loadConversationView, type ConversationView } from './load-conversation-view.ts'
export {
  extractContact,
  handleShopperMessage,
  recordCsat,
  type CsatRefusal,
  type ShopperMessageEffect,
} from './record-csat.ts'
export { readSummaryMessages, requestHandOff } from './request-hand-off.ts'
export { csatPayloadPrefix, resolveHandOver, type ResolveRefusal } from './resolve-hand-over.ts'
export {
  describeQueue,
  findQueuePlace,
  routeHandOver,
  routingOutcomes,
  sweepExpiredOffers,
  type QueuePlace,
  type RoutingOutcome,
} from './route-hand-over.ts'
export { scoreSentiment, sentimentLabels, type SentimentLabel } from './score-sentiment.ts'
export { transferHandOver } from './transfer-hand-over.ts'
