import type { Selectable } from 'kysely'
import { prepareQuery } from '../../db/prepared-query.ts'
import type { Db } from '../../db/database.ts'
import type {
  CannedResponseTable,
  CsatRatingTable,
  HandOverTable,
  TrainingCandidateTable,
} from '../../db/tables/inbox.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Clock } from '../../shared/clock.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import {
  openHandOverStatuses,
  type CannedResponse,
  type CsatRating,
  type HandOver,
  type HandOverStatus,
  type InboxNote,
  type TicketContact,
  type TrainingCandidate,
  type TrainingCandidateStatus,
} from './hand-over.ts'
import type { HandOverReason } from './hand-over-triggers.ts'
import type { InboxTopic } from './inbox-topics.ts'

/** What a new hand-over needs. */
export interface NewHandOver {
  readonly conversationId: string
  readonly customerId: string | null
  readonly reasons: readonly HandOverReason[]
  readonly topic: InboxTopic
  readonly language: string
  readonly summary: unknown
}

/** Filters of the console inbox. */
export interface HandOverFilter {
  readonly statuses?: readonly HandOverStatus[] | undefined
  /** Offered to or owned by this agent. */
  readonly agentId?: string | undefined
  readonly topic?: InboxTopic | undefined
  readonly language?: string | undefined
  readonly limit?: number | undefined
}

/** Why an agent cannot take a hand-over. */
export type AcceptRefusal = 'not-offered-to-you' | 'already-assigned' | 'closed'

/** A message to keep as a candidate training example. */
export interface NewTrainingCandidate {
  readonly conversationId: string
  readonly messageId: string
  readonly text: string
  readonly locale: string
  readonly predictedIntent: string | null
  readonly confidence: number | null
}

/** The inbox: hand-overs from queue to resolution, routing cursors, notes, canned replies, CSAT, training. */
export interface InboxService {
  /**
   * Opens a hand-over in the `queued` status; when the conversation already has an open one, returns
   * it instead (`created: false`) so a repeated request never queues the shopper twice.
   */
  openHandOver(input: NewHandOver): Promise<{ handOver: HandOver; created: boolean }>
  /** The hand-over, or `AppError('not-found')`. */
  getHandOver(id: string): Promise<HandOver>
  /** The conversation's open hand-over (queued, offered or assigned), if any. */
  findOpenHandOver(conversationId: string): Promise<HandOver | undefined>
  /** The conversation's latest hand-over in any status. */
  findLatestHandOver(conversationId: string): Promise<HandOver | undefined>
  /** Hand-overs for the console, oldest first. */
  listHandOvers(filter: HandOverFilter): Promise<HandOver[]>
  /** Open conversations per agent (offered or assigned), for capacity. */
  countOpenByAgent(): Promise<Map<string, number>>
  /** Round-robin cursors by key. */
  readCursors(): Promise<Map<string, string>>
  /** Offers a queued hand-over to an agent until `expiresAt`, moving the cursor. */
  offer(
    id: string,
    agentId: string,
    expiresAt: string,
    cursorKey: string | undefined,
  ): Promise<HandOver>
  /** The agent takes the hand-over offered to them (or any queued one: agents may pick from the queue). */
  accept(id: string, agentId: string): Promise<Result<HandOver, AcceptRefusal>>
  /** Takes the offer back (declined or timed out): back to the queue, never offered to that agent again. */
  withdrawOffer(id: string): Promise<HandOver>
  /** Offers that expired at `now`. */
  listExpiredOffers(now: string): Promise<HandOver[]>
  /** Puts an assigned hand-over back in the queue for another agent or a team (a transfer). */
  requeue(id: string, options: { team?: string | null; excludeAgentId?: string }): Promise<HandOver>
  /** Leaves the hand-over as a ticket, with the shopper's contact when given. */
  leaveTicket(id: string, contact: TicketContact | null): Promise<HandOver>
  /** Marks the hand-over resolved. */
  resolve(id: string): Promise<HandOver>
  /** Withdraws a hand-over nobody took yet (queued or offered), e.g. when the shopper left. */
  cancel(id: string): Promise<HandOver>
  /** Handling times (assigned → resolved) of the latest resolved hand-overs, in milliseconds. */
  recentHandlingMs(limit: number): Promise<number[]>
  addNote(input: { conversationId: string; authorId: string; body: string }): Promise<InboxNote>
  listNotes(conversationId: string): Promise<InboxNote[]>
  /** Creates or replaces a canned response by shortcut. */
  saveCannedResponse(input: {
    shortcut: string
    title: string
    body: CannedResponse['body']
    createdBy: string
  }): Promise<CannedResponse>
  listCannedResponses(): Promise<CannedResponse[]>
  /** Stores a rating once per hand-over; a second rating is refused with `already-rated`. */
  recordRating(input: {
    conversationId: string
    handOverId: string
    agentId: string | null
    score: number
    comment: string | null
  }): Promise<Result<CsatRating, 'already-rated'>>
  findRating(handOverId: string): Promise<CsatRating | undefined>
  /** Adds the shopper's comment to a rating that has none yet; false when there is one already. */
  addRatingComment(handOverId: string, comment: string): Promise<boolean>
  /** Keeps candidates (once per message). Returns how many were new. */
  addTrainingCandidates(candidates: readonly NewTrainingCandidate[]): Promise<number>
  listTrainingCandidates(status?: TrainingCandidateStatus): Promise<TrainingCandidate[]>
  /** An agent gives the right intent. */
  labelTrainingCandidate(id: string, label: string, agentId: string): Promise<TrainingCandidate>
  /** A reviewer approves (joins the training data) or rejects a labelled candidate. */
  reviewTrainingCandidate(
    id: string,
    decision: 'approved' | 'rejected',
    reviewerId: string,
  ): Promise<Result<TrainingCandidate, 'not-labelled'>>
  /** Approved examples for the recognizer's next training. */
  listApprovedExamples(): Promise<{ text: string; intent: string; locale: string }[]>
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  return JSON.parse(text) as T
}

