import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createTranscriptEnvironment,
  tapPayload,
  type TranscriptEnvironment,
} from '../../../testing/transcript.ts'
import { readAccountTopic } from './account-help-flow.ts'

interface Customer {
  id: string
  email: string
  number: string
  line1: string
}

const script = {
  en: {
    menu: 'account settings',
    password: 'I forgot my password',
    passwordHelp: /Forgot password\?/,
    delete: 'delete my account and data',
    askEmail: /which email address is your account under/,
    confirmDelete: /Delete your personal data\?/,
    kept: /nothing was deleted/,
    cards: /Your saved payment methods: .*Visa •••• 4242/,
    unsubscribed: /won't get marketing emails/,
    language: /we will write to you in 简体中文/,
  },
  'zh-Hant': {
    menu: '帳戶設定',
    password: '我忘記密碼了',
    passwordHelp: /忘記密碼？/,
    delete: '刪除我的帳戶',
    askEmail: /帳戶的電子郵件地址/,
    confirmDelete: /確定刪除您的個人資料嗎/,
    kept: /沒有刪除任何資料/,
    cards: /您已儲存的付款方式：.*Visa •••• 4242/,
    unsubscribed: /不會再收到行銷電子郵件/,
    language: /之後會用简体中文與您聯繫/,
  },
  'zh-Hans': {
    menu: '账户设置',
    password: '我忘记密码了',
    passwordHelp: /忘记密码？/,
    delete: '注销我的账户',
    askEmail: /账户的电子邮箱地址/,
    confirmDelete: /确定删除您的个人资料吗/,
    kept: /没有删除任何资料/,
    cards: /您已保存的支付方式：.*Visa •••• 4242/,
    unsubscribed: /不会再收到营销邮件/,
    language: /以后会用简体中文联系您/,
  },
  ms: {
    menu: 'tetapan akaun',
    password: 'macam mana nak tukar kata laluan akaun',
    passwordHelp: /Lupa kata laluan\?/,
    delete: 'hapuskan akaun saya',
    askEmail: /alamat e-mel akaun anda/,
    confirmDelete: /Padam data peribadi anda\?/,
    kept: /tiada apa-apa dipadam/,
    cards: /Kaedah pembayaran tersimpan anda: .*Visa •••• 4242/,
    unsubscribed: /tidak akan terima e-mel pemasaran/,
    language: /menghubungi anda dalam 简体中文/,
  },
} as const
const locales = Object.keys(script) as (keyof typeof script)[]

