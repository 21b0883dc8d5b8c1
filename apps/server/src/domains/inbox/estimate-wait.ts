/** A waiting hand-over as the queue sees it. */
export interface QueuedHandOver {
  readonly id: string
  readonly createdAt: string
}

/**
 * 1-based positions in the queue, first come first served (ties by id, which sorts by creation).
 */
export function computeQueuePositions(queue: readonly QueuedHandOver[]): Map<string, number> {
  const sorted = [...queue].sort((first, second) =>
    first.createdAt === second.createdAt
      ? first.id.localeCompare(second.id)
      : first.createdAt.localeCompare(second.createdAt),
  )
  return new Map(sorted.map((entry, index) => [entry.id, index + 1]))
}

/** The median of some numbers, `undefined` for none. */
function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((first, second) => first - second)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * An honest wait estimate in whole minutes for the shopper at `position`: the median of recent
 * handling times, times the rounds of agents' free seats needed before the shopper's turn. Returns
 * `undefined` when there is no handling history or nobody is serving, rather than a made-up figure.
 */
export function estimateWaitMinutes(input: {
  readonly position: number
  readonly recentHandlingMs: readonly number[]
  /** Total concurrent seats of the agents online (sum of capacities). */
  readonly seatsOnline: number
}): number | undefined {
  const typical = median(input.recentHandlingMs)
  if (typical === undefined || input.seatsOnline <= 0 || input.position <= 0) return undefined
  const rounds = Math.ceil(input.position / input.seatsOnline)
  return Math.max(1, Math.round((rounds * typical) / 60_000))
}
