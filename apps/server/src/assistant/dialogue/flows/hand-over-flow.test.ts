import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('hand-over flow', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'I want to talk to a human', /connecting you with a person/],
    ['zh-Hant', '我要找真人客服', /轉接真人客服/],
    ['zh-Hans', '我要找人工客服', /转接人工客服/],
    ['ms', 'Saya nak bercakap dengan orang', /sambungkan anda dengan kakitangan/],
  ] as const)(
    'hands over on request in %s and says a person will join',
    async (locale, text, reply) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(text)
      chat.expectReply(reply)
      chat.expectEvent('conversation.handed-off', { reason: 'explicit-request' })
      expect((await chat.conversation()).status).toBe('waiting-for-agent')
    },
  )

  it.each([
    ['complaint', 'I want to make a complaint about your service', 'complaint', /sorry/],
    [
      'fraud report',
      'Someone made a fraudulent purchase with my credit card',
      'fraud-report',
      /security/,
    ],
    [
      'special discount',
      'Can you give me a special discount if I buy ten?',
      'special-discount',
      /Special prices/,
    ],
  ])('hands over by business rule on a %s', async (_name, text, reason, reply) => {
    const chat = await environment.startChat()
    await chat.userSays(text)
    chat.expectReply(reply)
    chat.expectEvent('conversation.handed-off', { reason })
  })

  it('hands over after repeated messages the bot cannot understand', async () => {
    const chat = await environment.startChat()
    await chat.userSays('qwzx plorf')
    chat.expectNoEvent('conversation.handed-off')
    await chat.userSays('xyz')
    await chat.userSays('zzkq fnord')
    chat.expectReply(/trouble understanding/)
    chat.expectEvent('conversation.handed-off', { reason: 'low-confidence' })
  })

  it('keeps the shopper messages and says once that a person is coming while waiting', async () => {
    const chat = await environment.startChat()
    await chat.userSays('I want to talk to a human')
    const first = await chat.userSays('hello? anyone there?')
    expect(first).toHaveLength(0)
    const second = await chat.userSays('still waiting')
    expect(second).toHaveLength(0)
    const history = await environment.conversations.listMessages(chat.conversationId, { limit: 50 })
    expect(history.filter((message) => message.direction === 'inbound')).toHaveLength(3)
  })
})
