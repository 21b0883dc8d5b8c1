import {
  chooseAgent,
  computeQueuePositions,
  estimateWaitMinutes,
  isWithinBusinessHours,
  type HandOver,
  type RoutingAgent,
} from '../../domains/inbox/index.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'

/** Where routing left a hand-over. */
export const routingOutcomes = ['offered', 'queued', 'ticket', 'unchanged'] as const

/** One of {@link routingOutcomes}. */
export type RoutingOutcome = (typeof routingOutcomes)[number]

/** A waiting shopper's place in the queue. */
export interface QueuePlace {
  readonly position: number
  /** Whole minutes, or `undefined` when there is no honest estimate. */
  readonly waitMinutes: number | undefined
}

async function routingAgents(dependencies: HandOffDependencies): Promise<RoutingAgent[]> {
  const [members, counts] = await Promise.all([
    dependencies.staff.listMembers(),
    dependencies.inbox.countOpenByAgent(),
  ])
  return members.map((member) => ({
    id: member.id,
    languages: member.languages,
    skills: member.skills,
    team: member.team,
    capacity: member.capacity,
    presence: member.presence,
    activeConversations: counts.get(member.id) ?? 0,
  }))
}

/**
 * The places of every waiting hand-over, computed once. An offered hand-over is next (position 1)
 * and waits at most the accept timeout; queued ones are numbered first come first served, and
 * their wait is estimated from recent handling times and the seats of the agents online.
 */
export async function describeQueue(
  dependencies: HandOffDependencies,
): Promise<Map<string, QueuePlace>> {
  const [waiting, agents, handling] = await Promise.all([
    dependencies.inbox.listHandOvers({ statuses: ['queued', 'offered'], limit: 1_000 }),
    routingAgents(dependencies),
    dependencies.inbox.recentHandlingMs(dependencies.settings.handlingSample),
  ])
  const seatsOnline = agents
    .filter((agent) => agent.presence === 'online')
    .reduce((sum, agent) => sum + agent.capacity, 0)
  const places = new Map<string, QueuePlace>()
  const offerWait = Math.max(1, Math.ceil(dependencies.settings.acceptTimeoutMs / 60_000))
  for (const handOver of waiting) {
    if (handOver.status === 'offered')
      places.set(handOver.id, { position: 1, waitMinutes: offerWait })
  }
  const queued = waiting.filter((handOver) => handOver.status === 'queued')
  for (const [id, position] of computeQueuePositions(queued)) {
    places.set(id, {
      position,
      waitMinutes: estimateWaitMinutes({ position, recentHandlingMs: handling, seatsOnline }),
    })
  }
  return places
}

/** The place of one waiting hand-over (see {@link describeQueue}); `undefined` when not waiting. */
export async function findQueuePlace(
  dependencies: HandOffDependencies,
  handOverId: string,
): Promise<QueuePlace | undefined> {
  return (await describeQueue(dependencies)).get(handOverId)
}

async function tellShopper(
  dependencies: HandOffDependencies,
  handOver: HandOver,
  text: string,
  notice: string,
): Promise<void> {
  await dependencies.conversations.sendMessages(handOver.conversationId, {
    messages: [{ authorRole: 'bot', content: { type: 'system-notice', text, notice } }],
  })
}

/**
 * Routes a queued hand-over: outside business hours, or with no agent online at all, it becomes a
 * ticket and the shopper is asked for a contact; otherwise it is offered to the most qualified
 * available agent (round-robin among equals) or stays queued. With `announce`, the shopper is told
 * their queue position and an honest wait estimate.
 */
export async function routeHandOver(
  dependencies: HandOffDependencies,
  handOverId: string,
  options: { announce: boolean },
): Promise<{ outcome: RoutingOutcome; handOver: HandOver }> {
  const { inbox, hub, clock, settings } = dependencies
  let handOver = await inbox.getHandOver(handOverId)
  if (handOver.status !== 'queued') return { outcome: 'unchanged', handOver }
  const now = clock.now()
  const agents = await routingAgents(dependencies)
  const excluded = new Set(handOver.excludedAgentIds)
  const anyoneOnline = agents.some(
    (agent) =>
      agent.presence === 'online' &&
      !excluded.has(agent.id) &&
      (handOver.team === null || agent.team === handOver.team),
  )
  if (!isWithinBusinessHours(settings.businessHours, now) || !anyoneOnline) {
    handOver = await inbox.leaveTicket(handOver.id, null)
    hub.publish({
      type: 'hand-over-updated',
      conversationId: handOver.conversationId,
      handOverId: handOver.id,
      data: { status: handOver.status },
    })
    await tellShopper(
      dependencies,
      handOver,
      renderHandOffMessage('closed', handOver.language),
      'hand-over-ticket',
    )
    return { outcome: 'ticket', handOver }
  }
  const cursors = await inbox.readCursors()
  const choice = chooseAgent(
    {
      language: handOver.language,
      topic: handOver.topic,
      team: handOver.team,
      excludedAgentIds: handOver.excludedAgentIds,
    },
    agents,
    (key) => cursors.get(key),
  )
  let outcome: RoutingOutcome = 'queued'
  if (choice.ok) {
    const expiresAt = new Date(now.getTime() + settings.acceptTimeoutMs).toISOString()
    handOver = await inbox.offer(handOver.id, choice.agentId, expiresAt, choice.cursorKey)
    outcome = 'offered'
  }
  hub.publish({
    type: 'hand-over-updated',
    conversationId: handOver.conversationId,
    handOverId: handOver.id,
    agentId: handOver.offeredAgentId ?? undefined,
    data: { status: handOver.status },
  })
  if (options.announce) {
    const place = await findQueuePlace(dependencies, handOver.id)
    const wait =
      place?.waitMinutes === undefined
        ? renderHandOffMessage('waitUnknown', handOver.language)
        : renderHandOffMessage('waitMinutes', handOver.language, { minutes: place.waitMinutes })
    await tellShopper(
      dependencies,
      handOver,
      renderHandOffMessage('queued', handOver.language, { position: place?.position ?? 1, wait }),
      'hand-over-queued',
    )
  }
  return { outcome, handOver }
}

/**
 * Takes back offers that were not accepted in time and routes each hand-over again, never to the
 * same agent. Returns how many offers expired.
 */
export async function sweepExpiredOffers(dependencies: HandOffDependencies): Promise<number> {
  const expired = await dependencies.inbox.listExpiredOffers(dependencies.clock.now().toISOString())
  for (const handOver of expired) {
    await dependencies.inbox.withdrawOffer(handOver.id)
    await routeHandOver(dependencies, handOver.id, { announce: false })
  }
  return expired.length
}
