import { describeMessageContent } from '@kedai/contracts'
import { beforeAll, expect, it } from 'vitest'
import { createSqlEventStore } from '../../db/sql-event-store.ts'
import { createConversationService } from '../../domains/conversations/index.ts'
import { createInboxService, handOverRulesSchema } from '../../domains/inbox/index.ts'
import { createPromotionsService } from '../../domains/promotions/index.ts'
import { createStaffService, type StaffMember } from '../../domains/staff/index.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createEventBus } from '../../shared/event-bus.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import type { Locale } from '../../shared/locale.ts'
import { subscribeHandOff } from '../../subscribers/hand-off-subscriber.ts'
import { describeEachEngine } from '../../testing/test-database.ts'
import { createConsoleHub, type ConsoleEvent } from './console-hub.ts'
import { createHandOffWorkflow } from './create-hand-off-workflow.ts'
import { defaultHandOffSettingsValues } from './hand-off-dependencies.ts'
import { createSqlHandOffRecords } from './hand-off-records.ts'
import type { HandOffSummary } from './hand-off-summary.ts'

describeEachEngine('hand-off workflow', (getDatabase) => {
  // Tuesday 14:00 in Kuala Lumpur: inside business hours.
  const clock = createManualClock('2026-11-24T06:00:00.000Z')
  const createId = createSequentialIdGenerator()
  const hubEvents: ConsoleEvent[] = []
  const typing: string[] = []
  let members: Record<'aisha' | 'weiLing' | 'daniel', StaffMember>
  let system: ReturnType<typeof build>
  let counter = 0

  function build() {
    const db = getDatabase().db
    const eventBus = createEventBus({
      store: createSqlEventStore(db),
      now: () => clock.now(),
      createId: () => createId('evt'),
      onSubscriberError: (error) => {
        throw error
      },
    })
    const conversations = createConversationService({ db, clock, eventBus, createId })
    const inbox = createInboxService({ db, clock, createId })
    const staff = createStaffService({ db, clock, createId })
    const hub = createConsoleHub()
    hub.subscribe((event) => hubEvents.push(event))
    const workflow = createHandOffWorkflow({
      conversations,
      inbox,
      staff,
      records: createSqlHandOffRecords(db),
      coupons: createPromotionsService({ db, clock, createId, eventBus }),
      hub,
      shopperSignals: {
        setAgentTyping: (conversationId, on) => typing.push(`${conversationId}:${on}`),
      },
      clock,
      settings: {
        rules: handOverRulesSchema.parse({
          lowConfidence: { threshold: 0.45, consecutiveTurns: 2 },
          alwaysHandOverIntents: ['report_fraud'],
          vipTiers: ['platinum'],
        }),
        businessHours: {
          timezone: 'Asia/Kuala_Lumpur',
          weekly: { tue: [['09:00', '21:00']], wed: [['09:00', '21:00']] },
        },
        ...defaultHandOffSettingsValues,
      },
    })
    subscribeHandOff(eventBus, workflow, conversations)
    return { db, conversations, inbox, staff, workflow, eventBus }
  }

  async function shopperSays(
    conversationId: string,
    text: string,
    recognized?: { intent: string; confidence: number },
  ) {
    counter += 1
    const received = await system.conversations.receiveMessage({
      conversationId,
      channelMessageId: `client_${counter}`,
      content: { type: 'text', text },
    })
    if (recognized !== undefined) {
      await system.conversations.recordRecognition(
        received.message.id,
        recognized.intent,
        recognized.confidence,
      )
    }
    return received.message
  }

  async function botSays(conversationId: string, text: string) {
    await system.conversations.sendMessages(conversationId, {
      messages: [{ authorRole: 'bot', content: { type: 'text', text } }],
    })
  }

  async function openConversation(locale: Locale, customerId: string | null = null) {
    counter += 1
    const identity = await system.conversations.identifyShopper({
      channel: 'web',
      externalId: `visitor_${counter}`,
    })
    const { conversation } = await system.conversations.openConversation({
      channel: 'web',
      shopperIdentityId: identity.id,
      customerId,
      locale,
    })
    return conversation.id
  }

  async function transcript(conversationId: string) {
    const messages = await system.conversations.listMessages(conversationId, { limit: 200 })
    return messages.map(
      (message) => `${message.authorRole}: ${describeMessageContent(message.content)}`,
    )
  }

  async function setPresence(presence: 'online' | 'offline') {
    for (const member of Object.values(members)) await system.staff.setPresence(member.id, presence)
  }

  beforeAll(async () => {
    system = build()
    const create = (
      email: string,
      displayName: string,
      languages: string[],
      skills: string[],
      team: string,
    ) =>
      system.staff.createMember({
        email,
        displayName,
        password: 'correct horse',
        role: 'agent',
        languages,
        skills,
        team,
        capacity: 1,
        presence: 'online',
      })
    members = {
      aisha: await create('aisha@test', 'Aisha', ['ms', 'en'], ['returns', 'orders'], 'support'),
      weiLing: await create('weiling@test', 'Wei Ling', ['zh-Hant', 'en'], ['payments'], 'support'),
      daniel: await create('daniel@test', 'Daniel', ['en', 'ms'], ['sales'], 'sales'),
    }
    await system.db
      .insertInto('policy_documents')
      .values({
        id: 'pol_returns_ms',
        slug: 'returns-and-refunds',
        locale: 'ms',
        title: 'Pemulangan dan bayaran balik',
        body: '# Pemulangan\n\n## Tempoh pemulangan\n\nBarang boleh dipulangkan dalam 30 hari.\n\n## Barang rosak\n\nBarang rosak dipulangkan percuma dengan gambar kerosakan.',
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .execute()
  })

  it('hands a Malay returns question to Aisha with a summary, and back to the bot with a rating', async () => {
    const conversationId = await openConversation('ms')
    const unclear = await shopperSays(conversationId, 'kasut saya rosak, teruk betul', {
      intent: 'request_return',
      confidence: 0.31,
    })
    await botSays(conversationId, 'Maaf, boleh terangkan lagi?')
    await shopperSays(conversationId, 'saya nak cakap dengan orang', {
      intent: 'contact_human_agent',
      confidence: 0.93,
    })
    await system.conversations.changeStatus(conversationId, 'hand-over-requested', {
      reasons: ['explicit-request'],
    })

    const handOver = await system.inbox.findOpenHandOver(conversationId)
    expect(handOver).toMatchObject({
      status: 'offered',
      offeredAgentId: members.aisha.id,
      topic: 'returns',
      language: 'ms',
      reasons: ['explicit-request'],
    })
    const summary = handOver?.summary as HandOffSummary
    expect(summary).toMatchObject({
      wants: 'kasut saya rosak, teruk betul',
      wantsIntent: 'request_return',
      botTried: ['Maaf, boleh terangkan lagi?'],
      language: 'ms',
      sentiment: { label: 'negative' },
      policy: { slug: 'returns-and-refunds', title: 'Barang rosak' },
    })
    expect(await system.inbox.listTrainingCandidates('pending')).toContainEqual(
      expect.objectContaining({ messageId: unclear.id, predictedIntent: 'request_return' }),
    )
    expect((await transcript(conversationId)).at(-1)).toBe(
      'bot: Saya telah meminta rakan sekerja untuk membantu anda. Anda nombor 1 dalam giliran — anggaran menunggu kira-kira 1 minit.',
    )
    expect(hubEvents).toContainEqual(
      expect.objectContaining({ type: 'hand-over-updated', agentId: members.aisha.id }),
    )

    const reply = await system.workflow.agentReplies({
      conversationId,
      agentId: members.aisha.id,
      text: 'Hai, saya Aisha. Boleh hantar gambar kasut?',
    })
    expect(reply.ok).toBe(true)
    expect((await system.conversations.getConversation(conversationId)).status).toBe('agent-active')
    expect(typing).toContain(`${conversationId}:false`)

    await shopperSays(conversationId, 'ok sekejap')
    expect(hubEvents.at(-1)).toMatchObject({ type: 'conversation-message', conversationId })

    clock.advance(5 * 60_000)
    const resolved = await system.workflow.resolveHandOver({
      handOverId: handOver?.id ?? '',
      agentId: members.aisha.id,
      isAdmin: false,
      note: 'pemulangan percuma diluluskan',
    })
    expect(resolved.ok).toBe(true)
    expect((await system.conversations.getConversation(conversationId)).status).toBe('bot-active')

    await shopperSays(conversationId, 'csat:5')
    await shopperSays(conversationId, 'Cepat dan mesra')
    expect(await system.inbox.findRating(handOver?.id ?? '')).toMatchObject({
      score: 5,
      comment: 'Cepat dan mesra',
      agentId: members.aisha.id,
    })
    expect((await transcript(conversationId)).slice(-11)).toEqual([
      'shopper: saya nak cakap dengan orang',
      'bot: Saya telah meminta rakan sekerja untuk membantu anda. Anda nombor 1 dalam giliran — anggaran menunggu kira-kira 1 minit.',
      'agent: Aisha (support) telah menyertai perbualan.',
      'agent: Hai, saya Aisha. Boleh hantar gambar kasut?',
      'shopper: ok sekejap',
      'bot: Aisha telah menandakan permintaan anda sebagai selesai: pemulangan percuma diluluskan. Ada apa-apa lagi yang boleh saya bantu?',
      'bot: Bagaimana anda menilai bantuan yang diterima? (1 = lemah, 5 = cemerlang)',
      'shopper: csat:5',
      'bot: Terima kasih atas penilaian anda! Jika mahu, ceritakan sedikit pengalaman anda.',
      'shopper: Cepat dan mesra',
      'bot: Terima kasih, kami telah menyampaikannya kepada pasukan.',
    ])
  })

  it('queues a second shopper when the qualified agents are full and gives positions', async () => {
    // Aisha (capacity 1) takes the first Malay returns request; the next ones wait or go elsewhere.
    const first = await openConversation('ms')
    await shopperSays(first, 'nak pulangkan baju', { intent: 'request_return', confidence: 0.9 })
    await system.workflow.requestHandOff({ conversationId: first, reasons: ['explicit-request'] })
    const second = await openConversation('ms')
    await shopperSays(second, 'nak pulangkan seluar', { intent: 'request_return', confidence: 0.9 })
    await system.workflow.requestHandOff({ conversationId: second, reasons: ['explicit-request'] })
    const third = await openConversation('en')
    await shopperSays(third, 'refund my order', { intent: 'request_return', confidence: 0.9 })
    await system.workflow.requestHandOff({ conversationId: third, reasons: ['explicit-request'] })
    const fourth = await openConversation('en')
    await shopperSays(fourth, 'refund please', { intent: 'request_return', confidence: 0.9 })
    await system.workflow.requestHandOff({ conversationId: fourth, reasons: ['explicit-request'] })
    const fifth = await openConversation('en')
    await shopperSays(fifth, 'I want my money back', { intent: 'request_return', confidence: 0.9 })
    await system.workflow.requestHandOff({ conversationId: fifth, reasons: ['explicit-request'] })

    const handOvers = await Promise.all(
      [first, second, third, fourth, fifth].map((id) => system.inbox.findOpenHandOver(id)),
    )
    expect(handOvers.map((handOver) => handOver?.offeredAgentId ?? handOver?.status)).toEqual([
      members.aisha.id,
      members.daniel.id,
      members.weiLing.id,
      'queued',
      'queued',
    ])
    const places = await Promise.all(
      handOvers.map((handOver) => system.workflow.findQueuePlace(handOver?.id ?? '')),
    )
    // Offered: next, within the accept timeout. Queued: in arrival order; one handling time of
    // 5 minutes is known and three seats are online, so each is one round away.
    expect(places).toEqual([
      { position: 1, waitMinutes: 1 },
      { position: 1, waitMinutes: 1 },
      { position: 1, waitMinutes: 1 },
      { position: 1, waitMinutes: 5 },
      { position: 2, waitMinutes: 5 },
    ])
    expect((await transcript(fifth)).at(-1)).toBe(
      'bot: I have asked a colleague to help you. You are number 2 in the queue — the wait is about 5 min.',
    )
    for (const handOver of handOvers) {
      if (handOver !== undefined) await system.inbox.resolve(handOver.id)
    }
  })

  it('offers the hand-over to the next agent when the first does not accept in time', async () => {
    const conversationId = await openConversation('ms')
    await shopperSays(conversationId, 'nak tukar saiz', {
      intent: 'exchange_item',
      confidence: 0.9,
    })
    await system.workflow.requestHandOff({ conversationId, reasons: ['explicit-request'] })
    const offered = await system.inbox.findOpenHandOver(conversationId)
    expect(offered?.offeredAgentId).toBe(members.aisha.id)
    clock.advance(defaultHandOffSettingsValues.acceptTimeoutMs - 1)
    expect(await system.workflow.sweepExpiredOffers()).toBe(0)
    clock.advance(1)
    expect(await system.workflow.sweepExpiredOffers()).toBe(1)
    const rerouted = await system.inbox.findOpenHandOver(conversationId)
    expect(rerouted).toMatchObject({
      status: 'offered',
      offeredAgentId: members.daniel.id,
      excludedAgentIds: [members.aisha.id],
    })
    const late = await system.workflow.agentJoins({
      handOverId: rerouted?.id ?? '',
      agentId: members.aisha.id,
    })
    expect(late).toEqual({ ok: false, reason: 'not-offered-to-you' })
    await system.inbox.resolve(rerouted?.id ?? '')
  })

  it('leaves a ticket and keeps the contact when nobody is online', async () => {
    await setPresence('offline')
    try {
      const conversationId = await openConversation('en')
      await shopperSays(conversationId, 'someone used my card', {
        intent: 'report_fraud',
        confidence: 0.95,
      })
      const { outcome, handOver } = await system.workflow.requestHandOff({
        conversationId,
        reasons: ['sensitive-intent'],
      })
      expect(outcome).toBe('ticket')
      expect(handOver.topic).toBe('fraud')
      expect((await transcript(conversationId)).at(-1)).toMatch(/^bot: Our team is not available/)
      await shopperSays(conversationId, 'reach me at mei.lin@example.com please')
      expect(await system.inbox.getHandOver(handOver.id)).toMatchObject({
        status: 'ticket',
        contact: { email: 'mei.lin@example.com' },
      })
      expect((await transcript(conversationId)).at(-1)).toBe(
        'bot: Thank you. We will contact you at mei.lin@example.com.',
      )
    } finally {
      await setPresence('online')
    }
  })

  it('leaves a ticket outside business hours even with agents online', async () => {
    const saved = clock.now()
    clock.set('2026-11-24T15:00:00.000Z') // 23:00 in Kuala Lumpur
    try {
      const conversationId = await openConversation('zh-Hant')
      await shopperSays(conversationId, '我要找真人', {
        intent: 'contact_human_agent',
        confidence: 0.9,
      })
      const { outcome } = await system.workflow.requestHandOff({ conversationId, reasons: [] })
      expect(outcome).toBe('ticket')
      expect((await transcript(conversationId)).at(-1)).toBe(
        'bot: 我們的團隊目前無法接聽。請在此留下您的電郵或電話號碼，我們會盡快回覆您。',
      )
    } finally {
      clock.set(saved)
    }
  })

  async function botRecognizes(
    conversationId: string,
    text: string,
    intent: string,
    confidence: number,
    answeredQuestion = false,
  ) {
    const message = await shopperSays(conversationId, text, { intent, confidence })
    await system.eventBus.publish({
      type: 'intent.recognized',
      aggregateId: conversationId,
      payload: { messageId: message.id, intent, confidence, answeredQuestion },
    })
  }

  async function addCustomer(id: string, tier: string) {
    await system.db
      .insertInto('customers')
      .values({
        id,
        handle: null,
        first_name: 'Mei',
        last_name: 'Lin',
        email: `${id}@example.com`,
        phone: null,
        locale: 'en',
        marketing_consent: 0,
        loyalty_points: 4200,
        loyalty_tier: tier,
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
        erased_at: null,
      })
      .execute()
  }

  it('hands over after two turns the bot understood badly, by the configured rule', async () => {
    const conversationId = await openConversation('en')
    await botRecognizes(conversationId, 'the thing with the stuff', 'out_of_scope', 0.2)
    expect(await system.inbox.findOpenHandOver(conversationId)).toBeUndefined()
    await botRecognizes(conversationId, 'you know, the blue one', 'product_info', 0.3)
    const handOver = await system.inbox.findOpenHandOver(conversationId)
    expect(handOver?.reasons).toEqual(['low-confidence'])
    expect((await system.conversations.getConversation(conversationId)).status).toBe(
      'waiting-for-agent',
    )
    const candidates = await system.inbox.listTrainingCandidates('pending')
    expect(candidates.map((candidate) => candidate.text)).toEqual(
      expect.arrayContaining(['the thing with the stuff', 'you know, the blue one']),
    )
    if (handOver !== undefined) await system.inbox.resolve(handOver.id)
  })

  it('hands a VIP customer to a person with their profile in the summary', async () => {
    await addCustomer('cus_vip', 'platinum')
    const conversationId = await openConversation('en', 'cus_vip')
    await botRecognizes(conversationId, 'where is my order', 'track_order', 0.97)
    const handOver = await system.inbox.findOpenHandOver(conversationId)
    expect(handOver).toMatchObject({ reasons: ['vip-customer'], topic: 'orders' })
    expect(handOver?.summary).toMatchObject({
      customer: { name: 'Mei Lin', loyaltyTier: 'platinum', loyaltyPoints: 4200 },
    })
    if (handOver !== undefined) await system.inbox.resolve(handOver.id)
  })

  it('hands over a customer whose checkout fraud screening flagged for review', async () => {
    await addCustomer('cus_review', 'silver')
    await system.db
      .insertInto('fraud_screenings')
      .values({
        id: 'frd_review_1',
        checkout_reference: 'chk_1',
        customer_id: 'cus_review',
        score: 70,
        decision: 'review',
        reasons: '[]',
        created_at: clock.now().toISOString(),
      })
      .execute()
    const conversationId = await openConversation('en', 'cus_review')
    await botRecognizes(conversationId, 'hi', 'greeting', 0.99)
    const handOver = await system.inbox.findOpenHandOver(conversationId)
    expect(handOver?.reasons).toEqual(['order-under-review'])
    if (handOver !== undefined) await system.inbox.resolve(handOver.id)
  })

  it('leaves a confident ordinary turn with the bot', async () => {
    await addCustomer('cus_regular', 'silver')
    const conversationId = await openConversation('en', 'cus_regular')
    await botRecognizes(conversationId, 'show me running shoes', 'product_search', 0.95)
    expect(await system.inbox.findOpenHandOver(conversationId)).toBeUndefined()
    expect((await system.conversations.getConversation(conversationId)).status).toBe('bot-active')
  })

  it('leaves the bot in charge when a message it read as a fraud report answered its own question', async () => {
    const conversationId = await openConversation('en')
    // "save my card" answering "Save Visa •••• 4242 for next time?" reads as report_fraud alone.
    await botRecognizes(conversationId, 'save my card', 'report_fraud', 0.69, true)
    expect(await system.inbox.findOpenHandOver(conversationId)).toBeUndefined()
    expect((await system.conversations.getConversation(conversationId)).status).toBe('bot-active')
    // The same reading as a message of its own is a fraud report: a person takes over.
    await botRecognizes(conversationId, 'someone used my card', 'report_fraud', 0.69)
    const handOver = await system.inbox.findOpenHandOver(conversationId)
    expect(handOver).toBeDefined()
    await system.inbox.resolve(handOver?.id ?? '')
  })

  it('transfers to another team, and the new agent is announced when they join', async () => {
    const conversationId = await openConversation('ms')
    await shopperSays(conversationId, 'nak pulangkan kasut', {
      intent: 'request_return',
      confidence: 0.9,
    })
    const { handOver } = await system.workflow.requestHandOff({
      conversationId,
      reasons: ['explicit-request'],
    })
    await system.workflow.agentJoins({ handOverId: handOver.id, agentId: members.aisha.id })
    const refused = await system.workflow.transferHandOver({
      handOverId: handOver.id,
      fromAgentId: members.weiLing.id,
      isAdmin: false,
      toTeam: 'sales',
    })
    expect(refused).toEqual({ ok: false, reason: 'not-your-conversation' })
    const transferred = await system.workflow.transferHandOver({
      handOverId: handOver.id,
      fromAgentId: members.aisha.id,
      isAdmin: false,
      toTeam: 'sales',
    })
    expect(transferred).toMatchObject({
      ok: true,
      value: { status: 'offered', offeredAgentId: members.daniel.id, team: 'sales' },
    })
    expect((await system.conversations.getConversation(conversationId)).status).toBe('agent-active')
    await system.workflow.agentJoins({ handOverId: handOver.id, agentId: members.daniel.id })
    expect((await transcript(conversationId)).slice(-3)).toEqual([
      'agent: Aisha (support) telah menyertai perbualan.',
      'agent: Biar saya cari rakan sekerja lain untuk anda.',
      'agent: Daniel (sales) telah menyertai perbualan.',
    ])
    await system.inbox.resolve(handOver.id)
  })

  it('sends a single-use coupon the agent approved and notes who approved it', async () => {
    const conversationId = await openConversation('en')
    await shopperSays(conversationId, 'can I get a discount for my wedding order?', {
      intent: 'request_special_discount',
      confidence: 0.9,
    })
    const { handOver } = await system.workflow.requestHandOff({
      conversationId,
      reasons: ['sensitive-intent'],
    })
    expect(handOver).toMatchObject({ topic: 'sales', offeredAgentId: members.daniel.id })
    await expect(
      system.workflow.approveSpecialDiscount({
        conversationId,
        agentId: members.aisha.id,
        isAdmin: false,
        percent: 50,
        validDays: 7,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' })
    const coupon = await system.workflow.approveSpecialDiscount({
      conversationId,
      agentId: members.daniel.id,
      isAdmin: false,
      percent: 15,
      validDays: 7,
    })
    expect(coupon.code).toMatch(/^VIP/)
    expect(coupon.expiresAt).toBe(new Date(clock.now().getTime() + 7 * 86_400_000).toISOString())
    expect((await transcript(conversationId)).at(-1)).toBe(
      `bot: Good news: Daniel approved a special discount for you. Use the code ${coupon.code} at checkout (15% off, one use, valid until ${coupon.expiresAt.slice(0, 10)}).`,
    )
    expect(await system.inbox.listNotes(conversationId)).toMatchObject([
      { authorId: members.daniel.id, body: expect.stringContaining(coupon.code) },
    ])
    const promotion = await system.db
      .selectFrom('coupon_codes')
      .selectAll()
      .where('code', '=', coupon.code)
      .executeTakeFirst()
    expect(promotion).toBeDefined()
    await system.inbox.resolve(handOver.id)
  })

  it('withdraws a waiting hand-over when the conversation is closed before anyone took it', async () => {
    await setPresence('offline')
    await system.staff.setPresence(members.daniel.id, 'online')
    try {
      const conversationId = await openConversation('en')
      await shopperSays(conversationId, 'a person please', {
        intent: 'contact_human_agent',
        confidence: 0.9,
      })
      const { handOver } = await system.workflow.requestHandOff({
        conversationId,
        reasons: ['explicit-request'],
      })
      expect(handOver.status).toBe('offered')
      await system.conversations.changeStatus(conversationId, 'resolved', { by: 'bot' })
      expect(await system.inbox.getHandOver(handOver.id)).toMatchObject({ status: 'cancelled' })
      expect((await system.inbox.countOpenByAgent()).get(members.daniel.id) ?? 0).toBe(0)
    } finally {
      await setPresence('online')
    }
  })
})
