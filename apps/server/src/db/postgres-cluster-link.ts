import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { AppError } from '../shared/app-error.ts'
import type { ClusterLink } from '../shared/cluster-link.ts'

/** A {@link ClusterLink} over PostgreSQL, with its own connection to close. */
export interface PostgresClusterLink extends ClusterLink {
  /** This instance's id in what it broadcasts (its own messages are not heard back). */
  readonly instanceId: string
  /** The PostgreSQL process of the current session (`pg_backend_pid()`), while connected. */
  sessionProcessId(): number | undefined
  /** Gives back the locks held, sends what is queued, and closes the connection. */
  close(): Promise<void>
}

/** Options of {@link createPostgresClusterLink}. */
export interface PostgresClusterLinkOptions {
  /** `postgres://…`; a `search_path` in its options names the schema, as for the pool. */
  readonly url: string
  /** Schema to use (tests); otherwise the connection's current schema. */
  readonly schema?: string | undefined
  /** Told about a lost connection, a broadcast too big to send, a listener that threw. */
  readonly onError: (error: unknown) => void
  /** Longest wait for a lock before `AppError('unavailable')` (default 15 s). */
  readonly lockTimeoutMs?: number
}

/** NOTIFY payloads must stay under 8,000 bytes. */
const largestPayloadBytes = 7_900
const longestReconnectDelayMs = 5_000

interface LockTry {
  readonly key: number
  abandoned: boolean
  readonly resolve: (acquired: boolean) => void
}

/**
 * Connects one dedicated session to PostgreSQL that carries everything between instances:
 * session advisory locks (so they are released by PostgreSQL itself when an instance dies) and
 * LISTEN/NOTIFY. Lock tries, unlocks and notifications queued during one turn of the event loop go
 * in one round trip. A lost connection is reopened with growing delays; the locks it held are gone
 * with it (a task running under one finishes without it) and broadcasts meanwhile are lost.
 *
 * Instances share locks and channels when they share the database and the schema: both are named
 * after the schema, so test suites in their own schemas never meet.
 */
