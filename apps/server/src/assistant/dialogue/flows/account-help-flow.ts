import { isLocale, type Locale } from '../../../shared/locale.ts'
import { renderText, type MessageKey, type ReplyChoice } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'
import {
  createVerificationSlots,
  customerSlot,
  findKnownCustomer,
  readYesNo,
  verifyCustomer,
} from './verify-customer.ts'

/** What the shopper can do about their account in chat. */
export const accountTopics = [
  'sign-in',
  'addresses',
  'payment-methods',
  'language',
  'marketing',
  'export',
  'delete',
] as const

/** One of {@link accountTopics}. */
export type AccountTopic = (typeof accountTopics)[number]

// Order matters: "delete my data" is a deletion, not an export; "reset my password" is sign-in help.
const topicWords: readonly (readonly [AccountTopic, RegExp])[] = [
  [
    'sign-in',
    /password|passcode|sign ?in|log ?in|locked out|can'?t access|密碼|登入|登錄|密码|登录|kata ?laluan|log masuk/i,
  ],
  [
    'delete',
    /delete|erase|remove my (account|data)|close my account|刪除|删除|註銷|注销|padam|hapus|tutup akaun/i,
  ],
  [
    'export',
    /export|copy of my (data|information)|download my (data|information)|my data|my information|資料副本|下載我的資料|导出|下载我的数据|salinan data|muat turun data/i,
  ],
  [
    'marketing',
    /marketing|promotion(al)?|promo|newsletter|unsubscribe|行銷|营销|推廣|推广|電子報|电子报|退訂|退订|pemasaran|promosi|berhenti langgan/i,
  ],
  ['language', /language|語言|语言|bahasa/i],
  ['addresses', /address|地址|alamat/i],
  ['payment-methods', /card|payment method|卡|付款方式|支付方式|kad|kaedah pembayaran/i],
]

const topicLabels: Readonly<Record<AccountTopic, MessageKey>> = {
  'sign-in': 'choice-account-sign-in',
  addresses: 'choice-account-addresses',
  'payment-methods': 'choice-account-payment-methods',
  language: 'choice-account-language',
  marketing: 'choice-account-marketing',
  export: 'choice-account-export',
  delete: 'choice-account-delete',
}

const languageNames: Readonly<Record<Locale, MessageKey>> = {
  en: 'language-name-en',
  'zh-Hant': 'language-name-zh-hant',
  'zh-Hans': 'language-name-zh-hans',
  ms: 'language-name-ms',
}

const languageWords: readonly (readonly [Locale, RegExp])[] = [
  ['zh-Hant', /繁體|繁体|traditional/i],
  ['zh-Hans', /简体|簡體|simplified/i],
  ['ms', /melayu|malay|bahasa/i],
  ['en', /english|inggeris|英文|英語|英语/i],
]

function readOption(text: string): string | undefined {
  const match = /[?&]option=([^&\s]+)/.exec(text)
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
}

function isAccountTopic(value: string | undefined): value is AccountTopic {
  return accountTopics.some((topic) => topic === value)
}

const unsubscribeWords =
  /unsubscribe|opt ?out|stop (sending|emailing)|no more (e-?mails|newsletters)|取消訂閱|取消订阅|退訂|退订|不要再|別再|别再|berhenti langgan|nyahlanggan|jangan hantar|tak nak terima/i

/** True when a newsletter or marketing message asks to stop the e-mails rather than start them. */
export function isUnsubscribeRequest(text: string): boolean {
  return unsubscribeWords.test(text)
}

/**
 * Stops marketing e-mails: a known customer's consent is withdrawn at once; an anonymous shopper is
 * told how (every e-mail's unsubscribe link) and offered the account route.
 */
export async function unsubscribeFromMarketing(context: FlowContext): Promise<FlowOutcome> {
  const customerId = await findKnownCustomer(context)
  const customers = context.services.customers
  if (customerId === undefined || customers === undefined) {
    return {
      replies: [
        {
          key: 'newsletter-unsubscribe-how',
          choices: [
            {
              label: 'choice-account-marketing',
              payload: '/intent:manage_account?option=marketing',
            },
          ],
        },
      ],
    }
  }
  await customers.setMarketingConsent(customerId, false)
  return {
    replies: [{ key: 'account-marketing-off' }],
    events: [
      {
        type: 'customer.marketing-consent-changed',
        aggregateId: context.conversationId,
        payload: { customerId, consent: false, source: 'chat' },
      },
    ],
  }
}

