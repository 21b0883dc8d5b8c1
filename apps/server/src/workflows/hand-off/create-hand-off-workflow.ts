import type { HandOverReason } from '../../domains/inbox/index.ts'
import { agentJoins } from './agent-joins.ts'
import { agentReplies } from './agent-replies.ts'
import { approveSpecialDiscount } from './approve-special-discount.ts'
import { cancelWaitingHandOver } from './cancel-waiting-hand-over.ts'
import type { ConsoleHub } from './console-hub.ts'
import { considerHandOff } from './consider-hand-off.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { loadConversationView } from './load-conversation-view.ts'
import { handleShopperMessage, recordCsat } from './record-csat.ts'
import { requestHandOff } from './request-hand-off.ts'
import { resolveHandOver } from './resolve-hand-over.ts'
import {
  describeQueue,
  findQueuePlace,
  routeHandOver,
  sweepExpiredOffers,
} from './route-hand-over.ts'
import { transferHandOver } from './transfer-hand-over.ts'

/** The hand-off use cases, bound to their dependencies (what routes and subscribers call). */
export interface HandOffWorkflow {
  readonly hub: ConsoleHub
  requestHandOff(input: {
    conversationId: string
    reasons: readonly HandOverReason[]
  }): ReturnType<typeof requestHandOff>
  considerHandOff(input: Parameters<typeof considerHandOff>[1]): ReturnType<typeof considerHandOff>
  routeHandOver(handOverId: string): ReturnType<typeof routeHandOver>
  sweepExpiredOffers(): Promise<number>
  cancelWaitingHandOver(conversationId: string): Promise<boolean>
  findQueuePlace(handOverId: string): ReturnType<typeof findQueuePlace>
  describeQueue(): ReturnType<typeof describeQueue>
  agentJoins(input: Parameters<typeof agentJoins>[1]): ReturnType<typeof agentJoins>
  agentReplies(input: Parameters<typeof agentReplies>[1]): ReturnType<typeof agentReplies>
  setAgentTyping(conversationId: string, typing: boolean): void
  resolveHandOver(input: Parameters<typeof resolveHandOver>[1]): ReturnType<typeof resolveHandOver>
  transferHandOver(
    input: Parameters<typeof transferHandOver>[1],
  ): ReturnType<typeof transferHandOver>
  recordCsat(input: Parameters<typeof recordCsat>[1]): ReturnType<typeof recordCsat>
  handleShopperMessage(
    input: Parameters<typeof handleShopperMessage>[1],
  ): ReturnType<typeof handleShopperMessage>
  approveSpecialDiscount(
    input: Parameters<typeof approveSpecialDiscount>[1],
  ): ReturnType<typeof approveSpecialDiscount>
  loadConversationView(conversationId: string): ReturnType<typeof loadConversationView>
}

/** Binds the hand-off steps to their dependencies. */
export function createHandOffWorkflow(dependencies: HandOffDependencies): HandOffWorkflow {
  return {
    hub: dependencies.hub,
    requestHandOff: (input) => requestHandOff(dependencies, input),
    considerHandOff: (input) => considerHandOff(dependencies, input),
    routeHandOver: (handOverId) => routeHandOver(dependencies, handOverId, { announce: true }),
    sweepExpiredOffers: () => sweepExpiredOffers(dependencies),
    cancelWaitingHandOver: (conversationId) => cancelWaitingHandOver(dependencies, conversationId),
    findQueuePlace: (handOverId) => findQueuePlace(dependencies, handOverId),
    describeQueue: () => describeQueue(dependencies),
    agentJoins: (input) => agentJoins(dependencies, input),
    agentReplies: (input) => agentReplies(dependencies, input),
    setAgentTyping: (conversationId, typing) =>
      dependencies.shopperSignals.setAgentTyping(conversationId, typing),
    resolveHandOver: (input) => resolveHandOver(dependencies, input),
    transferHandOver: (input) => transferHandOver(dependencies, input),
    recordCsat: (input) => recordCsat(dependencies, input),
    handleShopperMessage: (input) => handleShopperMessage(dependencies, input),
    approveSpecialDiscount: (input) => approveSpecialDiscount(dependencies, input),
    loadConversationView: (conversationId) => loadConversationView(dependencies, conversationId),
  }
}
