import { expect, it } from 'vitest'
import { createId } from '../shared/ids.ts'
import { describeEachEngine } from '../testing/test-database.ts'
import { prepareQuery, prepareQueryShapes, prepareRowInsert } from './prepared-query.ts'
import { createSqlEventStore } from './sql-event-store.ts'

describeEachEngine('prepared queries', (getDatabase) => {
  /** The events stored for an aggregate, oldest first. */
  const eventsOf = (aggregateId: string) =>
    getDatabase()
      .db.selectFrom('domain_events')
      .select(['id', 'type'])
      .where('aggregate_id', '=', aggregateId)
      .orderBy('id')
      .execute()

  it('compiles once and then gives the same SQL and parameters as building the query each time', async () => {
    const { db } = getDatabase()
    const prepared = prepareQuery(['type', 'after'], (values) =>
      db
        .selectFrom('domain_events')
        .select(['id', 'type'])
        .where('occurred_at', '>', values.after)
        .where('type', '=', values.type)
        .orderBy('id')
        .limit(2),
    )
    for (const [type, after] of [
      ['probe.first', '2026-01-01'],
      ['probe.second', '2026-06-30'],
    ] as const) {
      const direct = db
        .selectFrom('domain_events')
        .select(['id', 'type'])
        .where('occurred_at', '>', after)
        .where('type', '=', type)
        .orderBy('id')
        .limit(2)
        .compile()
      const fromPrepared = prepared({ type, after })
      expect(fromPrepared.sql).toBe(direct.sql)
      // The limit Kysely added as a parameter stays in its place.
      expect(fromPrepared.parameters).toEqual(direct.parameters)
    }
  })

  it('runs prepared inserts of several shapes and reads the rows back', async () => {
    const { db } = getDatabase()
    const insert = prepareQueryShapes((key) => {
      const count = Number(key)
      return {
        names: Array.from({ length: count }, (_, row) => [`id${row}`, `type${row}`]).flat(),
        build: (values) =>
          db.insertInto('domain_events').values(
            Array.from({ length: count }, (_, row) => ({
              id: values[`id${row}`] as never,
              type: values[`type${row}`] as never,
              aggregate_id: 'agg_prepared',
              payload: '{}',
              occurred_at: '2026-11-24T00:00:00.000Z',
            })),
          ),
      }
    })
    const ids = [createId('evt'), createId('evt'), createId('evt')]
    await db.executeQuery(insert('1', { id0: ids[0], type0: 'probe.one' }))
    await db.executeQuery(
      insert('2', { id0: ids[1], type0: 'probe.two', id1: ids[2], type1: 'probe.three' }),
    )
    const rows = await eventsOf('agg_prepared')
    expect(rows).toEqual([
      { id: ids[0], type: 'probe.one' },
      { id: ids[1], type: 'probe.two' },
      { id: ids[2], type: 'probe.three' },
    ])
  })

  it('refuses a prepared query that leaves a named value out', () => {
    const { db } = getDatabase()
    const prepared = prepareQuery(['id', 'forgotten'], (values) =>
      db.selectFrom('domain_events').selectAll().where('id', '=', values.id),
    )
    expect(() => prepared({ id: 'evt_x', forgotten: 1 })).toThrow(/does not use forgotten/)
  })

  it('stores many events at once past the prepared row counts', async () => {
    const { db } = getDatabase()
    const store = createSqlEventStore(db)
    const events = Array.from({ length: 40 }, (_, index) => ({
      id: createId('evt'),
      type: 'probe.bulk',
      aggregateId: 'agg_bulk',
      payload: { index },
      occurredAt: '2026-11-24T00:00:00.000Z',
    }))
    await store.append(events.slice(0, 3))
    await store.append(events.slice(3))
    const rows = await db
      .selectFrom('domain_events')
      .select(['payload'])
      .where('aggregate_id', '=', 'agg_bulk')
      .orderBy('id')
      .execute()
    expect(rows.map((row) => (JSON.parse(row.payload) as { index: number }).index)).toEqual(
      events.map((_, index) => index),
    )
  })

  it('prepares row inserts per row count, with constants kept, the same SQL as building them', async () => {
    const { db } = getDatabase()
    const build = (rows: readonly { id: unknown; type: unknown }[]) =>
      db.insertInto('domain_events').values(
        rows.map((row) => ({
          id: row.id as never,
          type: row.type as never,
          aggregate_id: 'agg_rows',
          payload: '{}',
          occurred_at: '2026-11-24T00:00:00.000Z',
        })),
      )
    const insert = prepareRowInsert(['id', 'type'], build)
    const batches = [
      [[createId('evt'), 'rows.one']],
      [
        [createId('evt'), 'rows.two'],
        [createId('evt'), 'rows.three'],
      ],
      [[createId('evt'), 'rows.four']],
    ] as const
    for (const batch of batches) {
      const direct = build(batch.map(([id, type]) => ({ id, type }))).compile()
      const prepared = insert(batch)
      expect(prepared.sql).toBe(direct.sql)
      expect(prepared.parameters).toEqual(direct.parameters)
      await db.executeQuery(prepared)
    }
    const rows = await eventsOf('agg_rows')
    expect(rows.map((row) => row.type)).toEqual(['rows.one', 'rows.two', 'rows.three', 'rows.four'])
  })

  it('refuses a prepared row insert that leaves a column out', () => {
    const { db } = getDatabase()
    const insert = prepareRowInsert(['id', 'forgotten'], (rows) =>
      db.insertInto('domain_events').values(
        rows.map((row) => ({
          id: row.id,
          type: 'x',
          aggregate_id: 'x',
          payload: '{}',
          occurred_at: 'x',
        })),
      ),
    )
    expect(() => insert([['evt_x', 1]])).toThrow(/uses 1 of its 2 values/)
  })
})