/** The account topic a message (or a tapped `?option=<topic>`) is about; `undefined` if none. */
export function readAccountTopic(text: string): AccountTopic | undefined {
  const option = readOption(text)
  if (option !== undefined) return isAccountTopic(option) ? option : undefined
  return topicWords.find(([, pattern]) => pattern.test(text))?.[0]
}

function readLanguage(text: string): Locale | undefined {
  const option = readOption(text)
  if (option !== undefined) return isLocale(option) ? option : undefined
  return languageWords.find(([, pattern]) => pattern.test(text))?.[0]
}

function readMarketingChoice(text: string): 'on' | 'off' | undefined {
  const option = readOption(text)
  if (option === 'subscribe' || option === 'unsubscribe')
    return option === 'subscribe' ? 'on' : 'off'
  if (/unsubscribe|stop|berhenti|tak nak|退訂|退订|取消訂閱|取消订阅|不要/i.test(text)) return 'off'
  if (/subscribe|langgan|訂閱|订阅/i.test(text)) return 'on'
  const yesNo = readYesNo(text)
  return yesNo === undefined ? undefined : yesNo === 'yes' ? 'on' : 'off'
}

/** How items of a list are joined in the shopper's language. */
function listSeparator(locale: Locale): string {
  return locale === 'zh-Hant' || locale === 'zh-Hans' ? '；' : '; '
}

const needsIdentity = (slots: Readonly<Record<string, string>>) => slots['topic'] !== 'sign-in'

async function answerTopic(
  topic: Exclude<AccountTopic, 'sign-in'>,
  customerId: string,
  slots: Readonly<Record<string, string>>,
  context: FlowContext,
): Promise<FlowOutcome> {
  const customers = context.services.customers
  const profile = await customers?.getProfile(customerId)
  if (customers === undefined || profile === undefined)
    return { replies: [{ key: 'not-yet-available' }] }
  const event = (type: string, payload: Record<string, unknown> = {}) => ({
    type,
    aggregateId: context.conversationId,
    payload: { customerId, ...payload },
  })
  switch (topic) {
    case 'addresses': {
      const addresses = [...profile.addresses]
        .sort((left, right) => Number(right.isDefault) - Number(left.isDefault))
        .map((address) =>
          [address.line1, address.line2, `${address.postcode} ${address.city}`, address.country]
            .filter((part) => part.trim().length > 0)
            .join(', '),
        )
      return {
        replies: [
          addresses.length === 0
            ? { key: 'account-no-addresses' }
            : {
                key: 'account-addresses',
                values: { addresses: addresses.join(listSeparator(context.locale)) },
                choices: [
                  {
                    label: 'intent-change_shipping_address',
                    payload: '/intent:change_shipping_address',
                  },
                ],
              },
        ],
        events: [event('account.addresses-shown', { count: addresses.length })],
      }
    }
    case 'payment-methods': {
      const methods = profile.paymentMethods.map((method) => {
        const name =
          method.kind === 'gift-card'
            ? renderText('account-gift-card', context.locale)
            : method.kind === 'paypal'
              ? 'PayPal'
              : (method.brand ?? renderText('account-card', context.locale)).replace(
                  /^\w/,
                  (letter) => letter.toUpperCase(),
                )
        return method.lastFour === null ? name : `${name} •••• ${method.lastFour}`
      })
      return {
        replies: [
          methods.length === 0
            ? { key: 'account-no-payment-methods' }
            : {
                key: 'account-payment-methods',
                values: { methods: methods.join(listSeparator(context.locale)) },
              },
        ],
        events: [event('account.payment-methods-shown', { count: methods.length })],
      }
    }
    case 'language': {
      const locale = slots['language']
      if (!isLocale(locale)) return { replies: [{ key: 'not-yet-available' }] }
      await customers.setLocale(customerId, locale)
      return {
        replies: [
          { key: 'account-language-set', values: { language: { key: languageNames[locale] } } },
        ],
        events: [event('customer.language-changed', { locale, source: 'chat' })],
        switchLocale: locale,
      }
    }
    case 'marketing': {
      const consent = slots['marketing'] === 'on'
      await customers.setMarketingConsent(customerId, consent)
      return {
        replies: [{ key: consent ? 'account-marketing-on' : 'account-marketing-off' }],
        events: [event('customer.marketing-consent-changed', { consent, source: 'chat' })],
      }
    }
    case 'export': {
      const exports = context.services.dataExports
      if (exports === undefined) return { replies: [{ key: 'not-yet-available' }] }
      const link = exports.createLink(customerId)
      return {
        replies: [
          { key: 'account-export-ready' },
          {
            key: 'account-export-file',
            file: { url: link.url, mediaType: 'application/json' },
          },
        ],
        events: [
          event('customer.data-exported', { source: 'chat', linkExpiresAt: link.expiresAt }),
        ],
      }
    }
    case 'delete': {
      if (slots['confirm_delete'] !== 'yes') return { replies: [{ key: 'account-delete-kept' }] }
      const erased = await customers.erasePersonalData(customerId)
      if (!erased.ok) return { replies: [{ key: 'not-yet-available' }] }
      return {
        replies: [{ key: 'account-deleted' }],
        events: [event('customer.erasure-requested-in-conversation', { source: 'chat' })],
      }
    }
  }
}

