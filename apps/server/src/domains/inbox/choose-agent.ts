import type { InboxTopic } from './inbox-topics.ts'

/** An agent as routing sees them at one moment. */
export interface RoutingAgent {
  readonly id: string
  readonly languages: readonly string[]
  readonly skills: readonly string[]
  readonly team: string | null
  readonly capacity: number
  readonly presence: 'online' | 'away' | 'offline'
  /** Conversations the agent owns or has been offered and not yet answered. */
  readonly activeConversations: number
}

/** What a hand-over needs from an agent. */
export interface RoutingNeed {
  readonly language: string
  readonly topic: InboxTopic
  /** Only agents of this team (a transfer to a team). */
  readonly team?: string | null | undefined
  /** Agents who declined or let the offer time out; never offered again. */
  readonly excludedAgentIds?: readonly string[] | undefined
}

/** How well an agent fits: both skills, the language only, the topic only, or neither. */
export const routingFits = ['language-and-topic', 'language', 'topic', 'any'] as const

/** One of {@link routingFits}. */
export type RoutingFit = (typeof routingFits)[number]

/** The routing decision. */
export type RoutingChoice =
  | {
      readonly ok: true
      readonly agentId: string
      readonly fit: RoutingFit
      /** Key of the round-robin cursor to store `agentId` under. */
      readonly cursorKey: string
    }
  | { readonly ok: false; readonly reason: 'nobody-available' }

function fitOf(agent: RoutingAgent, need: RoutingNeed): RoutingFit {
  const speaks = agent.languages.includes(need.language)
  const knows = need.topic === 'general' || agent.skills.includes(need.topic)
  if (speaks && knows) return 'language-and-topic'
  if (speaks) return 'language'
  if (knows) return 'topic'
  return 'any'
}

/** The round-robin cursor key of a need and fit: agents equally qualified share one cursor. */
export function routingCursorKey(need: RoutingNeed, fit: RoutingFit): string {
  return `${need.team ?? '*'}:${need.language}:${need.topic}:${fit}`
}

/**
 * Picks the most qualified available agent: online, under capacity, not excluded, of the team when
 * one is asked for; the best {@link RoutingFit} wins, and among equally qualified agents the one
 * after `lastAgentIdOf(cursorKey)` in id order (round-robin). Pure; the caller stores the cursor.
 */
export function chooseAgent(
  need: RoutingNeed,
  agents: readonly RoutingAgent[],
  lastAgentIdOf: (cursorKey: string) => string | undefined,
): RoutingChoice {
  const excluded = new Set(need.excludedAgentIds ?? [])
  const available = agents.filter(
    (agent) =>
      agent.presence === 'online' &&
      agent.activeConversations < agent.capacity &&
      !excluded.has(agent.id) &&
      (need.team === undefined || need.team === null || agent.team === need.team),
  )
  for (const fit of routingFits) {
    const equals = available
      .filter((agent) => fitOf(agent, need) === fit)
      .map((agent) => agent.id)
      .sort()
    const first = equals[0]
    if (first === undefined) continue
    const cursorKey = routingCursorKey(need, fit)
    const last = lastAgentIdOf(cursorKey)
    const next = last === undefined ? first : (equals.find((id) => id > last) ?? first)
    return { ok: true, agentId: next, fit, cursorKey }
  }
  return { ok: false, reason: 'nobody-available' }
}
