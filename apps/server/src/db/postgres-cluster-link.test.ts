import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readTestEnvironment } from '../app/config.ts'
import { isAppError } from '../shared/app-error.ts'
import { createTestDatabase, isPostgresReachable } from '../testing/test-database.ts'
import { settledWithin, waitFor } from '../testing/wait-for.ts'
import { createPostgresClusterLink, type PostgresClusterLink } from './postgres-cluster-link.ts'

const { postgresUrl } = readTestEnvironment()
const postgresAvailable = await isPostgresReachable()

/** A promise with its resolve function, to hold a task open until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

describe.skipIf(!postgresAvailable)('createPostgresClusterLink', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined
  let schema = ''
  const links: PostgresClusterLink[] = []
  const errors: unknown[] = []

  async function link(options: { lockTimeoutMs?: number; schema?: string } = {}) {
    const created = await createPostgresClusterLink({
      url: postgresUrl,
      schema: options.schema ?? schema,
      onError: (error) => errors.push(error),
      ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }),
    })
    links.push(created)
    return created
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres')
    schema = database.handle.schema ?? ''
  })
  afterEach(async () => {
    for (const created of links.splice(0)) await created.close()
    errors.length = 0
  })
  afterAll(async () => {
    await database?.dispose()
  })

  it('runs a key’s task on one instance at a time when two instances ask together', async () => {
    const [first, second] = [await link(), await link()]
    const held = gate()
    const order: string[] = []
    const running = first.runExclusively('conversation:a', async () => {
      order.push('first started')
      await held.promise
      order.push('first ended')
    })
    await waitFor(() => order.length === 1)
    const waiting = second.runExclusively('conversation:a', async () => {
      order.push('second started')
      return 'answer'
    })
    expect(await settledWithin(waiting, 300)).toBe(false)
    held.open()
    await running
    expect(await waiting).toBe('answer')
    expect(order).toEqual(['first started', 'first ended', 'second started'])
  })

  it('lets tasks of different keys run at the same time', async () => {
    const [first, second] = [await link(), await link()]
    const held = gate()
    const running = first.runExclusively('conversation:a', () => held.promise)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await second.runExclusively('conversation:b', async () => 'done')).toBe('done')
    held.open()
    await running
  })

  it('releases the lock when the task throws', async () => {
    const [first, second] = [await link(), await link()]
    await expect(
      first.runExclusively('conversation:a', async () => {
        throw new Error('flow failed')
      }),
    ).rejects.toThrow('flow failed')
    expect(await second.runExclusively('conversation:a', async () => 'after')).toBe('after')
  })

  it('gives up with an unavailable error, without running the task, when the lock stays taken', async () => {
    const first = await link()
    const second = await link({ lockTimeoutMs: 200 })
    const held = gate()
    const running = first.runExclusively('conversation:a', () => held.promise)
    await new Promise((resolve) => setTimeout(resolve, 50))
    let ran = false
    const refused = await second
      .runExclusively('conversation:a', async () => {
        ran = true
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      )
    expect(isAppError(refused, 'unavailable')).toBe(true)
    expect(ran).toBe(false)
    held.open()
    await running
    // The abandoned try left nothing behind: the first instance can take the lock again at once.
    expect(await first.runExclusively('conversation:a', async () => 'again')).toBe('again')
  })

  it('tells the other instances what one broadcasts, in order, and not itself', async () => {
    const [first, second, third] = [await link(), await link(), await link()]
    const heard = { first: [] as unknown[], second: [] as unknown[], third: [] as unknown[] }
    first.listen('feed', (data) => heard.first.push(data))
    second.listen('feed', (data) => heard.second.push(data))
    third.listen('other-topic', (data) => heard.third.push(data))
    for (let index = 0; index < 50; index++) first.broadcast('feed', { index })
    await waitFor(() => heard.second.length === 50)
    expect(heard.second).toEqual(Array.from({ length: 50 }, (_, index) => ({ index })))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(heard.first).toEqual([])
    expect(heard.third).toEqual([])
  })

  it('keeps instances of different schemas apart', async () => {
    const other = await createTestDatabase('postgres')
    try {
      const [here, elsewhere] = [await link(), await link({ schema: other.handle.schema ?? '' })]
      const heard: unknown[] = []
      elsewhere.listen('feed', (data) => heard.push(data))
      const held = gate()
      const running = here.runExclusively('conversation:a', () => held.promise)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await elsewhere.runExclusively('conversation:a', async () => 'free')).toBe('free')
      here.broadcast('feed', { hello: true })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(heard).toEqual([])
      held.open()
      await running
    } finally {
      for (const created of links.splice(0)) await created.close()
      await other.dispose()
    }
  })

  it('refuses a broadcast too big for a notification and reports it', async () => {
    const [first, second] = [await link(), await link()]
    const heard: unknown[] = []
    second.listen('feed', (data) => heard.push(data))
    first.broadcast('feed', { text: 'x'.repeat(10_000) })
    first.broadcast('feed', { text: 'small' })
    await waitFor(() => heard.length === 1)
    expect(heard).toEqual([{ text: 'small' }])
    expect(errors.some((error) => error instanceof RangeError)).toBe(true)
  })

  it('reconnects after its session is killed: the killed session’s locks are free and broadcasts flow again', async () => {
    const [first, second] = [await link(), await link()]
    const heard: unknown[] = []
    first.listen('feed', (data) => heard.push(data))
    const held = gate()
    const running = first.runExclusively('conversation:a', () => held.promise)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    try {
      const pid = first.sessionProcessId()
      expect(pid).toBeDefined()
      await admin.query('select pg_terminate_backend($1)', [pid])
    } finally {
      await admin.end()
    }
    // PostgreSQL released the lock with the session.
    expect(await second.runExclusively('conversation:a', async () => 'taken over')).toBe(
      'taken over',
    )
    held.open()
    await running
    await waitFor(() => errors.length > 0)
    // The first instance is back: it hears broadcasts again.
    const deadline = Date.now() + 5_000
    while (heard.length === 0 && Date.now() < deadline) {
      second.broadcast('feed', { again: true })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(heard[0]).toEqual({ again: true })
  })
})