export async function createPostgresClusterLink(
  options: PostgresClusterLinkOptions,
): Promise<PostgresClusterLink> {
  const instanceId = randomUUID()
  /** How every payload this instance sends begins (see `broadcast`). */
  const ownPrefix = JSON.stringify({ instance: instanceId }).slice(0, -1)
  const lockTimeoutMs = options.lockTimeoutMs ?? 15_000
  const listeners = new Map<string, Set<(data: unknown) => void>>()
  let client: pg.Client | undefined
  /** Counts sessions: a lock taken in an earlier session is gone and is not unlocked again. */
  let session = 0
  let namespace = 0
  let channel = ''
  let closed = false
  let processId: number | undefined
  let reconnectDelay = 100
  let reconnectTimer: NodeJS.Timeout | undefined

  let tries: LockTry[] = []
  let unlocks: number[] = []
  let notes: string[] = []
  let flushing = false
  let flushScheduled = false

  async function connect(): Promise<void> {
    const connection = new pg.Client({
      connectionString: options.url,
      ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    })
    connection.on('error', (error) => lose(connection, error))
    connection.on('end', () => lose(connection, new Error('the cluster connection ended')))
    await connection.connect()
    try {
      const identity = (
        await connection.query<{ schema: string | null; pid: number }>(
          'select current_schema() as schema, pg_backend_pid() as pid',
        )
      ).rows[0]
      const schema = identity?.schema
      processId = identity?.pid
      namespace = hash32(`kedai:${schema ?? 'public'}`)
      channel = `kedai_cluster_${(namespace >>> 0).toString(16)}`
      connection.on('notification', (notification) => {
        if (notification.channel === channel) hear(notification.payload)
      })
      await connection.query(`listen ${channel}`)
    } catch (error) {
      await connection.end().catch(() => undefined)
      throw error
    }
    if (closed) {
      await connection.end().catch(() => undefined)
      return
    }
    client = connection
    session += 1
    reconnectDelay = 100
    scheduleFlush()
  }

  function lose(connection: pg.Client, error: unknown): void {
    if (client !== connection) return
    client = undefined
    // The locks were the session's; PostgreSQL released them with it.
    unlocks = []
    if (closed) return
    options.onError(error)
    connection.end().catch(() => undefined)
    scheduleReconnect()
  }

  function scheduleReconnect(): void {
    if (closed || reconnectTimer !== undefined) return
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined
      connect().catch((error: unknown) => {
        options.onError(error)
        reconnectDelay = Math.min(reconnectDelay * 2, longestReconnectDelayMs)
        scheduleReconnect()
      })
    }, reconnectDelay)
    reconnectTimer.unref()
  }

  function hear(payload: string | undefined): void {
    // PostgreSQL delivers this session's own notifications back to it: skip them unparsed.
    if (payload === undefined || payload.startsWith(ownPrefix)) return
    let parsed: unknown
    try {
      parsed = JSON.parse(payload)
    } catch {
      return
    }
    if (typeof parsed !== 'object' || parsed === null) return
    const { instance, topic, data } = parsed as Record<string, unknown>
    if (instance === instanceId || typeof topic !== 'string') return
    for (const listener of listeners.get(topic) ?? []) {
      try {
        listener(data)
      } catch (error) {
        options.onError(error)
      }
    }
  }

  function scheduleFlush(): void {
    if (flushScheduled || flushing) return
    flushScheduled = true
    setImmediate(() => {
      flushScheduled = false
      void flush()
    })
  }

  async function flush(): Promise<void> {
    const connection = client
    if (connection === undefined || flushing) return
    if (tries.length === 0 && unlocks.length === 0 && notes.length === 0) return
    const batch = { tries, unlocks, notes }
    tries = []
    unlocks = []
    notes = []
    flushing = true
    try {
      const result = await connection.query<{ acquired: boolean[] }>({
        // Named, so PostgreSQL parses and plans it once per session.
        name: 'kedai-cluster-batch',
        text: `select
           (select coalesce(array_agg(pg_try_advisory_lock($1::int4, t.key) order by t.position), '{}')
              from unnest($2::int4[]) with ordinality as t(key, position)) as acquired,
           (select count(pg_advisory_unlock($1::int4, u.key)) from unnest($3::int4[]) as u(key)) as released,
           (select count(pg_notify($4, m.payload)) from unnest($5::text[]) as m(payload)) as notified`,
        values: [
          namespace,
          batch.tries.map((entry) => entry.key),
          batch.unlocks,
          channel,
          batch.notes,
        ],
      })
      const acquired = result.rows[0]?.acquired ?? []
      batch.tries.forEach((entry, index) => {
        const got = acquired[index] === true
        if (got && entry.abandoned) unlocks.push(entry.key)
        entry.resolve(got)
      })
    } catch (error) {
      // The session is broken or the query failed: tries are asked again (on the next session);
      // unlocks of a broken session are moot, and the notifications are lost.
      if (client === connection) options.onError(error)
      tries.unshift(...batch.tries.filter((entry) => !entry.abandoned))
      if (client === connection) unlocks.push(...batch.unlocks)
    } finally {
      flushing = false
    }
    if (tries.length > 0 || unlocks.length > 0 || notes.length > 0) scheduleFlush()
  }

  function tryLock(key: number, deadline: number): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const entry: LockTry = {
        key,
        abandoned: false,
        resolve: (acquired) => {
          clearTimeout(timer)
          resolve(acquired)
        },
      }
      const timer = setTimeout(
        () => {
          entry.abandoned = true
          tries = tries.filter((waiting) => waiting !== entry)
          reject(lockUnavailable())
        },
        Math.max(0, deadline - Date.now()),
      )
      tries.push(entry)
      scheduleFlush()
    })
  }

  async function acquire(key: number): Promise<number> {
    const deadline = Date.now() + lockTimeoutMs
    let delay = 2
    for (;;) {
      if (closed) throw new AppError('unavailable', 'The server is shutting down.')
      if (await tryLock(key, deadline)) return session
      if (Date.now() + delay >= deadline) throw lockUnavailable()
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, 50)
    }
  }

  await connect()

  return {
    instanceId,

    sessionProcessId: () => (client === undefined ? undefined : processId),

    async runExclusively(key, task) {
      const lockKey = hash32(key)
      const heldIn = await acquire(lockKey)
      try {
        return await task()
      } finally {
        if (heldIn === session && client !== undefined) {
          unlocks.push(lockKey)
          scheduleFlush()
        }
      }
    },

    broadcast(topic, data) {
      const payload = JSON.stringify({ instance: instanceId, topic, data })
      if (Buffer.byteLength(payload) > largestPayloadBytes) {
        options.onError(
          new RangeError(`a "${topic}" broadcast of ${payload.length} characters is too big`),
        )
        return
      }
      if (client === undefined) return
      notes.push(payload)
      scheduleFlush()
    },

    listen(topic, listener) {
      const set = listeners.get(topic) ?? new Set()
      set.add(listener)
      listeners.set(topic, set)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(topic)
      }
    },

    async close() {
      if (closed) return
      clearTimeout(reconnectTimer)
      reconnectTimer = undefined
      // Let the queued unlocks and notifications go out first.
      while (flushing || flushScheduled) await new Promise((resolve) => setImmediate(resolve))
      await flush()
      closed = true
      for (const entry of tries) entry.resolve(false)
      tries = []
      const connection = client
      client = undefined
      await connection?.end().catch(() => undefined)
    },
  }
}

function lockUnavailable(): AppError {
  return new AppError(
    'unavailable',
    'Another server is still working on this conversation. Please try again in a moment.',
  )
}

/** FNV-1a of the text, as a signed 32-bit integer (an advisory lock key). */
function hash32(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}
