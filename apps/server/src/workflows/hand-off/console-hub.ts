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

/**
 * Creates a {@link ConsoleHub}. One process only; several server instances would relay through
 * PostgreSQL LISTEN/NOTIFY (see docs/architecture/handoff.md).
 */
export function createConsoleHub(): ConsoleHub {
  const listeners = new Set<(event: ConsoleEvent) => void>()
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event)
        } catch {
          // A broken socket must not stop the others from hearing.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get size() {
      return listeners.size
    },
  }
}
