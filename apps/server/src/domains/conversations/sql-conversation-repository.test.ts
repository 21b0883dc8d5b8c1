import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/database.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createSqlConversationRepository } from './sql-conversation-repository.ts'

// The conversation cache exists only on SQLite, and so does the group commit it must survive.
describe('SQL conversation repository with conversations kept in memory [sqlite]', () => {
  let database: { handle: DatabaseHandle; dispose: () => Promise<void> }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('forgets what it read from a group commit that then failed', async () => {
    const { db } = database.handle
    const repository = createSqlConversationRepository(db, { cacheConversations: true })
    const now = '2026-11-24T10:00:00.000Z'
    const identity = await repository.ensureIdentity('web', 'visitor-failed-commit', 'shi_1', now)
    await repository.insertConversation({
      id: 'conv_failed_commit',
      channel: 'web',
      status: 'bot-active',
      locale: 'en',
      shopperIdentityId: identity.id,
      customerId: null,
      lastSequence: 0,
      dialogueState: {},
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
    })
    let openGate = () => {}
    const gate = new Promise<void>((resolve) => (openGate = resolve))
    // A message of a conversation that does not exist, its key checked only at COMMIT: the group
    // commit it joins fails. The transaction holds the connection until the gate opens.
    const orphan = db.transaction().execute(async (transaction) => {
      await sql`pragma defer_foreign_keys = on`.execute(transaction)
      await transaction
        .insertInto('conversation_messages')
        .values({
          id: 'msg_orphan',
          conversation_id: 'conv_missing',
          sequence: 1,
          direction: 'inbound',
          author_role: 'shopper',
          author_name: null,
          channel: 'web',
          channel_message_id: 'orphan/m1',
          reply_to_message_id: null,
          content: '{}',
          intent: null,
          confidence: null,
          created_at: now,
        })
        .execute()
      await gate
    })
    // Waits for the connection, then joins the same group commit.
    const saving = repository.updateConversation('conv_failed_commit', {
      dialogueState: { step: 'never-committed' },
      updatedAt: now,
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    openGate()
    // Read after the state was written and before the commit: this connection sees it.
    const seen = await repository.findConversation('conv_failed_commit')
    expect(seen?.dialogueState).toEqual({ step: 'never-committed' })
    const outcomes = await Promise.allSettled([orphan, saving])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected'])
    expect((await repository.findConversation('conv_failed_commit'))?.dialogueState).toEqual({})
  })
})
