import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'

describe('small-talk flows (greeting, thanks, goodbye, affirm, deny)', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  })
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'hello there', /shopping assistant/, /You're welcome/, /Goodbye/],
    ['zh-Hant', '你好', /購物小幫手/, /不客氣/, /再見/],
    ['zh-Hans', '您好', /购物小助手/, /不客气/, /再见/],
    ['ms', 'Selamat pagi', /pembantu beli-belah/, /Sama-sama/, /Selamat tinggal/],
  ] as const)(
    'greets, thanks and says goodbye in %s when the shopper does',
    async (locale, hello, greeting, thanks, goodbye) => {
      const chat = await environment.startChat({ locale })
      await chat.userSays(hello)
      chat.expectReply(greeting)
      chat.expectEvent('intent.recognized', { intent: 'greeting' })
      chat.expectEvent('flow.completed', { flow: 'greeting' })
      chat.expectEvent('message.sent')
      await chat.userSays(
        { en: 'thanks', 'zh-Hant': '謝謝', 'zh-Hans': '谢谢', ms: 'terima kasih' }[locale],
      )
      chat.expectReply(thanks)
      await chat.userSays(
        { en: 'bye', 'zh-Hant': '再見', 'zh-Hans': '再见', ms: 'selamat tinggal' }[locale],
      )
      chat.expectReply(goodbye)
      chat.expectEvent('conversation.resolved')
      expect((await chat.conversation()).status).toBe('resolved')
    },
  )

  it('greets a new conversation in the requested language when it opens', async () => {
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    expect(chat.opening.map((message) => message.content.type)).toEqual(['quick-replies'])
    expect(JSON.stringify(chat.opening[0]?.content)).toContain('購物小幫手')
  })

  it('answers a bare yes or no when nothing was asked', async () => {
    const chat = await environment.startChat()
    await chat.userSays('yes')
    chat.expectReply(/What would you like to do next/)
    await chat.userSays('no')
    chat.expectReply(/anything else/)
  })

  it('answers in the language the shopper switches to when they change language mid-conversation', async () => {
    const chat = await environment.startChat({ locale: 'en' })
    await chat.userSays('謝謝你')
    chat.expectReply(/不客氣/)
    expect((await chat.conversation()).locale).toBe('zh-Hant')
  })

  it('reopens a resolved conversation when the shopper comes back', async () => {
    const chat = await environment.startChat()
    await chat.userSays('bye')
    await chat.userSays('hi')
    chat.expectReply(/shopping assistant/)
    expect((await chat.conversation()).status).toBe('bot-active')
  })
})
