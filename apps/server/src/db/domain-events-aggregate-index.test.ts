import { sql, type CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { expect, it } from 'vitest'
import { createAnalyticsService } from '../domains/analytics/analytics-service.ts'
import { createCustomerService } from '../domains/customers/customer-service.ts'
import { createManualClock } from '../shared/clock.ts'
import { createEventBus } from '../shared/event-bus.ts'
import { createId } from '../shared/ids.ts'
import { describeEachEngine } from '../testing/test-database.ts'
import type { Db } from './database.ts'
import { createSqlEventStore, turnEventTypes } from './sql-event-store.ts'

/** Keeps every query a service runs against `domain_events`, compiled as the database gets it. */
function recordEventQueries(db: Db): { db: Db; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = []
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const compiled = db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId)
      if (compiled.sql.includes('"domain_events"') && compiled.sql.startsWith('select')) {
        queries.push(compiled)
      }
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  return { db: db.withPlugin(plugin), queries }
}

/** The plan of `query` in one line: which table or index each step reads. */
async function planOf(db: Db, engine: 'sqlite' | 'postgres', query: CompiledQuery) {
  if (engine === 'sqlite') {
    const { rows } = await db.executeQuery<{ detail: string }>({
      ...query,
      sql: `explain query plan ${query.sql}`,
    })
    return rows.map((row) => row.detail).join(' | ')
  }
  // A handful of rows would be read whole anyway; ask whether the index can serve the query at all.
  return db.connection().execute(async (connection) => {
    await sql`set enable_seqscan = off`.execute(connection)
    try {
      const { rows } = await connection.executeQuery<{ 'QUERY PLAN': string }>({
        ...query,
        sql: `explain ${query.sql}`,
      })
      return rows.map((row) => row['QUERY PLAN']).join(' | ')
    } finally {
      await sql`set enable_seqscan = on`.execute(connection)
    }
  })
}

describeEachEngine('domain_events_aggregate index', (getDatabase) => {
  it('leaves out the chat turn events, and the queries by aggregate read through it', async () => {
    const handle = getDatabase()
    const clock = createManualClock()
    const eventBus = createEventBus({
      store: createSqlEventStore(handle.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
    })
    const customerId = createId('cus')
    const now = clock.now().toISOString()
    await handle.db
      .insertInto('customers')
      .values({
        id: customerId,
        handle: `index_${customerId}`,
        first_name: 'Mei',
        last_name: 'Lim',
        email: `${customerId}@example.com`,
        phone: null,
        locale: 'en',
        marketing_consent: 0,
        loyalty_points: 0,
        loyalty_tier: 'member',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    const handedOver = createId('conv')
    const resolved = createId('conv')
    for (const conversation of [handedOver, resolved]) {
      await eventBus.publish({
        type: 'conversation.started',
        aggregateId: conversation,
        payload: {},
      })
      for (const type of turnEventTypes) {
        await eventBus.publish({ type, aggregateId: conversation, payload: {} })
      }
    }
    await eventBus.publish({
      type: 'conversation.handed-off',
      aggregateId: handedOver,
      payload: {},
    })
    await eventBus.publish({ type: 'conversation.resolved', aggregateId: resolved, payload: {} })
    await eventBus.publish({
      type: 'product.viewed',
      aggregateId: customerId,
      payload: { productId: 'prd_1' },
    })

    // The index holds the customer's event and the conversations' own events, not the turn events.
    const indexed =
      handle.engine === 'sqlite'
        ? await sql<{
            count: number
          }>`select count(*) as count from domain_events indexed by domain_events_aggregate where aggregate_id in (${handedOver}, ${resolved}, ${customerId}) and type not in (${sql.join(turnEventTypes.map((type) => sql.lit(type)))})`.execute(
            handle.db,
          )
        : undefined
    if (indexed !== undefined) expect(Number(indexed.rows[0]?.count)).toBe(5)

    const recorded = recordEventQueries(handle.db)
    const analytics = createAnalyticsService({ db: recorded.db })
    const customers = createCustomerService({
      db: recorded.db,
      clock,
      eventBus,
      createId,
    })
    const day = 24 * 60 * 60 * 1000
    const containment = await analytics.containment({
      from: new Date(clock.now().getTime() - day).toISOString(),
      to: new Date(clock.now().getTime() + day).toISOString(),
    })
    expect(containment).toMatchObject({
      conversations: 2,
      handedOff: 1,
      resolvedWithoutHandOver: 1,
    })
    const exported = await customers.exportPersonalData(customerId)
    expect(exported?.events.map((event) => event.type)).toEqual(['product.viewed'])

    const byAggregate = recorded.queries.filter((query) => query.sql.includes('"aggregate_id" ='))
    const byAggregateList = recorded.queries.filter((query) =>
      query.sql.includes('"aggregate_id" in'),
    )
    expect(byAggregate).toHaveLength(1)
    expect(byAggregateList).toHaveLength(1)
    for (const query of [...byAggregate, ...byAggregateList]) {
      expect(await planOf(handle.db, handle.engine, query)).toContain('domain_events_aggregate')
    }
  })
})
