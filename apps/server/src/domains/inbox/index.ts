/**
 * The inbox: hand-overs from the bot to a person (queue, offers, assignment, tickets), routing to the
 * most qualified agent, hand-over rules, private notes, canned replies, CSAT ratings and training
 * examples learned from hand-overs.
 */
export {
  alwaysOpenBusinessHours,
  businessHoursSchema,
  defaultBusinessHours,
  isWithinBusinessHours,
  type BusinessHours,
} from './business-hours.ts'
export {
  chooseAgent,
  routingCursorKey,
  routingFits,
  type RoutingAgent,
  type RoutingChoice,
  type RoutingFit,
  type RoutingNeed,
} from './choose-agent.ts'
export { computeQueuePositions, estimateWaitMinutes, type QueuedHandOver } from './estimate-wait.ts'
export {
  handOverStatuses,
  openHandOverStatuses,
  trainingCandidateStatuses,
  type CannedResponse,
  type CsatRating,
  type HandOver,
  type HandOverStatus,
  type InboxNote,
  type TicketContact,
  type TrainingCandidate,
  type TrainingCandidateStatus,
} from './hand-over.ts'
export {
  defaultHandOverRules,
  evaluateHandOverTriggers,
  handOverReasons,
  handOverRulesSchema,
  type HandOverDecision,
  type HandOverReason,
  type HandOverRules,
  type HandOverSignals,
  type TurnSignal,
} from './hand-over-triggers.ts'
export { inboxTopics, inferInboxTopic, type InboxTopic } from './inbox-topics.ts'
export {
  createInboxService,
  type AcceptRefusal,
  type HandOverFilter,
  type InboxService,
  type NewHandOver,
  type NewTrainingCandidate,
} from './inbox-service.ts'
export { renderCannedResponse } from './render-canned-response.ts'
