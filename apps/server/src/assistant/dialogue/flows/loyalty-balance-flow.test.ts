import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { asksForOwnBalance } from './loyalty-balance-flow.ts'

interface Member {
  customerId: string
  email: string
  number: string
}

const script = {
  en: {
    ask: 'how many points do I have?',
    verify: /check it is you/,
    yes: 'yes',
    no: 'no',
    balance: /You have 1,240 points \(Silver member\).*12\.40.*260 more points to reach Gold/,
    failed: /don't match our records/,
  },
  'zh-Hant': {
    ask: '我的積分有多少?',
    verify: /確認是您本人/,
    yes: '好',
    no: '不要',
    balance: /您有 1,240 點（銀卡會員）.*12\.40.*260 點即可升級為金卡/,
    failed: /不符/,
  },
  'zh-Hans': {
    ask: '我的积分有多少?',
    verify: /确认是您本人/,
    yes: '好的',
    no: '不要',
    balance: /您有 1,240 积分（银卡会员）.*12\.40.*260 积分就能升级为金卡/,
    failed: /不符/,
  },
  ms: {
    ask: 'berapa mata ganjaran saya?',
    verify: /pastikan ini anda/,
    yes: 'ya',
    no: 'tak',
    balance: /Anda ada 1,240 mata \(ahli Silver\).*12\.40.*260 mata lagi untuk ke tahap Gold/,
    failed: /tidak sepadan/,
  },
} as const

describe('loyalty-balance flow (points behind verification, the programme otherwise)', () => {
  let environment: TranscriptEnvironment
  let members: Member[]
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const rows = await environment.database.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.number', 'customers.email', 'customers.id'])
      .where('customers.email', 'is not', null)
      .orderBy('customers.id')
      .orderBy('orders.number')
      .execute()
    const seen = new Set<string>()
    members = []
    for (const row of rows) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      members.push({ customerId: row.id, email: row.email ?? '', number: row.number })
    }
    await environment.database.db
      .updateTable('customers')
      .set({ loyalty_points: 1_240, loyalty_tier: 'silver' })
      .where(
        'id',
        'in',
        members.map((member) => member.customerId),
      )
      .execute()
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  function member(index: number): Member {
    const found = members[index]
    if (found === undefined) throw new Error('the demo store has too few customers with orders')
    return found
  }

  it.each(Object.keys(script).map((locale, index) => [locale, index] as const))(
    'shows the balance, tier and worth in %s after the shopper verifies with e-mail and an order number',
    async (locale, index) => {
      const lines = script[locale as keyof typeof script]
      const shopper = member(index)
      const chat = await environment.startChat({ locale: locale as keyof typeof script })
      await chat.userSays(lines.ask)
      chat.expectEvent('flow.started', { flow: 'loyalty-balance' })
      chat.expectReply(lines.verify)
      chat.expectNoEvent('loyalty.balance-shown')
      await chat.userSays(lines.yes)
      await chat.userSays(shopper.email)
      chat.expectNoEvent('loyalty.balance-shown')
      await chat.userSays(shopper.number)
      chat.expectReply(lines.balance)
      chat.expectEvent('loyalty.balance-shown', { customerId: shopper.customerId, points: 1_240 })
    },
  )

  it.each(Object.keys(script) as (keyof typeof script)[])(
    'quotes the programme instead, never a balance, when the shopper would rather not verify in %s',
    async (locale) => {
      const lines = script[locale]
      const chat = await environment.startChat({ locale })
      await chat.userSays(lines.ask)
      await chat.userSays(lines.no)
      chat.expectEvent('policy.answered', { slug: 'loyalty-programme' })
      chat.expectNoEvent('loyalty.balance-shown')
      expect(chat.lastReplyText()).not.toContain('1,240')
    },
  )

  it.each(Object.keys(script) as (keyof typeof script)[])(
    'refuses the balance when the e-mail does not match the order in %s',
    async (locale) => {
      const lines = script[locale]
      const chat = await environment.startChat({ locale })
      await chat.userSays(lines.ask)
      await chat.userSays(lines.yes)
      await chat.userSays('someone.else@example.com')
      await chat.userSays(member(4).number)
      chat.expectReply(lines.failed)
      chat.expectNoEvent('loyalty.balance-shown')
    },
  )

  it('answers a signed-in customer at once, and a verified shopper without asking again', async () => {
    const signedIn = await environment.startChat({ customerId: member(5).customerId })
    await signedIn.userSays('what is my loyalty points balance?')
    signedIn.expectReply(/You have 1,240 points/)
    signedIn.expectEvent('loyalty.balance-shown', { customerId: member(5).customerId })

    const chat = await environment.startChat()
    await chat.userSays('how many points do I have?')
    await chat.userSays('yes')
    await chat.userSays(member(6).email)
    await chat.userSays(member(6).number)
    chat.expectEvent('loyalty.balance-shown')
    await chat.userSays('how many points do I have left?')
    chat.expectReply(/You have 1,240 points/)
  })

  it('quotes the programme when the question is how points work', async () => {
    const chat = await environment.startChat({ locale: 'zh-Hant' })
    await chat.userSays('積分要怎麼累積?')
    chat.expectEvent('policy.answered', { slug: 'loyalty-programme' })
    chat.expectNoEvent('loyalty.balance-shown')
  })

  it('tells a balance question from a programme question', () => {
    expect(asksForOwnBalance('how many points do I have')).toBe(true)
    expect(asksForOwnBalance('berapa mata ganjaran saya')).toBe(true)
    expect(asksForOwnBalance('我的積分有多少')).toBe(true)
    expect(asksForOwnBalance('How do I earn loyalty points?')).toBe(false)
    expect(asksForOwnBalance('積分要怎麼累積?')).toBe(false)
  })
})
