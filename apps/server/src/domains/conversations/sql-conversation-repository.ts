import type {
  Channel,
  ConversationStatus,
  MessageContent,
  MessageDirection,
  ParticipantRole,
} from '@kedai/contracts'
import type { Db } from '../../db/database.ts'
import type { ConversationMessageTable, ConversationTable } from '../../db/tables/conversations.ts'
import { prepareQuery, prepareQueryShapes, prepareRowInsert } from '../../db/prepared-query.ts'
import { createDomainEventWriter } from '../../db/sql-event-store.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Locale } from '../../shared/locale.ts'
import type { Conversation, ConversationMessage } from './conversation.ts'
import type { ConversationChanges, ConversationRepository } from './conversation-repository.ts'

function mapConversation(row: ConversationTable): Conversation {
  return {
    id: row.id,
    channel: row.channel as Channel,
    status: row.status as ConversationStatus,
    locale: row.locale as Locale,
    shopperIdentityId: row.shopper_identity_id,
    customerId: row.customer_id,
    lastSequence: Number(row.last_sequence),
    dialogueState: JSON.parse(row.dialogue_state) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
  }
}

/** A stored message; `content` when the caller already holds it parsed (the rows it just wrote). */
function mapMessage(
  row: ConversationMessageTable,
  content: MessageContent = JSON.parse(row.content) as MessageContent,
): ConversationMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    sequence: Number(row.sequence),
    direction: row.direction as MessageDirection,
    authorRole: row.author_role as ParticipantRole,
    authorName: row.author_name,
    channel: row.channel as Channel,
    channelMessageId: row.channel_message_id,
    replyToMessageId: row.reply_to_message_id,
    content,
    intent: row.intent,
    confidence: row.confidence === null ? null : Number(row.confidence),
    createdAt: row.created_at,
  }
}

function toConversationColumns(changes: ConversationChanges): Partial<ConversationTable> {
  return {
    updated_at: changes.updatedAt,
    ...(changes.status === undefined ? {} : { status: changes.status }),
    ...(changes.locale === undefined ? {} : { locale: changes.locale }),
    ...(changes.customerId === undefined ? {} : { customer_id: changes.customerId }),
    ...(changes.dialogueState === undefined
      ? {}
      : { dialogue_state: JSON.stringify(changes.dialogueState) }),
    ...(changes.resolvedAt === undefined ? {} : { resolved_at: changes.resolvedAt }),
  }
}

function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown; message?: unknown }
  return (
    candidate.code === '23505' ||
    candidate.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof candidate.message === 'string' &&
      candidate.message.includes('UNIQUE constraint failed'))
  )
}

/** How many conversations {@link SqlConversationRepositoryOptions.cacheConversations} keeps. */
const cachedConversationLimit = 5000