function toHandOver(row: Selectable<HandOverTable>): HandOver {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    customerId: row.customer_id,
    status: row.status as HandOverStatus,
    reasons: parseJson(row.reasons, []),
    topic: row.topic as InboxTopic,
    language: row.language,
    team: row.team,
    summary: parseJson<unknown>(row.summary, {}),
    offeredAgentId: row.offered_agent_id,
    offerExpiresAt: row.offer_expires_at,
    excludedAgentIds: parseJson(row.excluded_agent_ids, []),
    assignedAgentId: row.assigned_agent_id,
    contact: parseJson<TicketContact | null>(row.contact, null),
    createdAt: row.created_at,
    assignedAt: row.assigned_at,
    resolvedAt: row.resolved_at,
    updatedAt: row.updated_at,
  }
}

function toCanned(row: Selectable<CannedResponseTable>): CannedResponse {
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    body: JSON.parse(row.body) as CannedResponse['body'],
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

function toRating(row: Selectable<CsatRatingTable>): CsatRating {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    handOverId: row.hand_over_id,
    agentId: row.agent_id,
    score: row.score,
    comment: row.comment,
    createdAt: row.created_at,
  }
}

function toCandidate(row: Selectable<TrainingCandidateTable>): TrainingCandidate {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    text: row.text,
    locale: row.locale,
    predictedIntent: row.predicted_intent,
    confidence: row.confidence,
    status: row.status as TrainingCandidateStatus,
    label: row.label,
    labelledBy: row.labelled_by,
    reviewedBy: row.reviewed_by,
    createdAt: row.created_at,
  }
}

