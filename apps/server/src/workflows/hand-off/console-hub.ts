import { z } from 'zod'
import { singleInstanceLink, type ClusterLink } from '../../shared/cluster-link.ts'

/** What the console is told in real time. */
export const consoleEventTypes = [
  'hand-over-updated',
  'conversation-message',
  'shopper-typing',
] as const

/** One of {@link consoleEventTypes}. */
export type ConsoleEventType = (typeof consoleEventTypes)[number]

/** A real-time event for the console. */
export interface ConsoleEvent {
  readonly type: ConsoleEventType
  readonly conversationId: string
  readonly handOverId?: string | undefined
  /** Only this agent should see it (an offer); everyone signed in when absent. */
  readonly agentId?: string | undefined
  readonly data?: Record<string, unknown> | undefined
}

/** In-process fan-out of console events to the signed-in agents' WebSockets. */
export interface ConsoleHub {
  publish(event: ConsoleEvent): void
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: (event: ConsoleEvent) => void): () => void
  /** Number of listeners (for tests and health). */
  readonly size: number
}

/** The cluster topic console events travel on between server instances. */
export const consoleHubTopic = 'console'

const relayedEventSchema = z.object({
  type: z.enum(consoleEventTypes),
  conversationId: z.string(),
  handOverId: z.string().optional(),
  agentId: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
})

/**
 * Creates a {@link ConsoleHub}. With a `cluster` (several instances on PostgreSQL), what is published
 * here also reaches the agents signed in on the other instances, and theirs reach these; call
 * `stop` to stop hearing them.
 */
export function createConsoleHub(cluster: ClusterLink = singleInstanceLink): ConsoleHub & {
  stop(): void
} {
  const listeners = new Set<(event: ConsoleEvent) => void>()
  const deliver = (event: ConsoleEvent) => {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A broken socket must not stop the others from hearing.
      }
    }
  }
  const stop = cluster.listen(consoleHubTopic, (data) => {
    const parsed = relayedEventSchema.safeParse(data)
    if (parsed.success) deliver(parsed.data)
  })
  return {
    publish(event) {
      deliver(event)
      cluster.broadcast(consoleHubTopic, event)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get size() {
      return listeners.size
    },
    stop,
  }
}