export interface SqlConversationRepositoryOptions {
  /**
   * Keep conversation rows in memory between turns (read once, then refreshed from each write).
   * Only where this process is the database's one writer of conversations, as on SQLite (one server
   * owns the file); several instances on PostgreSQL must read the database every time.
   */
  readonly cacheConversations?: boolean
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * The conversations read in memory, most recently used last. Filled by reads and by the writes that
 * return the stored row, only once they are durable; every other write forgets the conversation, and
 * a failed write forgets them all (a group commit that failed may have been read from). Entries are
 * frozen, so nobody can change a cached conversation by accident.
 */
function createConversationCache(enabled: boolean) {
  const entries = new Map<string, Conversation>()
  return {
    get(id: string): Conversation | undefined {
      if (!enabled) return undefined
      const found = entries.get(id)
      if (found !== undefined) {
        entries.delete(id)
        entries.set(id, found)
      }
      return found
    },
    remember(conversation: Conversation): Conversation {
      if (!enabled) return conversation
      deepFreeze(conversation)
      entries.delete(conversation.id)
      entries.set(conversation.id, conversation)
      if (entries.size > cachedConversationLimit) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      return conversation
    },
    forget(id: string): void {
      entries.delete(id)
    },
    /** Runs a write; on failure nothing cached is trusted any more. */
    async writing<T>(write: () => Promise<T>): Promise<T> {
      try {
        return await write()
      } catch (error) {
        entries.clear()
        throw error
      }
    },
  }
}

/** The {@link ConversationRepository} over Kysely, the same code on SQLite and PostgreSQL. */
export function createSqlConversationRepository(
  db: Db,
  options: SqlConversationRepositoryOptions = {},
): ConversationRepository {
  const insertDomainEvents = createDomainEventWriter(db)
  const cache = createConversationCache(options.cacheConversations === true)
  // The queries of every chat turn, built once (see prepareQuery).
  const selectConversation = prepareQuery(['id'], (values) =>
    db.selectFrom('conversations').selectAll().where('id', '=', values.id),
  )
  const selectMessageByChannelId = prepareQuery(['channel', 'channelMessageId'], (values) =>
    db
      .selectFrom('conversation_messages')
      .selectAll()
      .where('channel', '=', values.channel)
      .where('channel_message_id', '=', values.channelMessageId),
  )
  const updateConversation = prepareQueryShapes((key) => {
    const columns = key.split(',') as (keyof ConversationTable)[]
    return {
      names: [...columns, 'id', 'added'],
      build: (values) =>
        db
          .updateTable('conversations')
          .set((expression) => ({
            ...Object.fromEntries(columns.map((column) => [column, values[column]])),
            last_sequence: expression('last_sequence', '+', values.added as never),
          }))
          .where('id', '=', values.id as never)
          .returningAll(),
    }
  })
  const messageColumns = [
    'id',
    'conversation_id',
    'sequence',
    'direction',
    'author_role',
    'author_name',
    'channel',
    'channel_message_id',
    'reply_to_message_id',
    'content',
    'intent',
    'confidence',
    'created_at',
  ] as const satisfies readonly (keyof ConversationMessageTable)[]
  const insertMessages = prepareRowInsert(messageColumns, (rows) =>
    db
      .insertInto('conversation_messages')
      .values(rows.map((row) => ({ ...row }) as unknown as ConversationMessageTable)),
  )
  return {
    async ensureIdentity(channel, externalId, newId, now) {
      const existing = await db
        .selectFrom('shopper_identities')
        .selectAll()
        .where('channel', '=', channel)
        .where('external_id', '=', externalId)
        .executeTakeFirst()
      if (existing === undefined) {
        await db
          .insertInto('shopper_identities')
          .values({
            id: newId,
            channel,
            external_id: externalId,
            customer_id: null,
            created_at: now,
            updated_at: now,
          })
          .onConflict((conflict) => conflict.columns(['channel', 'external_id']).doNothing())
          .execute()
      }
      const row =
        existing ??
        (await db
          .selectFrom('shopper_identities')
          .selectAll()
          .where('channel', '=', channel)
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow())
      return {
        id: row.id,
        channel: row.channel as Channel,
        externalId: row.external_id,
        customerId: row.customer_id,
      }
    },

    async linkIdentity(identityId, customerId, now) {
      await db
        .updateTable('shopper_identities')
        .set({ customer_id: customerId, updated_at: now })
        .where('id', '=', identityId)
        .execute()
    },

    async insertConversation(conversation) {
      // A new id: nothing cached to forget; read on first use.
      await cache.writing(() =>
        db
          .insertInto('conversations')
          .values({
            id: conversation.id,
            channel: conversation.channel,
            status: conversation.status,
            locale: conversation.locale,
            shopper_identity_id: conversation.shopperIdentityId,
            customer_id: conversation.customerId,
            last_sequence: conversation.lastSequence,
            dialogue_state: JSON.stringify(conversation.dialogueState ?? {}),
            created_at: conversation.createdAt,
            updated_at: conversation.updatedAt,
            resolved_at: conversation.resolvedAt,
          })
          .execute(),
      )
    },

    async addParticipant(participant) {
      await db
        .insertInto('conversation_participants')
        .values({
          id: participant.id,
          conversation_id: participant.conversationId,
          role: participant.role,
          reference: participant.reference,
          joined_at: participant.joinedAt,
        })
        .onConflict((conflict) =>
          conflict.columns(['conversation_id', 'role', 'reference']).doNothing(),
        )
        .execute()
    },

    async findConversation(id) {
      const cached = cache.get(id)
      if (cached !== undefined) return cached
      const { rows } = await db.executeQuery(selectConversation({ id }))
      const row = rows[0]
      return row === undefined ? undefined : cache.remember(mapConversation(row))
    },

    async findOpenConversation(shopperIdentityId) {
      const row = await db
        .selectFrom('conversations')
        .selectAll()
        .where('shopper_identity_id', '=', shopperIdentityId)
        .where('status', '!=', 'resolved')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row === undefined ? undefined : mapConversation(row)
    },

    async appendMessages(conversationId, drafts, changes, extras = {}) {
      const { recognition, events } = extras
      cache.forget(conversationId)
      try {
        const stored = await cache.writing(() =>
          db.transaction().execute(async (transaction) => {
            const columns = toConversationColumns(changes)
            const key = Object.keys(columns).sort().join(',')
            const { rows: updatedRows } = await transaction.executeQuery(
              updateConversation(key, { ...columns, id: conversationId, added: drafts.length }),
            )
            const updated = updatedRows[0]
            if (updated === undefined)
              throw new AppError('not-found', `No conversation ${conversationId}.`)
            if (recognition !== undefined) {
              await transaction
                .updateTable('conversation_messages')
                .set({ intent: recognition.intent, confidence: recognition.confidence })
                .where('id', '=', recognition.messageId)
                .execute()
            }
            const conversation = mapConversation(updated)
            if (drafts.length === 0) {
              if (events !== undefined) await insertDomainEvents(transaction, events([]))
              return { messages: [], conversation }
            }
            const first = Number(updated.last_sequence) - drafts.length + 1
            const rows: ConversationMessageTable[] = drafts.map((draft, index) => ({
              id: draft.id,
              conversation_id: conversationId,
              sequence: first + index,
              direction: draft.direction,
              author_role: draft.authorRole,
              author_name: draft.authorName ?? null,
              channel: updated.channel,
              channel_message_id: draft.channelMessageId,
              reply_to_message_id: draft.replyToMessageId,
              content: JSON.stringify(draft.content),
              intent: draft.intent ?? null,
              confidence: draft.confidence ?? null,
              created_at: draft.createdAt,
            }))
            await transaction.executeQuery(
              insertMessages(rows.map((row) => messageColumns.map((column) => row[column]))),
            )
            // The rows just written, without reading their JSON back.
            const messages = rows.map((row, index) => mapMessage(row, drafts[index]?.content))
            if (events !== undefined) await insertDomainEvents(transaction, events(messages))
            return { messages, conversation }
          }),
        )
        // Durable now: the next turn reads the conversation from memory.
        cache.remember(stored.conversation)
        return stored
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError('conflict', 'This message was already received.', { cause: error })
        }
        throw error
      }
    },

    async updateConversation(id, changes) {
      cache.forget(id)
      await cache.writing(() =>
        db
          .updateTable('conversations')
          .set(toConversationColumns(changes))
          .where('id', '=', id)
          .execute(),
      )
      cache.forget(id)
    },

    async findMessageByChannelId(channel, channelMessageId) {
      const { rows } = await db.executeQuery(
        selectMessageByChannelId({ channel, channelMessageId }),
      )
      const row = rows[0]
      return row === undefined ? undefined : mapMessage(row)
    },

    async listMessages(conversationId, page) {
      let query = db
        .selectFrom('conversation_messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
      if (page.after !== undefined) query = query.where('sequence', '>', page.after)
      if (page.before !== undefined) query = query.where('sequence', '<', page.before)
      if (page.after !== undefined) {
        const rows = await query.orderBy('sequence', 'asc').limit(page.limit).execute()
        return rows.map((row) => mapMessage(row))
      }
      const rows = await query.orderBy('sequence', 'desc').limit(page.limit).execute()
      return rows.reverse().map((row) => mapMessage(row))
    },

    async listShopperTurns(conversationId, page) {
      const rows = await db
        .selectFrom('conversation_messages')
        .select(['id', 'sequence', 'intent', 'confidence'])
        .where('conversation_id', '=', conversationId)
        .where('sequence', '<', page.beforeSequence)
        .where('author_role', '=', 'shopper')
        .orderBy('sequence', 'desc')
        .limit(page.limit)
        .execute()
      return rows.reverse().map((row) => ({
        messageId: row.id,
        sequence: row.sequence,
        intent: row.intent,
        confidence: row.confidence,
      }))
    },

    async listReplies(inboundMessageId) {
      // Replies come after the message in its conversation: read through the sequence index (no
      // index on reply_to_message_id, which every write would have to update).
      const inbound = db.selectFrom('conversation_messages').where('id', '=', inboundMessageId)
      const rows = await db
        .selectFrom('conversation_messages')
        .selectAll()
        .where('conversation_id', '=', inbound.select('conversation_id'))
        .where('sequence', '>', inbound.select('sequence'))
        .where('reply_to_message_id', '=', inboundMessageId)
        .orderBy('sequence', 'asc')
        .execute()
      return rows.map((row) => mapMessage(row))
    },

    async recordRecognition(messageId, intent, confidence) {
      await db
        .updateTable('conversation_messages')
        .set({ intent, confidence })
        .where('id', '=', messageId)
        .execute()
    },

    async listCustomerMessages(customerId, page) {
      let query = db
        .selectFrom('conversation_messages')
        .innerJoin('conversations', 'conversations.id', 'conversation_messages.conversation_id')
        .selectAll('conversation_messages')
        .where('conversations.customer_id', '=', customerId)
      if (page.before !== undefined)
        query = query.where('conversation_messages.created_at', '<', page.before)
      const rows = await query
        .orderBy('conversation_messages.created_at', 'desc')
        .orderBy('conversation_messages.id', 'desc')
        .limit(page.limit)
        .execute()
      return rows.reverse().map((row) => mapMessage(row))
    },
  }
}
