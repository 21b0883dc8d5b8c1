import { z } from 'zod'
import type { Locale } from '../../shared/locale.ts'
import { formatMoney, money } from '../../shared/money.ts'
import {
  escapeHtml,
  intlLocale,
  moneySchema,
  type RenderedMessage,
} from './order-confirmation-template.ts'

/** The data a failed price-difference charge notice is rendered from. */
export const chargeFailedDataSchema = z.object({
  orderNumber: z.string().min(1),
  customerName: z.string().min(1),
  amount: moneySchema,
  /** The saved card's last four digits, when known. */
  cardLastFour: z
    .string()
    .regex(/^\d{4}$/)
    .nullable(),
})

/** Input of the failed charge template. */
export type ChargeFailedData = z.infer<typeof chargeFailedDataSchema>

interface Phrases {
  subject(orderNumber: string): string
  greeting(name: string): string
  body(orderNumber: string, amount: string, card: string | null): string
  next: string
  sms(orderNumber: string, amount: string): string
}

const phrases: Record<Locale, Phrases> = {
  en: {
    subject: (orderNumber) => `Payment needed for your Kedai order ${orderNumber}`,
    greeting: (name) => `Hi ${name},`,
    body: (orderNumber, amount, card) =>
      `We could not charge the price difference of ${amount} for order ${orderNumber}${card === null ? '' : ` to your card ending ${card}`}.`,
    next: 'Reply to this e-mail or chat with us to pay it another way.',
    sms: (orderNumber, amount) =>
      `Kedai: we could not charge ${amount} for order ${orderNumber}. Chat with us to pay it another way.`,
  },
  'zh-Hant': {
    subject: (orderNumber) => `您的 Kedai 訂單 ${orderNumber} 需要補付款`,
    greeting: (name) => `${name} 您好：`,
    body: (orderNumber, amount, card) =>
      `訂單 ${orderNumber} 的差價 ${amount}${card === null ? '' : `（尾號 ${card} 的卡片）`}扣款未成功。`,
    next: '請回覆此郵件或透過聊天與我們聯絡，改用其他方式付款。',
    sms: (orderNumber, amount) =>
      `Kedai：訂單 ${orderNumber} 的差價 ${amount} 扣款未成功，請透過聊天與我們聯絡改用其他方式付款。`,
  },
  'zh-Hans': {
    subject: (orderNumber) => `您的 Kedai 订单 ${orderNumber} 需要补付款`,
    greeting: (name) => `${name} 您好：`,
    body: (orderNumber, amount, card) =>
      `订单 ${orderNumber} 的差价 ${amount}${card === null ? '' : `（尾号 ${card} 的银行卡）`}扣款未成功。`,
    next: '请回复此邮件或通过聊天与我们联系，改用其他方式付款。',
    sms: (orderNumber, amount) =>
      `Kedai：订单 ${orderNumber} 的差价 ${amount} 扣款未成功，请通过聊天与我们联系改用其他方式付款。`,
  },
  ms: {
    subject: (orderNumber) => `Bayaran diperlukan untuk pesanan Kedai ${orderNumber}`,
    greeting: (name) => `Hai ${name},`,
    body: (orderNumber, amount, card) =>
      `Kami tidak dapat mengenakan perbezaan harga ${amount} untuk pesanan ${orderNumber}${card === null ? '' : ` pada kad anda yang berakhir ${card}`}.`,
    next: 'Balas e-mel ini atau berbual dengan kami untuk membayar dengan cara lain.',
    sms: (orderNumber, amount) =>
      `Kedai: kami tidak dapat mengenakan ${amount} untuk pesanan ${orderNumber}. Berbual dengan kami untuk membayar dengan cara lain.`,
  },
}

/**
 * Renders the notice that a price difference (a dearer exchange or item change) could not be
 * charged to the saved card, in the customer's language, with the amount formatted by
 * `Intl.NumberFormat`.
 */
export function renderChargeFailed(data: ChargeFailedData, locale: Locale): RenderedMessage {
  const words = phrases[locale]
  const amount = formatMoney(money(data.amount.amount, data.amount.currency), intlLocale[locale])
  const body = words.body(data.orderNumber, amount, data.cardLastFour)
  return {
    subject: words.subject(data.orderNumber),
    text: [words.greeting(data.customerName), '', body, words.next].join('\n'),
    html: [
      `<p>${escapeHtml(words.greeting(data.customerName))}</p>`,
      `<p>${escapeHtml(body)}</p>`,
      `<p>${escapeHtml(words.next)}</p>`,
    ].join('\n'),
    sms: words.sms(data.orderNumber, amount),
  }
}
