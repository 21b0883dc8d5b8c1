import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus, type RecordedEvent } from '../../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createConversationService, type ConversationService } from './conversation-service.ts'

describeEachEngine('createConversationService', (getDatabase, engine) => {
  let service: ConversationService
  const published: RecordedEvent[] = []
  const clock = createManualClock()

  beforeAll(() => {
    const { db } = getDatabase()
    const createId = createSequentialIdGenerator()
    let eventCounter = 0
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      // Zero-padded, so the ids sort in the order the events were made.
      createId: () => `evt_${String(++eventCounter).padStart(6, '0')}`,
    })
    eventBus.subscribe('*', (event) => void published.push(event))
    // As the server runs it: conversations kept in memory on SQLite, read every time on PostgreSQL.
    service = createConversationService({
      db,
      clock,
      eventBus,
      createId,
      cacheConversations: engine === 'sqlite',
    })
  })

  async function openFor(externalId: string, customerId?: string) {
    const identity = await service.identifyShopper({ channel: 'web', externalId, customerId })
    const { conversation } = await service.openConversation({
      channel: 'web',
      shopperIdentityId: identity.id,
      customerId: identity.customerId,
      locale: 'en',
    })
    return conversation
  }

  /** A turn for a message that another delivery stored meanwhile: fails as a duplicate. */
  function recordTurnStoredMeanwhile(conversationId: string, channelMessageId: string) {
    return service.recordTurn(conversationId, {
      inbound: service.draftInbound(channelMessageId, { type: 'text', text: 'hi' }),
      messages: [{ authorRole: 'bot', content: { type: 'text', text: 'Hello!' } }],
      dialogueState: { step: 'should-not-be-kept' },
      recognition: { intent: 'greet', confidence: 0.9 },
      events: [],
    })
  }

  it('opens a bot-active conversation and publishes conversation.started when a shopper arrives', async () => {
    const conversation = await openFor('visitor-open')
    expect(conversation).toMatchObject({
      status: 'bot-active',
      lastSequence: 0,
      channel: 'web',
      locale: 'en',
    })
    expect(
      published.some(
        (event) => event.type === 'conversation.started' && event.aggregateId === conversation.id,
      ),
    ).toBe(true)
    expect(await service.getConversation(conversation.id)).toMatchObject({
      id: conversation.id,
      status: 'bot-active',
    })
  })

  it('gives messages consecutive sequences when inbound and outbound messages alternate', async () => {
    const conversation = await openFor('visitor-sequence')
    const first = await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: `${conversation.id}/a`,
      content: { type: 'text', text: 'hi' },
    })
    const replies = await service.sendMessages(conversation.id, {
      messages: [
        { authorRole: 'bot', content: { type: 'text', text: 'Hello!' } },
        {
          authorRole: 'bot',
          content: { type: 'quick-replies', text: 'What now?', choices: [{ label: 'Shop' }] },
        },
      ],
      replyToMessageId: first.message.id,
      dialogueState: { flow: 'greeting' },
    })
    const second = await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: `${conversation.id}/b`,
      content: { type: 'text', text: 'thanks' },
    })
    expect([
      first.message.sequence,
      ...replies.map((reply) => reply.sequence),
      second.message.sequence,
    ]).toEqual([1, 2, 3, 4])
    const stored = await service.getConversation(conversation.id)
    expect(stored.lastSequence).toBe(4)
    expect(stored.dialogueState).toEqual({ flow: 'greeting' })
    expect((await service.listReplies(first.message.id)).map((reply) => reply.sequence)).toEqual([
      2, 3,
    ])
  })

  it('stores a message once when the same channel message id arrives twice, even concurrently', async () => {
    const conversation = await openFor('visitor-idempotent')
    const input = {
      conversationId: conversation.id,
      channelMessageId: `${conversation.id}/dup`,
      content: { type: 'text' as const, text: 'hello' },
    }
    const results = await Promise.all([
      service.receiveMessage(input),
      service.receiveMessage(input),
      service.receiveMessage(input),
    ])
    expect(new Set(results.map((result) => result.message.id)).size).toBe(1)
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1)
    const history = await service.listMessages(conversation.id, { limit: 50 })
    expect(history).toHaveLength(1)
    const received = published.filter(
      (event) => event.type === 'message.received' && event.aggregateId === conversation.id,
    )
    expect(received).toHaveLength(1)
  })

  it('pages history backwards with before and forwards with after when a conversation is long', async () => {
    const conversation = await openFor('visitor-paging')
    for (let index = 1; index <= 7; index += 1) {
      await service.receiveMessage({
        conversationId: conversation.id,
        channelMessageId: `${conversation.id}/${index}`,
        content: { type: 'text', text: `message ${index}` },
      })
    }
    const newest = await service.listMessages(conversation.id, { limit: 3 })
    expect(newest.map((message) => message.sequence)).toEqual([5, 6, 7])
    const older = await service.listMessages(conversation.id, { before: 5, limit: 3 })
    expect(older.map((message) => message.sequence)).toEqual([2, 3, 4])
    const resumed = await service.listMessages(conversation.id, { after: 4, limit: 50 })
    expect(resumed.map((message) => message.sequence)).toEqual([5, 6, 7])
  })

  it('follows the status table and ignores events it does not allow', async () => {
    const conversation = await openFor('visitor-status')
    const handedOver = await service.changeStatus(conversation.id, 'hand-over-requested', {
      reason: 'explicit-request',
    })
    expect(handedOver).toMatchObject({
      changed: true,
      conversation: { status: 'waiting-for-agent' },
    })
    expect(
      published.some(
        (event) =>
          event.type === 'conversation.handed-off' && event.aggregateId === conversation.id,
      ),
    ).toBe(true)
    const again = await service.changeStatus(conversation.id, 'hand-over-requested')
    expect(again.changed).toBe(false)
    const resolved = await service.changeStatus(conversation.id, 'resolved')
    expect(resolved.conversation.status).toBe('resolved')
    expect(resolved.conversation.resolvedAt).not.toBeNull()
    expect(
      published.some(
        (event) => event.type === 'conversation.resolved' && event.aggregateId === conversation.id,
      ),
    ).toBe(true)
  })

  it('reopens a resolved conversation when the shopper writes again', async () => {
    const conversation = await openFor('visitor-reopen')
    await service.changeStatus(conversation.id, 'resolved')
    const received = await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: `${conversation.id}/back`,
      content: { type: 'text', text: 'one more thing' },
    })
    expect(received.conversation.status).toBe('bot-active')
    expect((await service.getConversation(conversation.id)).status).toBe('bot-active')
  })

  it('links identities on two channels to one customer history when the shopper signs in on both', async () => {
    const web = await openFor('visitor-linked', 'cus_linked')
    const whatsappIdentity = await service.identifyShopper({
      channel: 'whatsapp',
      externalId: '+60123456789',
      customerId: 'cus_linked',
    })
    const { conversation: whatsapp } = await service.openConversation({
      channel: 'whatsapp',
      shopperIdentityId: whatsappIdentity.id,
      customerId: whatsappIdentity.customerId,
      locale: 'ms',
    })
    clock.advance(1000)
    await service.receiveMessage({
      conversationId: web.id,
      channelMessageId: 'web-1',
      content: { type: 'text', text: 'from web' },
    })
    clock.advance(1000)
    await service.receiveMessage({
      conversationId: whatsapp.id,
      channelMessageId: 'wa-1',
      content: { type: 'text', text: 'dari whatsapp' },
    })
    const history = await service.listCustomerHistory('cus_linked', { limit: 10 })
    expect(history.map((message) => message.content)).toEqual([
      { type: 'text', text: 'from web' },
      { type: 'text', text: 'dari whatsapp' },
    ])
    const again = await service.identifyShopper({ channel: 'whatsapp', externalId: '+60123456789' })
    expect(again).toMatchObject({ id: whatsappIdentity.id, customerId: 'cus_linked' })
  })

  it('reuses the open conversation of an identity when asked to', async () => {
    const identity = await service.identifyShopper({ channel: 'web', externalId: 'visitor-reuse' })
    const first = await service.openConversation({
      channel: 'web',
      shopperIdentityId: identity.id,
      customerId: null,
      locale: 'en',
      reuseOpen: true,
    })
    const second = await service.openConversation({
      channel: 'web',
      shopperIdentityId: identity.id,
      customerId: null,
      locale: 'en',
      reuseOpen: true,
    })
    expect(first.created).toBe(true)
    expect(second).toMatchObject({ created: false, conversation: { id: first.conversation.id } })
  })

  it('fails with not-found when the conversation does not exist', async () => {
    await expect(service.getConversation('conv_missing')).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(
      service.receiveMessage({
        conversationId: 'conv_missing',
        channelMessageId: 'x',
        content: { type: 'text', text: 'hi' },
      }),
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  async function storedEvents(conversationId: string) {
    return getDatabase()
      .db.selectFrom('domain_events')
      .select(['type', 'payload'])
      .where('aggregate_id', '=', conversationId)
      .orderBy('id')
      .execute()
  }

  it('stores the message with its intent, the replies, the state and the events in one write', async () => {
    const conversation = await openFor('turn-one-write')
    const inbound = service.draftInbound('turn-one-write/m1', { type: 'text', text: 'thanks' })
    const stored = await service.recordTurn(conversation.id, {
      inbound,
      messages: [{ authorRole: 'bot', content: { type: 'text', text: 'You are welcome!' } }],
      dialogueState: { step: 'after-thanks' },
      locale: 'ms',
      recognition: { intent: 'thanks', confidence: 0.93 },
      eventDetails: { responseMilliseconds: 1.5 },
      events: [{ type: 'flow.completed', aggregateId: conversation.id, payload: { flow: 'x' } }],
    })
    expect(stored.inbound).toMatchObject({ id: inbound.id, sequence: 1, intent: 'thanks' })
    expect(stored.replies.map((reply) => [reply.sequence, reply.replyToMessageId])).toEqual([
      [2, inbound.id],
    ])
    expect(stored.conversation).toMatchObject({ lastSequence: 2, locale: 'ms' })
    expect(stored.conversation.dialogueState).toEqual({ step: 'after-thanks' })
    const history = await service.listMessages(conversation.id, { limit: 10 })
    expect(history.map((message) => [message.sequence, message.intent])).toEqual([
      [1, 'thanks'],
      [2, null],
    ])
    expect(history[0]?.confidence).toBeCloseTo(0.93)
    expect((await storedEvents(conversation.id)).map((event) => event.type)).toEqual([
      'conversation.started',
      'message.received',
      'message.sent',
      'flow.completed',
    ])
    // Subscribers heard the same events, after the write.
    expect(
      published
        .filter((event) => event.aggregateId === conversation.id)
        .map((event) => event.type)
        .slice(-3),
    ).toEqual(['message.received', 'message.sent', 'flow.completed'])
  })

  it('writes nothing when the message was stored meanwhile, and says so', async () => {
    const conversation = await openFor('turn-raced')
    const received = await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: 'turn-raced/m1',
      content: { type: 'text', text: 'hi' },
    })
    const eventsBefore = (await storedEvents(conversation.id)).length
    await expect(recordTurnStoredMeanwhile(conversation.id, 'turn-raced/m1')).rejects.toMatchObject(
      { code: 'conflict' },
    )
    const after = await service.getConversation(conversation.id)
    expect(after.lastSequence).toBe(received.message.sequence)
    expect(after.dialogueState).toEqual({})
    expect(await service.listMessages(conversation.id, { limit: 10 })).toHaveLength(1)
    expect(await storedEvents(conversation.id)).toHaveLength(eventsBefore)
    expect(await service.findReceivedMessage(after, 'turn-raced/m1')).toMatchObject({
      id: received.message.id,
      intent: null,
    })
  })

  it('records the recognition on a message a failed turn stored, without storing it twice', async () => {
    const conversation = await openFor('turn-retry')
    const received = await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: 'turn-retry/m1',
      content: { type: 'text', text: 'where is my order' },
    })
    const stored = await service.recordTurn(conversation.id, {
      inbound: { kind: 'stored', message: received.message },
      messages: [{ authorRole: 'bot', content: { type: 'text', text: 'Which order?' } }],
      recognition: { intent: 'track_order', confidence: 0.88 },
      events: [],
    })
    expect(stored.inbound).toMatchObject({ id: received.message.id, intent: 'track_order' })
    expect(stored.replies[0]).toMatchObject({ sequence: 2, replyToMessageId: received.message.id })
    const history = await service.listMessages(conversation.id, { limit: 10 })
    expect(history.map((message) => [message.sequence, message.intent])).toEqual([
      [1, 'track_order'],
      [2, null],
    ])
    // `message.received` was published when the message was stored, not again.
    expect(
      (await storedEvents(conversation.id)).filter((event) => event.type === 'message.received'),
    ).toHaveLength(1)
  })

  it('refuses a message id already used in another conversation', async () => {
    const first = await openFor('turn-other-a')
    const second = await openFor('turn-other-b')
    await service.receiveMessage({
      conversationId: first.id,
      channelMessageId: 'shared-id',
      content: { type: 'text', text: 'hi' },
    })
    await expect(service.findReceivedMessage(second, 'shared-id')).rejects.toMatchObject({
      code: 'conflict',
    })
  })

  /** Changes a conversation behind the service's back, as another server sharing the database would. */
  async function changeElsewhere(conversationId: string, locale: string) {
    await getDatabase()
      .db.updateTable('conversations')
      .set({ locale })
      .where('id', '=', conversationId)
      .execute()
  }

  it('reads a conversation from memory after a turn on SQLite, and from the database on PostgreSQL', async () => {
    const conversation = await openFor('cache-after-turn')
    const stored = await service.recordTurn(conversation.id, {
      inbound: service.draftInbound('cache-after-turn/m1', { type: 'text', text: 'hi' }),
      messages: [{ authorRole: 'bot', content: { type: 'text', text: 'Hello!' } }],
      dialogueState: { step: 'greeted' },
      recognition: { intent: 'greet', confidence: 0.9 },
      events: [],
    })
    await changeElsewhere(conversation.id, 'ms')
    const read = await service.getConversation(conversation.id)
    expect(read).toMatchObject({ lastSequence: 2, dialogueState: { step: 'greeted' } })
    // SQLite: one server owns the file, so nobody else changes it and memory is right;
    // PostgreSQL: another instance may have, so the database is read.
    expect(read.locale).toBe(engine === 'sqlite' ? 'en' : 'ms')
    expect(stored.conversation.lastSequence).toBe(2)
  })

  it('never lets a caller change a remembered conversation', async () => {
    const conversation = await openFor('cache-frozen')
    await service.saveDialogueState(conversation.id, { step: 'asked', slots: { size: '9' } })
    const read = await service.getConversation(conversation.id)
    const state = read.dialogueState as { slots: Record<string, string> }
    if (engine === 'sqlite') {
      expect(() => {
        state.slots.size = '10'
      }).toThrow(TypeError)
    }
    expect((await service.getConversation(conversation.id)).dialogueState).toEqual({
      step: 'asked',
      slots: { size: '9' },
    })
  })

  it('reads the database again after a write failed, and after a status change', async () => {
    const conversation = await openFor('cache-after-failure')
    await service.receiveMessage({
      conversationId: conversation.id,
      channelMessageId: 'cache-after-failure/m1',
      content: { type: 'text', text: 'hi' },
    })
    await service.getConversation(conversation.id)
    await changeElsewhere(conversation.id, 'zh-Hant')
    await expect(
      recordTurnStoredMeanwhile(conversation.id, 'cache-after-failure/m1'),
    ).rejects.toMatchObject({ code: 'conflict' })
    const afterFailure = await service.getConversation(conversation.id)
    expect(afterFailure).toMatchObject({ locale: 'zh-Hant', dialogueState: {} })
    const { conversation: resolved } = await service.changeStatus(conversation.id, 'resolved')
    expect(resolved.status).toBe('resolved')
    expect(await service.getConversation(conversation.id)).toMatchObject({
      status: 'resolved',
      locale: 'zh-Hant',
    })
  })
})
