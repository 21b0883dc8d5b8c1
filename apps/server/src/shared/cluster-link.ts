/**
 * What server instances sharing one database need from each other: a lock so two instances never
 * work on the same thing at once (one conversation's turns), and word of what happened on another
 * instance (a message stored there that a WebSocket here shows live).
 *
 * On SQLite one process owns the data, so {@link singleInstanceLink} does nothing; on PostgreSQL the
 * composition root gives the database-backed link (`db/postgres-cluster-link.ts`).
 */
export interface ClusterLink {
  /**
   * Runs `task` while no other instance runs a task under the same `key`, and returns its result.
   * Within one instance the caller keeps its own order (the lock does not queue this process's tasks
   * of one key). Throws `AppError('unavailable')` when the lock could not be had in time (another
   * instance held it too long, or the database cannot be reached); `task` has not run then.
   */
  runExclusively<T>(key: string, task: () => Promise<T>): Promise<T>
  /**
   * Tells the other instances' listeners of `topic` (not this instance's). Best effort: in the order
   * sent, at most once, lost while the database is unreachable. `data` must be JSON and small
   * (a few kilobytes); what is too big is reported and not sent.
   */
  broadcast(topic: string, data: unknown): void
  /** Hears what other instances broadcast on `topic`; returns the function that stops listening. */
  listen(topic: string, listener: (data: unknown) => void): () => void
}

/** The link of a server that is the only instance on its data: no lock to share, nobody to tell. */
export const singleInstanceLink: ClusterLink = {
  runExclusively: (_key, task) => task(),
  broadcast: () => undefined,
  listen: () => () => undefined,
}
