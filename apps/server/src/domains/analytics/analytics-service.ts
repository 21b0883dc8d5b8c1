import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { notTurnEvent } from '../../db/sql-event-store.ts'

/** A period of time, ISO-8601 instants, `from` inclusive and `to` exclusive. */
export interface AnalyticsPeriod {
  readonly from: string
  readonly to: string
}

/** Events of one type on one day (UTC). */
export interface DailyEventCount {
  readonly day: string
  readonly type: string
  readonly count: number
}

/** How many conversations the bot handled alone. */
export interface Containment {
  readonly conversations: number
  readonly handedOff: number
  readonly resolvedWithoutHandOver: number
  /** Share of started conversations resolved without a hand-over (0 when none started). */
  readonly rate: number
}

/** Bot response time percentiles in milliseconds, from `message.sent` events. */
export interface ResponseTimes {
  readonly replies: number
  readonly p50: number | null
  readonly p95: number | null
}

/** Queries over the recorded events for the analytics dashboard. */
export interface AnalyticsService {
  /** Counts by event type and UTC day, optionally only some types. */
  countEventsByDay(period: AnalyticsPeriod, types?: readonly string[]): Promise<DailyEventCount[]>
  /** Conversations started in the period, how many were handed over, and how many resolved without. */
  containment(period: AnalyticsPeriod): Promise<Containment>
  /** Bot response time p50/p95 of the replies sent in the period. */
  responseTimes(period: AnalyticsPeriod): Promise<ResponseTimes>
  /** Recognized intents in the period with their count and mean confidence, most frequent first. */
  intents(
    period: AnalyticsPeriod,
  ): Promise<{ intent: string; count: number; meanConfidence: number }[]>
}

function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? null
}

/** Creates the {@link AnalyticsService} over the `domain_events` table (same SQL on both engines). */
export function createAnalyticsService(dependencies: { db: Db }): AnalyticsService {
  const { db } = dependencies
  const inPeriod = (period: AnalyticsPeriod) =>
    db
      .selectFrom('domain_events')
      .where('occurred_at', '>=', period.from)
      .where('occurred_at', '<', period.to)

  return {
    async countEventsByDay(period, types) {
      const day = sql<string>`substr(occurred_at, 1, 10)`
      let query = inPeriod(period).select([
        day.as('day'),
        'type',
        (expression) => expression.fn.countAll<number | string>().as('count'),
      ])
      if (types !== undefined && types.length > 0) query = query.where('type', 'in', [...types])
      const rows = await query.groupBy([day, 'type']).orderBy('day').orderBy('type').execute()
      return rows.map((row) => ({ day: row.day, type: row.type, count: Number(row.count) }))
    },

    async containment(period) {
      const started = await inPeriod(period)
        .select('aggregate_id')
        .where('type', '=', 'conversation.started')
        .execute()
      const ids = started.map((row) => row.aggregate_id)
      if (ids.length === 0)
        return { conversations: 0, handedOff: 0, resolvedWithoutHandOver: 0, rate: 0 }
      const outcomes = await db
        .selectFrom('domain_events')
        .select(['aggregate_id', 'type'])
        .where('type', 'in', ['conversation.handed-off', 'conversation.resolved'])
        .where('aggregate_id', 'in', ids)
        .where(notTurnEvent)
        .execute()
      const handedOff = new Set(
        outcomes
          .filter((row) => row.type === 'conversation.handed-off')
          .map((row) => row.aggregate_id),
      )
      const resolved = new Set(
        outcomes
          .filter((row) => row.type === 'conversation.resolved')
          .map((row) => row.aggregate_id),
      )
      const resolvedWithoutHandOver = [...resolved].filter((id) => !handedOff.has(id)).length
      return {
        conversations: ids.length,
        handedOff: handedOff.size,
        resolvedWithoutHandOver,
        rate: resolvedWithoutHandOver / ids.length,
      }
    },

    async responseTimes(period) {
      const rows = await inPeriod(period)
        .select('payload')
        .where('type', '=', 'message.sent')
        .execute()
      const times = rows
        .map(
          (row) =>
            (JSON.parse(row.payload) as { responseMilliseconds?: unknown }).responseMilliseconds,
        )
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
        .sort((left, right) => left - right)
      return { replies: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95) }
    },

    async intents(period) {
      const rows = await inPeriod(period)
        .select('payload')
        .where('type', '=', 'intent.recognized')
        .execute()
      const byIntent = new Map<string, { count: number; confidence: number }>()
      for (const row of rows) {
        const payload = JSON.parse(row.payload) as { intent?: unknown; confidence?: unknown }
        if (typeof payload.intent !== 'string') continue
        const entry = byIntent.get(payload.intent) ?? { count: 0, confidence: 0 }
        entry.count += 1
        entry.confidence += typeof payload.confidence === 'number' ? payload.confidence : 0
        byIntent.set(payload.intent, entry)
      }
      return [...byIntent.entries()]
        .map(([intent, entry]) => ({
          intent,
          count: entry.count,
          meanConfidence: entry.confidence / entry.count,
        }))
        .sort((left, right) => right.count - left.count || left.intent.localeCompare(right.intent))
    },
  }
}
