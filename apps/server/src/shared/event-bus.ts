/** A fact that happened in a domain, such as `order.placed` or `cart.updated`. */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  readonly type: string
  /** Id of the record the event is about (`ord_…`, `crt_…`). */
  readonly aggregateId: string
  readonly payload: P
}

/** A {@link DomainEvent} once recorded, with its id and time. */
export interface RecordedEvent<P extends object = Record<string, unknown>> extends DomainEvent<P> {
  readonly id: string
  readonly occurredAt: string
}

/** Where events are kept (the `domain_events` table); analytics and jobs read them from there. */
export interface EventStore {
  append(events: readonly RecordedEvent[]): Promise<void>
}

/** Reacts to one event after it was stored; a failing subscriber never fails the publisher. */
export type EventSubscriber = (event: RecordedEvent) => void | Promise<void>

/**
 * Records domain events and delivers them to in-process subscribers. Subscribers run after the
 * event is stored; their errors are reported to `onSubscriberError` and never reach the publisher.
 */
export interface EventBus {
  publish(...events: DomainEvent<object>[]): Promise<RecordedEvent[]>
  /**
   * Gives events their id and time without storing them, for a caller that stores them in its own
   * transaction (one write for a whole chat turn); it then hands them to {@link EventBus.deliver}.
   */
  record(...events: DomainEvent<object>[]): RecordedEvent[]
  /** Runs the subscribers of events the caller stored itself, in order, once they are durable. */
  deliver(events: readonly RecordedEvent[]): Promise<void>
  subscribe(type: string | '*', subscriber: EventSubscriber): () => void
}

/** Creates an {@link EventBus} over an {@link EventStore}. */
export function createEventBus(options: {
  store: EventStore
  now: () => Date
  createId: () => string
  onSubscriberError?: (error: unknown, event: RecordedEvent) => void
}): EventBus {
  const subscribers = new Map<string, Set<EventSubscriber>>()
  const record = (events: readonly DomainEvent<object>[]): RecordedEvent[] => {
    const occurredAt = options.now().toISOString()
    return events.map((event) => ({
      id: options.createId(),
      type: event.type,
      aggregateId: event.aggregateId,
      payload: event.payload as Record<string, unknown>,
      occurredAt,
    }))
  }
  const deliver = async (recorded: readonly RecordedEvent[]): Promise<void> => {
    const everything = subscribers.get('*')
    for (const event of recorded) {
      const own = subscribers.get(event.type)
      if (own === undefined && everything === undefined) continue
      const targets = [...(own ?? []), ...(everything ?? [])]
      for (const subscriber of targets) {
        try {
          await subscriber(event)
        } catch (error) {
          options.onSubscriberError?.(error, event)
        }
      }
    }
  }
  return {
    async publish(...events) {
      const recorded = record(events)
      if (recorded.length === 0) return recorded
      await options.store.append(recorded)
      await deliver(recorded)
      return recorded
    },
    record: (...events) => record(events),
    deliver,
    subscribe(type, subscriber) {
      const set = subscribers.get(type) ?? new Set<EventSubscriber>()
      set.add(subscriber)
      subscribers.set(type, set)
      return () => set.delete(subscriber)
    },
  }
}
