import { describe, expect, it } from 'vitest'
import { buildHandOffSummary } from './build-hand-off-summary.ts'
import type { SummaryMessage } from './hand-off-summary.ts'
import { scoreSentiment } from './score-sentiment.ts'

let sequence = 0
const message = (
  authorRole: SummaryMessage['authorRole'],
  text: string,
  intent: string | null = null,
  confidence: number | null = null,
): SummaryMessage => {
  sequence += 1
  return {
    id: `msg_${sequence}`,
    authorRole,
    text,
    intent,
    confidence,
    createdAt: `2026-11-24T09:00:${String(sequence).padStart(2, '0')}.000Z`,
  }
}

describe('buildHandOffSummary', () => {
  it('says what the shopper wants, what the bot tried and the records when a customer hands over', () => {
    const summary = buildHandOffSummary({
      messages: [
        message('shopper', 'hi', 'greeting', 0.99),
        message('bot', 'Hello! How can I help?'),
        message('shopper', 'I was charged twice for order #W2378156', 'payment_issue', 0.41),
        message('bot', 'I can check your payment methods.'),
        message('bot', 'Which order do you mean?'),
        message('bot', 'Sorry, I did not get that.'),
        message('shopper', 'just get me a human', 'contact_human_agent', 0.95),
      ],
      reasons: ['explicit-request'],
      language: 'en',
      customer: {
        id: 'cus_1',
        name: 'Mei Lin',
        email: 'mei@example.com',
        phone: null,
        loyaltyTier: 'gold',
        loyaltyPoints: 1200,
        customerSince: '2024-01-01T00:00:00.000Z',
      },
      recentOrders: [
        {
          id: 'ord_1',
          number: '#W2378156',
          status: 'delivered',
          total: { amount: 25900, currency: 'MYR' },
          placedAt: '2026-11-20T00:00:00.000Z',
          itemCount: 2,
        },
      ],
      cart: null,
      policySections: [
        { slug: 'payment-methods', title: 'Cards', body: 'We accept Visa and Mastercard.' },
        {
          slug: 'payment-methods',
          title: 'Charged twice',
          body: 'If you were charged twice for one order, the extra charge is refunded in 5 days.',
        },
      ],
    })
    expect(summary).toMatchObject({
      wants: 'I was charged twice for order #W2378156',
      wantsIntent: 'payment_issue',
      botTried: [
        'I can check your payment methods.',
        'Which order do you mean?',
        'Sorry, I did not get that.',
      ],
      intents: [
        { intent: 'greeting', confidence: 0.99 },
        { intent: 'payment_issue', confidence: 0.41 },
        { intent: 'contact_human_agent', confidence: 0.95 },
      ],
      customer: { name: 'Mei Lin', loyaltyTier: 'gold' },
      recentOrders: [{ number: '#W2378156' }],
      policy: { title: 'Charged twice' },
      messageCount: 7,
    })
  })

  it('falls back to the latest shopper message when no intent is informative', () => {
    const summary = buildHandOffSummary({
      messages: [
        message('shopper', 'hello?', null, null),
        message('shopper', '人工客服', 'contact_human_agent', 0.9),
      ],
      reasons: ['explicit-request'],
      language: 'zh-Hans',
      customer: null,
      recentOrders: [],
      cart: null,
      policySections: [],
    })
    expect(summary).toMatchObject({ wants: '人工客服', policy: null, customer: null })
  })
})

describe('scoreSentiment', () => {
  it('reads anger in each of the four languages', () => {
    expect(scoreSentiment(['This is terrible, I am so angry']).label).toBe('negative')
    expect(scoreSentiment(['Saya sangat kecewa, barang rosak']).label).toBe('negative')
    expect(scoreSentiment(['我很生氣，東西壞了']).label).toBe('negative')
    expect(scoreSentiment(['我很生气，东西坏了']).label).toBe('negative')
  })

  it('reads thanks as positive and plain questions as neutral', () => {
    expect(scoreSentiment(['Terima kasih, bagus!']).label).toBe('positive')
    expect(scoreSentiment(['謝謝，很好']).label).toBe('positive')
    expect(scoreSentiment(['Where is my order?'])).toEqual({ label: 'neutral', score: 0 })
  })
})
