import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  tapPayload,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { readRating } from './feedback-flow.ts'

describe('feedback flow (thanks, feedback.received, star ratings)', () => {
  let environment: TranscriptEnvironment
  beforeAll(async () => {
    environment = await createTranscriptEnvironment()
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  it.each([
    ['en', 'I want to leave feedback', /Thank you for your feedback/, /Thanks for the rating/],
    ['zh-Hant', '我想留下意見', /謝謝您的意見/, /謝謝您的評分/],
    ['zh-Hans', '我想提意见', /谢谢您的反馈/, /谢谢您的评分/],
    ['ms', 'saya nak beri maklum balas', /Terima kasih atas maklum balas/, /penilaian anda/],
  ] as const)(
    'thanks the shopper, stores the feedback and takes a star rating in %s',
    async (locale, text, thanks, rated) => {
      const chat = await environment.startChat({ locale })
      const replies = await chat.userSays(text)
      chat.expectEvent('flow.completed', { flow: 'feedback' })
      chat.expectReply(thanks)
      chat.expectChoice('★★★★★')
      chat.expectEvent('feedback.received', { text, rating: null, locale })
      await tapPayload(chat, replies, 'rating-4')
      chat.expectReply(rated)
      chat.expectEvent('feedback.rated', { rating: 4 })
      chat.expectNoEvent('feedback.received')
    },
  )

  it('keeps the rating the shopper typed with the feedback and asks for none', async () => {
    const chat = await environment.startChat()
    await chat.userSays('great service, 5 stars')
    chat.expectEvent('feedback.received', { text: 'great service, 5 stars', rating: 5 })
    expect(chat.lastReplyText()).not.toContain('★')
  })

  it('reads ratings in every language', () => {
    expect(readRating('/intent:feedback?option=rating-3')).toBe(3)
    expect(readRating('4 stars')).toBe(4)
    expect(readRating('給 5 顆星')).toBe(5)
    expect(readRating('saya beri 2 bintang')).toBe(2)
    expect(readRating('the app is slow')).toBeUndefined()
  })
})