/** Creates the {@link InboxService} over the inbox tables. */
export function createInboxService(dependencies: {
  db: Db
  clock: Clock
  createId: IdGenerator
}): InboxService {
  const { db, clock, createId } = dependencies
  const now = () => clock.now().toISOString()
  // Read for every shopper message (is a person involved?): built once.
  const selectLatestHandOver = prepareQuery(['conversationId'], (values) =>
    db
      .selectFrom('hand_overs')
      .selectAll()
      .where('conversation_id', '=', values.conversationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc'),
  )

  async function findHandOver(id: string): Promise<HandOver | undefined> {
    const row = await db
      .selectFrom('hand_overs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row === undefined ? undefined : toHandOver(row)
  }

  async function getHandOver(id: string): Promise<HandOver> {
    const handOver = await findHandOver(id)
    if (handOver === undefined) throw new AppError('not-found', `No hand-over ${id}.`)
    return handOver
  }

  async function findOpenHandOver(conversationId: string): Promise<HandOver | undefined> {
    const row = await db
      .selectFrom('hand_overs')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .where('status', 'in', openHandOverStatuses)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    return row === undefined ? undefined : toHandOver(row)
  }

  async function update(
    id: string,
    changes: Partial<Omit<HandOverTable, 'id'>>,
    expectedStatuses?: readonly HandOverStatus[],
  ): Promise<HandOver> {
    let query = db
      .updateTable('hand_overs')
      .set({ ...changes, updated_at: now() })
      .where('id', '=', id)
    if (expectedStatuses !== undefined) query = query.where('status', 'in', expectedStatuses)
    const result = await query.executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) {
      const current = await getHandOver(id)
      throw new AppError('conflict', `The hand-over is ${current.status}.`, {
        details: { status: current.status },
      })
    }
    return getHandOver(id)
  }

  async function getCandidate(id: string): Promise<TrainingCandidate> {
    const row = await db
      .selectFrom('training_candidates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (row === undefined) throw new AppError('not-found', `No training candidate ${id}.`)
    return toCandidate(row)
  }

  return {
    async openHandOver(input) {
      const open = await findOpenHandOver(input.conversationId)
      if (open !== undefined) return { handOver: open, created: false }
      const time = now()
      const row: HandOverTable = {
        id: createId('hnd'),
        conversation_id: input.conversationId,
        customer_id: input.customerId,
        status: 'queued',
        reasons: JSON.stringify(input.reasons),
        topic: input.topic,
        language: input.language,
        team: null,
        summary: JSON.stringify(input.summary ?? {}),
        offered_agent_id: null,
        offer_expires_at: null,
        excluded_agent_ids: '[]',
        assigned_agent_id: null,
        contact: null,
        created_at: time,
        assigned_at: null,
        resolved_at: null,
        updated_at: time,
      }
      try {
        await db.insertInto('hand_overs').values(row).execute()
      } catch (error) {
        // Another request opened one first (unique index on open hand-overs per conversation).
        const raced = await findOpenHandOver(input.conversationId)
        if (raced !== undefined) return { handOver: raced, created: false }
        throw error
      }
      return { handOver: toHandOver(row), created: true }
    },

    getHandOver,
    findOpenHandOver,

    async findLatestHandOver(conversationId) {
      const { rows } = await db.executeQuery(selectLatestHandOver({ conversationId }))
      const row = rows[0]
      return row === undefined ? undefined : toHandOver(row)
    },

    async listHandOvers(filter) {
      let query = db.selectFrom('hand_overs').selectAll()
      if (filter.statuses !== undefined && filter.statuses.length > 0) {
        query = query.where('status', 'in', filter.statuses)
      }
      if (filter.agentId !== undefined) {
        const agentId = filter.agentId
        query = query.where((builder) =>
          builder.or([
            builder('assigned_agent_id', '=', agentId),
            builder('offered_agent_id', '=', agentId),
          ]),
        )
      }
      if (filter.topic !== undefined) query = query.where('topic', '=', filter.topic)
      if (filter.language !== undefined) query = query.where('language', '=', filter.language)
      const rows = await query
        .orderBy('created_at')
        .orderBy('id')
        .limit(filter.limit ?? 100)
        .execute()
      return rows.map(toHandOver)
    },

    async countOpenByAgent() {
      const rows = await db
        .selectFrom('hand_overs')
        .select(['status', 'offered_agent_id', 'assigned_agent_id'])
        .where('status', 'in', ['offered', 'assigned'])
        .execute()
      const counts = new Map<string, number>()
      for (const row of rows) {
        const agentId = row.status === 'assigned' ? row.assigned_agent_id : row.offered_agent_id
        if (agentId !== null) counts.set(agentId, (counts.get(agentId) ?? 0) + 1)
      }
      return counts
    },

    async readCursors() {
      const rows = await db.selectFrom('inbox_routing_cursors').selectAll().execute()
      return new Map(rows.map((row) => [row.key, row.last_agent_id]))
    },

    async offer(id, agentId, expiresAt, cursorKey) {
      const offered = await update(
        id,
        { status: 'offered', offered_agent_id: agentId, offer_expires_at: expiresAt },
        ['queued'],
      )
      if (cursorKey !== undefined) {
        const time = now()
        await db
          .insertInto('inbox_routing_cursors')
          .values({ key: cursorKey, last_agent_id: agentId, updated_at: time })
          .onConflict((conflict) =>
            conflict.column('key').doUpdateSet({ last_agent_id: agentId, updated_at: time }),
          )
          .execute()
      }
      return offered
    },

    async accept(id, agentId) {
      const handOver = await getHandOver(id)
      if (handOver.status === 'assigned') {
        return handOver.assignedAgentId === agentId
          ? succeed(handOver)
          : fail('already-assigned' as const)
      }
      if (handOver.status === 'offered' && handOver.offeredAgentId !== agentId) {
        return fail('not-offered-to-you' as const)
      }
      if (handOver.status !== 'offered' && handOver.status !== 'queued')
        return fail('closed' as const)
      const time = now()
      const result = await db
        .updateTable('hand_overs')
        .set({
          status: 'assigned',
          assigned_agent_id: agentId,
          offered_agent_id: null,
          offer_expires_at: null,
          assigned_at: time,
          updated_at: time,
        })
        .where('id', '=', id)
        .where('status', '=', handOver.status)
        .where('updated_at', '=', handOver.updatedAt)
        .executeTakeFirst()
      // Someone else changed it between our read and write (an expiry sweep, another agent).
      if (Number(result.numUpdatedRows) === 0) return fail('already-assigned' as const)
      return succeed(await getHandOver(id))
    },

    async withdrawOffer(id) {
      const handOver = await getHandOver(id)
      if (handOver.status !== 'offered' || handOver.offeredAgentId === null) return handOver
      return update(
        id,
        {
          status: 'queued',
          offered_agent_id: null,
          offer_expires_at: null,
          excluded_agent_ids: JSON.stringify([
            ...new Set([...handOver.excludedAgentIds, handOver.offeredAgentId]),
          ]),
        },
        ['offered'],
      )
    },

    async listExpiredOffers(at) {
      const rows = await db
        .selectFrom('hand_overs')
        .selectAll()
        .where('status', '=', 'offered')
        .where('offer_expires_at', '<=', at)
        .orderBy('created_at')
        .execute()
      return rows.map(toHandOver)
    },

    async requeue(id, options) {
      const handOver = await getHandOver(id)
      const excluded =
        options.excludeAgentId === undefined
          ? handOver.excludedAgentIds
          : [...new Set([...handOver.excludedAgentIds, options.excludeAgentId])]
      return update(
        id,
        {
          status: 'queued',
          assigned_agent_id: null,
          assigned_at: null,
          offered_agent_id: null,
          offer_expires_at: null,
          excluded_agent_ids: JSON.stringify(excluded),
          ...(options.team === undefined ? {} : { team: options.team }),
        },
        ['assigned', 'offered', 'queued'],
      )
    },

    async leaveTicket(id, contact) {
      return update(
        id,
        {
          status: 'ticket',
          offered_agent_id: null,
          offer_expires_at: null,
          contact: contact === null ? null : JSON.stringify(contact),
        },
        ['queued', 'offered', 'ticket'],
      )
    },

    async resolve(id) {
      return update(id, { status: 'resolved', resolved_at: now() }, [
        'assigned',
        'queued',
        'offered',
        'ticket',
      ])
    },

    async cancel(id) {
      return update(id, { status: 'cancelled', offered_agent_id: null, offer_expires_at: null }, [
        'queued',
        'offered',
      ])
    },

    async recentHandlingMs(limit) {
      const rows = await db
        .selectFrom('hand_overs')
        .select(['assigned_at', 'resolved_at'])
        .where('status', '=', 'resolved')
        .where('assigned_at', 'is not', null)
        .orderBy('resolved_at', 'desc')
        .limit(limit)
        .execute()
      return rows.flatMap((row) =>
        row.assigned_at === null || row.resolved_at === null
          ? []
          : [Date.parse(row.resolved_at) - Date.parse(row.assigned_at)],
      )
    },

    async addNote(input) {
      const body = input.body.trim()
      if (body.length === 0) throw new AppError('validation', 'A note needs some text.')
      const note: InboxNote = {
        id: createId('nte'),
        conversationId: input.conversationId,
        authorId: input.authorId,
        body,
        createdAt: now(),
      }
      await db
        .insertInto('inbox_notes')
        .values({
          id: note.id,
          conversation_id: note.conversationId,
          author_id: note.authorId,
          body: note.body,
          created_at: note.createdAt,
        })
        .execute()
      return note
    },

    async listNotes(conversationId) {
      const rows = await db
        .selectFrom('inbox_notes')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
      return rows.map((row) => ({
        id: row.id,
        conversationId: row.conversation_id,
        authorId: row.author_id,
        body: row.body,
        createdAt: row.created_at,
      }))
    },

    async saveCannedResponse(input) {
      const row: CannedResponseTable = {
        id: createId('cnd'),
        shortcut: input.shortcut,
        title: input.title,
        body: JSON.stringify(input.body),
        created_by: input.createdBy,
        created_at: now(),
      }
      await db
        .insertInto('canned_responses')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('shortcut').doUpdateSet({ title: row.title, body: row.body }),
        )
        .execute()
      const stored = await db
        .selectFrom('canned_responses')
        .selectAll()
        .where('shortcut', '=', input.shortcut)
        .executeTakeFirstOrThrow()
      return toCanned(stored)
    },

    async listCannedResponses() {
      const rows = await db.selectFrom('canned_responses').selectAll().orderBy('shortcut').execute()
      return rows.map(toCanned)
    },

    async recordRating(input) {
      if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
        throw new AppError('validation', 'A rating is a whole number from 1 to 5.')
      }
      const existing = await db
        .selectFrom('csat_ratings')
        .select('id')
        .where('hand_over_id', '=', input.handOverId)
        .executeTakeFirst()
      if (existing !== undefined) return fail('already-rated' as const)
      const row: CsatRatingTable = {
        id: createId('rat'),
        conversation_id: input.conversationId,
        hand_over_id: input.handOverId,
        agent_id: input.agentId,
        score: input.score,
        comment: input.comment,
        created_at: now(),
      }
      const inserted = await db
        .insertInto('csat_ratings')
        .values(row)
        .onConflict((conflict) => conflict.column('hand_over_id').doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0)
        return fail('already-rated' as const)
      return succeed(toRating(row))
    },

    async findRating(handOverId) {
      const row = await db
        .selectFrom('csat_ratings')
        .selectAll()
        .where('hand_over_id', '=', handOverId)
        .executeTakeFirst()
      return row === undefined ? undefined : toRating(row)
    },

    async addRatingComment(handOverId, comment) {
      const result = await db
        .updateTable('csat_ratings')
        .set({ comment: comment.trim().slice(0, 2_000) })
        .where('hand_over_id', '=', handOverId)
        .where('comment', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },

    async addTrainingCandidates(candidates) {
      let added = 0
      for (const candidate of candidates) {
        const time = now()
        const result = await db
          .insertInto('training_candidates')
          .values({
            id: createId('trn'),
            conversation_id: candidate.conversationId,
            message_id: candidate.messageId,
            text: candidate.text,
            locale: candidate.locale,
            predicted_intent: candidate.predictedIntent,
            confidence: candidate.confidence,
            status: 'pending',
            label: null,
            labelled_by: null,
            reviewed_by: null,
            created_at: time,
            updated_at: time,
          })
          .onConflict((conflict) => conflict.column('message_id').doNothing())
          .executeTakeFirst()
        added += Number(result.numInsertedOrUpdatedRows ?? 0n)
      }
      return added
    },

    async listTrainingCandidates(status) {
      let query = db.selectFrom('training_candidates').selectAll()
      if (status !== undefined) query = query.where('status', '=', status)
      const rows = await query.orderBy('created_at').orderBy('id').limit(500).execute()
      return rows.map(toCandidate)
    },

    async labelTrainingCandidate(id, label, agentId) {
      await getCandidate(id)
      await db
        .updateTable('training_candidates')
        .set({
          label,
          labelled_by: agentId,
          status: 'labelled',
          reviewed_by: null,
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute()
      return getCandidate(id)
    },

    async reviewTrainingCandidate(id, decision, reviewerId) {
      const candidate = await getCandidate(id)
      if (decision === 'approved' && candidate.label === null) return fail('not-labelled' as const)
      await db
        .updateTable('training_candidates')
        .set({ status: decision, reviewed_by: reviewerId, updated_at: now() })
        .where('id', '=', id)
        .execute()
      return succeed(await getCandidate(id))
    },

    async listApprovedExamples() {
      const rows = await db
        .selectFrom('training_candidates')
        .select(['text', 'label', 'locale'])
        .where('status', '=', 'approved')
        .orderBy('created_at')
        .execute()
      return rows.flatMap((row) =>
        row.label === null ? [] : [{ text: row.text, intent: row.label, locale: row.locale }],
      )
    },
  }
}
