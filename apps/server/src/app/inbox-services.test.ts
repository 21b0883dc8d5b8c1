import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRecognizer, type TrainingExample } from '../assistant/nlu/index.ts'
import { createInboxService } from '../domains/inbox/index.ts'
import { createManualClock } from '../shared/clock.ts'
import { createSequentialIdGenerator } from '../shared/ids.ts'
import { createTestDatabase } from '../testing/test-database.ts'
import { join } from 'node:path'
import { ConfigurationError, loadConfiguration, repositoryRoot } from './config.ts'
import { loadApprovedTrainingExamples, seedDemoCannedResponses } from './inbox-services.ts'

// A small training set, so the test trains in milliseconds; the flow is the same with the full data.
const base: TrainingExample[] = [
  ...['where is my order', 'track my parcel', 'has my order shipped', 'order status please'].map(
    (text) => ({ text, intent: 'track_order' as const, language: 'en' as const }),
  ),
  ...['I want to return this', 'how do I send it back', 'return my shoes', 'refund and return'].map(
    (text) => ({ text, intent: 'request_return' as const, language: 'en' as const }),
  ),
  ...['hello', 'hi there', 'good morning', 'hey'].map((text) => ({
    text,
    intent: 'greeting' as const,
    language: 'en' as const,
  })),
]

describe('loadApprovedTrainingExamples', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('teaches the next training a phrase agents labelled when an admin approved it', async () => {
    const inbox = createInboxService({
      db: database.handle.db,
      clock: createManualClock(),
      createId: createSequentialIdGenerator(),
    })
    const phrase = 'barang tak sampai lagi'
    await inbox.addTrainingCandidates(
      ['barang tak sampai lagi', 'barang belum sampai', 'bila barang sampai'].map(
        (text, index) => ({
          conversationId: 'conv_learning',
          messageId: `msg_learning_${index}`,
          text,
          locale: 'ms',
          predictedIntent: 'greeting',
          confidence: 0.3,
        }),
      ),
    )
    const candidates = await inbox.listTrainingCandidates('pending')
    for (const candidate of candidates) {
      await inbox.labelTrainingCandidate(candidate.id, 'track_order', 'agt_aisha')
    }
    expect(await loadApprovedTrainingExamples(inbox)).toEqual([])
    const before = createRecognizer({
      trainingExamples: base,
      extraExamples: await loadApprovedTrainingExamples(inbox),
    })
    for (const candidate of candidates) {
      await inbox.reviewTrainingCandidate(candidate.id, 'approved', 'agt_admin')
    }
    const extra = await loadApprovedTrainingExamples(inbox)
    expect(extra).toContainEqual({ text: phrase, intent: 'track_order', language: 'ms' })
    const after = createRecognizer({ trainingExamples: base, extraExamples: extra })
    expect(before.recognize(phrase).intent).not.toBe('track_order')
    expect(after.recognize(phrase).intent).toBe('track_order')
  })

  it('leaves out labels that are not intents of the contract', async () => {
    const examples = await loadApprovedTrainingExamples({
      listApprovedExamples: async () => [
        { text: 'x', intent: 'retired_intent', locale: 'en' },
        { text: 'hi', intent: 'greeting', locale: 'klingon' },
      ],
    })
    expect(examples).toEqual([{ text: 'hi', intent: 'greeting' }])
  })
})

describe('seedDemoCannedResponses', () => {
  it('loads the demo canned responses in four languages twice without duplicates', async () => {
    const database = await createTestDatabase('sqlite')
    try {
      const inbox = createInboxService({
        db: database.handle.db,
        clock: createManualClock(),
        createId: createSequentialIdGenerator(),
      })
      const demoDirectory = join(repositoryRoot, 'data', 'demo')
      expect(await seedDemoCannedResponses(inbox, demoDirectory)).toBe(3)
      await seedDemoCannedResponses(inbox, demoDirectory)
      const saved = await inbox.listCannedResponses()
      expect(saved.map((entry) => entry.shortcut)).toEqual(['closing', 'greeting', 'order-check'])
      for (const entry of saved) {
        expect(Object.keys(entry.body).sort()).toEqual(['en', 'ms', 'zh-Hans', 'zh-Hant'])
      }
    } finally {
      await database.dispose()
    }
  })
})

describe('hand-over configuration', () => {
  it('is always open with a one-minute accept timeout and the default rules when unset', () => {
    const { handOver } = loadConfiguration({})
    expect(handOver.acceptTimeoutMs).toBe(60_000)
    expect(Object.keys(handOver.businessHours.weekly)).toHaveLength(7)
    expect(handOver.rules.alwaysHandOverIntents).toContain('report_fraud')
  })

  it('reads business hours, rules and the accept timeout when they are set', () => {
    const { handOver } = loadConfiguration({
      KEDAI_BUSINESS_HOURS: '{"timezone":"Asia/Taipei","weekly":{"mon":[["10:00","19:00"]]}}',
      KEDAI_HANDOVER_RULES:
        '{"vipTiers":["gold"],"lowConfidence":{"threshold":0.3,"consecutiveTurns":2}}',
      KEDAI_HANDOVER_ACCEPT_SECONDS: '30',
    })
    expect(handOver).toMatchObject({
      businessHours: { timezone: 'Asia/Taipei', weekly: { mon: [['10:00', '19:00']] } },
      rules: { vipTiers: ['gold'], lowConfidence: { threshold: 0.3, consecutiveTurns: 2 } },
      acceptTimeoutMs: 30_000,
    })
  })

  it('names each invalid hand-over variable when they are wrong', () => {
    let problems: readonly { variable: string }[] = []
    try {
      loadConfiguration({
        KEDAI_BUSINESS_HOURS: 'nine to five',
        KEDAI_HANDOVER_RULES: '{"lowConfidence":{"threshold":3,"consecutiveTurns":1}}',
        KEDAI_HANDOVER_ACCEPT_SECONDS: '1',
      })
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error
      problems = error.problems
    }
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'KEDAI_BUSINESS_HOURS',
      'KEDAI_HANDOVER_ACCEPT_SECONDS',
      'KEDAI_HANDOVER_RULES',
    ])
  })
})
