import { afterAll, beforeAll, describe, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('policy flow', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'What is your return policy?', /Returns and refunds — /, 'returns-and-refunds'],
    ['en', 'How much is shipping to Singapore?', /Shipping/, 'shipping'],
    ['zh-Hant', '退貨政策是什麼?', /退換貨與退款.*30 天/s, 'returns-and-refunds'],
    ['zh-Hans', '运费多少?', /运/, 'shipping'],
    ['zh-Hans', '退货政策是什么?', /退/, 'returns-and-refunds'],
    ['ms', 'Apakah polisi pemulangan?', /Pemulangan|pulang/i, 'returns-and-refunds'],
    ['ms', 'Berapa kos penghantaran?', /Penghantaran|penghantaran/, 'shipping'],
  ] as const)(
    'quotes the relevant policy section in %s when asked "%s"',
    async (locale, question, reply, slug) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(question)
      chat.expectReply(reply)
      chat.expectEvent('policy.answered', { slug, locale })
      chat.expectEvent('flow.completed', { flow: 'policy' })
    },
  )

  it('answers payment and loyalty questions from their own documents', async () => {
    const chat = await environment.startChat()
    await chat.userSays('What payment methods do you accept?')
    chat.expectEvent('policy.answered', { slug: 'payment-methods' })
    await chat.userSays('How do I earn loyalty points?')
    chat.expectEvent('policy.answered', { slug: 'loyalty-programme' })
  })
})
