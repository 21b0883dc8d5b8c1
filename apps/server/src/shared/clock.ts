/** The source of the current time; injected so tests control time. */
export interface Clock {
  now(): Date
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() }

/** A clock for tests that stands still until moved. */
export interface ManualClock extends Clock {
  set(time: Date | string): void
  advance(milliseconds: number): void
}

/** Creates a {@link ManualClock} starting at `start`. */
export function createManualClock(start: Date | string = '2026-11-24T09:00:00.000Z'): ManualClock {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set(time) {
      current = new Date(time)
    },
    advance(milliseconds) {
      current = new Date(current.getTime() + milliseconds)
    },
  }
}
