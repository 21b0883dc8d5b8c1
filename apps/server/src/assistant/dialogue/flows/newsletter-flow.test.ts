import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('newsletter flow (slots, validation, digression, correction, confirmation, cancel)', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    [
      'en',
      'I want to subscribe to your newsletter',
      /email address/,
      /doesn't look like/,
      'How much is shipping?',
      /back to where we were/,
      /Subscribe ada@example\.com/,
      'yes',
      /Done!/,
    ],
    [
      'zh-Hant',
      '我想訂閱電子報',
      /電子郵件地址/,
      /不像電子郵件/,
      '運費多少?',
      /繼續剛才/,
      /ada@example\.com 訂閱/,
      '好',
      /完成/,
    ],
    [
      'zh-Hans',
      '我想订阅电子报',
      /电子邮箱地址/,
      /不像电子邮箱/,
      '运费多少?',
      /继续刚才/,
      /ada@example\.com 订阅/,
      '好的',
      /完成/,
    ],
    [
      'ms',
      'Saya nak subscribe newsletter',
      /alamat e-mel/i,
      /bukan alamat e-mel/,
      'Berapa kos penghantaran?',
      /sambung semula/,
      /Langgan surat berita kami dengan ada@example\.com/,
      'ya',
      /Siap!/,
    ],
  ] as const)(
    'collects and confirms an email in %s, answering a shipping question in the middle',
    async (locale, start, ask, invalid, digression, resumed, confirm, yes, done) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(start)
      chat.expectReply(ask)
      chat.expectEvent('flow.started', { flow: 'newsletter' })
      await chat.userSays('ada@')
      chat.expectReply(invalid)
      await chat.userSays(digression)
      chat.expectEvent('policy.answered', { slug: 'shipping' })
      chat.expectReply(resumed)
      chat.expectReply(ask)
      await chat.userSays('ada@example.com')
      chat.expectReply(confirm)
      chat.expectNoEvent('newsletter.subscribed')
      await chat.userSays(yes)
      chat.expectReply(done)
      chat.expectEvent('newsletter.subscribed', { email: 'ada@example.com' })
      chat.expectEvent('flow.completed', { flow: 'newsletter' })
    },
  )

  it('takes a correction at the confirmation and asks again with the new value', async () => {
    const chat = await environment.startChat()
    await chat.userSays('sign me up for the newsletter')
    await chat.userSays('ada@example.com')
    chat.expectReply(/Subscribe ada@example\.com/)
    await chat.userSays('no, use grace@example.org')
    chat.expectReply(/Subscribe grace@example\.org/)
    await chat.userTaps('Yes')
    chat.expectEvent('newsletter.subscribed', { email: 'grace@example.org' })
  })

  it('stops when the shopper cancels, and records the flow as abandoned', async () => {
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('我想訂閱電子報')
    await chat.userSays('算了')
    chat.expectReply(/已經取消/)
    chat.expectEvent('flow.abandoned', { flow: 'newsletter', reason: 'cancelled' })
    await chat.userSays('取消')
    chat.expectReply(/沒有進行中/)
  })

  it('gives up after three invalid answers and offers a person', async () => {
    const chat = await environment.startChat()
    await chat.userSays('I want to subscribe to your newsletter')
    await chat.userSays('not-an-email@')
    await chat.userSays('still@wrong')
    chat.expectReply(/doesn't look like/)
    await chat.userSays('@@@')
    chat.expectReply(/leave that for now/)
    chat.expectChoice('Talk to a person')
    chat.expectEvent('flow.abandoned', { reason: 'too-many-attempts' })
  })

  it('declines at the confirmation without subscribing when the shopper says no', async () => {
    const chat = await environment.startChat({ locale: 'ms' })
    await chat.userSays('Saya nak subscribe newsletter')
    await chat.userSays('siti@example.my')
    await chat.userTaps('Tidak')
    chat.expectReply(/hentikan/)
    chat.expectNoEvent('newsletter.subscribed')
    expect((await chat.conversation()).status).toBe('bot-active')
  })
})

describe('dialogue engine fallbacks', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'qwzx plorf', /didn't understand/],
    ['zh-Hant', '😀😀', /不太明白/],
    ['ms', '🤷', /tidak faham/],
  ] as const)(
    'falls back with useful choices in %s when nothing is understood',
    async (locale, text, reply) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(text)
      chat.expectReply(reply)
      chat.expectEvent('intent.recognized', { intent: 'out_of_scope' })
    },
  )

  it('records the recognized intent and confidence on every turn', async () => {
    const chat = await environment.startChat()
    await chat.userSays('thanks')
    const event = chat.expectEvent('intent.recognized', { intent: 'thanks' })
    expect(event.payload['confidence']).toBeGreaterThan(0.5)
    const history = await environment.conversations.listMessages(chat.conversationId, { limit: 10 })
    expect(history.find((message) => message.direction === 'inbound')).toMatchObject({
      intent: 'thanks',
    })
  })

  it('says honestly that an intent has no flow yet and offers a person', async () => {
    const chat = await environment.startChat()
    await chat.userSays('I want to get an invoice for my order')
    chat.expectReply(/can't do that in chat yet/)
    await chat.userTaps('Talk to a person')
    chat.expectEvent('conversation.handed-off', { reason: 'explicit-request' })
  })
})