/**
 * Account help in chat: signing-in problems (what to do, and a person); and, once the shopper is
 * known (signed in, or verified with e-mail and an order number), their saved addresses, saved
 * payment methods (brand and last four digits only), language preference, marketing consent, and
 * personal-data requests: a copy (a download link valid for a few minutes) or erasure, after an
 * explicit confirmation.
 */
export const accountHelpFlow: Flow = {
  name: 'account-help',
  intents: ['manage_account'],
  async prefill(context) {
    const topic = readAccountTopic(context.text)
    const customerId = await findKnownCustomer(context)
    return {
      ...(topic === undefined ? {} : { topic }),
      ...(customerId === undefined ? {} : { [customerSlot]: customerId }),
    }
  },
  slots: [
    {
      name: 'topic',
      parse: (text) => readAccountTopic(text),
      prompt: 'account-ask-topic',
      invalid: 'account-ask-topic',
      ask: () => ({
        key: 'account-ask-topic',
        choices: accountTopics.map((topic): ReplyChoice => ({
          label: topicLabels[topic],
          payload: `/intent:manage_account?option=${topic}`,
        })),
      }),
    },
    ...createVerificationSlots((slots) => !needsIdentity(slots)),
    {
      name: 'language',
      parse: (text) => readLanguage(text),
      prompt: 'account-ask-language',
      invalid: 'account-ask-language',
      skipWhen: (_context, slots) => slots['topic'] !== 'language',
      ask: () => ({
        key: 'account-ask-language',
        choices: (Object.keys(languageNames) as Locale[]).map((locale) => ({
          label: languageNames[locale],
          payload: `/intent:manage_account?option=${locale}`,
        })),
      }),
    },
    {
      name: 'marketing',
      parse: (text) => readMarketingChoice(text),
      prompt: 'account-ask-marketing',
      invalid: 'account-ask-marketing',
      skipWhen: (_context, slots) => slots['topic'] !== 'marketing',
      ask: () => ({
        key: 'account-ask-marketing',
        choices: [
          { label: 'choice-subscribe', payload: '/intent:manage_account?option=subscribe' },
          { label: 'choice-unsubscribe', payload: '/intent:manage_account?option=unsubscribe' },
        ],
      }),
    },
    {
      name: 'confirm_delete',
      parse: (text) => readYesNo(text),
      prompt: 'account-delete-confirm',
      invalid: 'account-delete-confirm',
      skipWhen: (_context, slots) => slots['topic'] !== 'delete',
      ask: () => ({
        key: 'account-delete-confirm',
        choices: [
          { label: 'choice-delete-my-data', payload: '/yes' },
          { label: 'choice-keep-my-data', payload: '/no' },
        ],
      }),
    },
  ],
  // Check who the shopper is as soon as the e-mail and order number are given, before asking more.
  async guard(slots, context) {
    if (!needsIdentity(slots) || slots['order_number'] === undefined) return undefined
    const verified = await verifyCustomer(context, slots)
    return verified.ok ? undefined : verified.outcome
  },
  async complete(slots, context) {
    const topic = slots['topic']
    if (!isAccountTopic(topic) || topic === 'sign-in') {
      return {
        replies: [
          {
            key: 'account-sign-in-help',
            choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
          },
        ],
      }
    }
    const verified = await verifyCustomer(context, slots)
    if (!verified.ok) return verified.outcome
    return answerTopic(topic, verified.customerId, slots, context)
  },
}