describe('account-help flow (sign-in help, saved details, preferences, data requests)', () => {
  let environment: TranscriptEnvironment
  let customers: Customer[]
  beforeAll(async () => {
    environment = await createTranscriptEnvironment({ demoStore: true })
    const rows = await environment.database.db
      .selectFrom('orders')
      .innerJoin('customers', 'customers.id', 'orders.customer_id')
      .innerJoin('customer_addresses', 'customer_addresses.customer_id', 'customers.id')
      .select(['customers.id', 'customers.email', 'orders.number', 'customer_addresses.line1'])
      .where('customers.email', 'is not', null)
      .orderBy('customers.id')
      .execute()
    const seen = new Set<string>()
    customers = []
    for (const row of rows) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      customers.push({ id: row.id, email: row.email ?? '', number: row.number, line1: row.line1 })
    }
    for (const [index, customer] of customers.slice(0, 4).entries()) {
      await environment.database.db
        .insertInto('payment_methods')
        .values({
          id: `pm_accounttest${String(index)}`,
          customer_id: customer.id,
          reference: `credit_card_test_${String(index)}`,
          kind: 'credit-card',
          brand: 'visa',
          last_four: '4242',
          balance_amount: null,
          currency: 'MYR',
          provider: 'sandbox',
          provider_token: 'tok_sandbox_approve_visa_4242',
          created_at: new Date().toISOString(),
          removed_at: null,
        })
        .execute()
    }
  }, 300_000)
  afterAll(async () => {
    await environment.dispose()
  })

  function customer(index: number): Customer {
    const found = customers[index]
    if (found === undefined) throw new Error('the demo store has too few customers with orders')
    return found
  }

  async function storedCustomer(id: string) {
    return environment.database.db
      .selectFrom('customers')
      .select(['email', 'locale', 'marketing_consent', 'erased_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  it.each(locales.map((locale, index) => [locale, index] as const))(
    'shows saved addresses and cards and changes marketing and language for a signed-in customer in %s',
    async (locale, index) => {
      const lines = script[locale]
      const shopper = customer(index)
      await environment.database.db
        .updateTable('customers')
        .set({ marketing_consent: 1 })
        .where('id', '=', shopper.id)
        .execute()
      const chat = await environment.startChat({ locale, customerId: shopper.id })
      let menu = await chat.userSays(lines.menu)
      chat.expectEvent('flow.started', { flow: 'account-help' })
      await tapPayload(chat, menu, 'option=addresses')
      chat.expectReply(shopper.line1)
      chat.expectEvent('account.addresses-shown')

      menu = await chat.userSays(lines.menu)
      await tapPayload(chat, menu, 'option=payment-methods')
      chat.expectReply(lines.cards)
      expect(chat.lastReplyText()).not.toContain('tok_')

      menu = await chat.userSays(lines.menu)
      const marketing = await tapPayload(chat, menu, 'option=marketing')
      await tapPayload(chat, marketing, 'option=unsubscribe')
      chat.expectReply(lines.unsubscribed)
      chat.expectEvent('customer.marketing-consent-changed', { consent: false })
      expect((await storedCustomer(shopper.id)).marketing_consent).toBe(0)

      menu = await chat.userSays(lines.menu)
      const languages = await tapPayload(chat, menu, 'option=language')
      // The shopper's choice becomes the conversation's language at once: the confirmation is in it.
      const chosen = locale === 'zh-Hans' ? 'en' : 'zh-Hans'
      await tapPayload(chat, languages, `option=${chosen}`)
      chat.expectReply(chosen === 'en' ? /write to you in English/ : script['zh-Hans'].language)
      expect((await storedCustomer(shopper.id)).locale).toBe(chosen)
      const conversation = await environment.database.db
        .selectFrom('conversations')
        .select('locale')
        .where('id', '=', chat.conversationId)
        .executeTakeFirstOrThrow()
      expect(conversation.locale).toBe(chosen)
    },
  )

  it.each(locales)(
    'explains what to do about sign-in problems and offers a person in %s',
    async (locale) => {
      const lines = script[locale]
      const chat = await environment.startChat({ locale })
      await chat.userSays(lines.password)
      chat.expectEvent('flow.completed', { flow: 'account-help' })
      chat.expectReply(lines.passwordHelp)
      chat.expectChoice(/person|專人|真人|人工|orang|kakitangan/i)
    },
  )

  it.each(locales.map((locale, index) => [locale, index + 4] as const))(
    'verifies, asks for explicit confirmation and keeps everything when the shopper declines erasure in %s',
    async (locale, index) => {
      const lines = script[locale]
      const shopper = customer(index)
      const chat = await environment.startChat({ locale })
      await chat.userSays(lines.delete)
      chat.expectReply(lines.askEmail)
      await chat.userSays(shopper.email)
      const question = await chat.userSays(shopper.number)
      chat.expectReply(lines.confirmDelete)
      await tapPayload(chat, question, '/no')
      chat.expectReply(lines.kept)
      chat.expectNoEvent('customer.erased')
      expect(await storedCustomer(shopper.id)).toMatchObject({
        email: shopper.email,
        erased_at: null,
      })
    },
  )

  it('erases the personal data after the shopper confirms', async () => {
    const shopper = customer(8)
    const chat = await environment.startChat()
    await chat.userSays('delete my account and data')
    await chat.userSays(shopper.email)
    await chat.userSays(shopper.number)
    await chat.userTaps('Yes, delete my data')
    chat.expectReply(/personal data has been erased/)
    chat.expectEvent('customer.erasure-requested-in-conversation', { customerId: shopper.id })
    const stored = await storedCustomer(shopper.id)
    expect(stored.email).toBeNull()
    expect(stored.erased_at).not.toBeNull()
  })

  it('refuses personal details when the e-mail does not match, before asking anything else', async () => {
    const chat = await environment.startChat()
    await chat.userSays('delete my account and data')
    await chat.userSays('not-the-owner@example.com')
    await chat.userSays(customer(9).number)
    chat.expectReply(/don't match our records/)
    chat.expectNoEvent('customer.erased')
    expect((await storedCustomer(customer(9).id)).erased_at).toBeNull()
  })

  it.each(locales.map((locale, index) => [locale, index + 10] as const))(
    'sends a short-lived link to a copy of the personal data in %s',
    async (locale, index) => {
      const shopper = customer(index)
      const chat = await environment.startChat({ locale, customerId: shopper.id })
      const menu = await chat.userSays(script[locale].menu)
      const replies = await tapPayload(chat, menu, 'option=export')
      chat.expectReply(/15/)
      const file = replies.find((reply) => reply.content.type === 'file')
      expect(file?.content).toMatchObject({ type: 'file', mediaType: 'application/json' })
      expect(JSON.stringify(file?.content)).toMatch(/\/api\/store\/customers\/data-export\?token=/)
      chat.expectEvent('customer.data-exported', { customerId: shopper.id })
    },
  )

  it.each([
    [
      'en',
      'unsubscribe me from marketing emails',
      /won't get marketing emails/,
      /tap "Unsubscribe"/,
    ],
    ['zh-Hant', '我想取消訂閱電子報', /不會再收到行銷電子郵件/, /取消訂閱」/],
    ['zh-Hans', '我要退订电子报', /不会再收到营销邮件/, /“退订”/],
    [
      'ms',
      'saya nak berhenti langgan newsletter',
      /tidak akan terima e-mel pemasaran/,
      /tekan "Unsubscribe"/,
    ],
  ] as const)(
    'withdraws marketing consent instead of subscribing when the shopper asks to unsubscribe in %s',
    async (locale, text, withdrawn, how) => {
      const shopper = customer(14 + locales.indexOf(locale))
      await environment.database.db
        .updateTable('customers')
        .set({ marketing_consent: 1 })
        .where('id', '=', shopper.id)
        .execute()
      const chat = await environment.startChat({ locale, customerId: shopper.id })
      await chat.userSays(text)
      chat.expectReply(withdrawn)
      chat.expectEvent('customer.marketing-consent-changed', { consent: false })
      chat.expectNoEvent('newsletter.subscribed')
      expect((await storedCustomer(shopper.id)).marketing_consent).toBe(0)

      const anonymous = await environment.startChat({ locale })
      await anonymous.userSays(text)
      anonymous.expectReply(how)
      anonymous.expectNoEvent('newsletter.subscribed')
    },
  )

  it('reads the topic from the shopper words in every language', () => {
    expect(readAccountTopic('reset my password')).toBe('sign-in')
    expect(readAccountTopic('delete my data')).toBe('delete')
    expect(readAccountTopic('我想要我的資料副本')).toBe('export')
    expect(readAccountTopic('tukar bahasa')).toBe('language')
    expect(readAccountTopic('berhenti langgan e-mel promosi')).toBe('marketing')
    expect(readAccountTopic('/intent:manage_account?option=addresses')).toBe('addresses')
    expect(readAccountTopic('hello')).toBeUndefined()
  })
})
