import { z } from 'zod'
import type { Locale } from '../../shared/locale.ts'
import { formatMoney, money } from '../../shared/money.ts'

/** An amount in minor units and its ISO 4217 currency. */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
})

/** The data an order confirmation is rendered from. */
export const orderConfirmationDataSchema = z.object({
  orderNumber: z.string().min(1),
  customerName: z.string().min(1),
  items: z
    .array(
      z.object({
        name: z.string().min(1),
        quantity: z.number().int().positive(),
        unitPrice: moneySchema,
      }),
    )
    .min(1),
  total: moneySchema,
  deliveryEstimate: z.object({ earliestDate: z.iso.date(), latestDate: z.iso.date() }).nullable(),
  trackingUrl: z.url().nullable(),
})

/** Input of the order confirmation template. */
export type OrderConfirmationData = z.infer<typeof orderConfirmationDataSchema>

/** A rendered message: subject and text (and HTML for e-mail). */
export interface RenderedMessage {
  readonly subject: string
  readonly text: string
  readonly html: string
  /** Short form for SMS. */
  readonly sms: string
}

/** The `Intl` locale each shopper language formats money and dates with. */
export const intlLocale: Record<Locale, string> = {
  en: 'en-MY',
  'zh-Hant': 'zh-Hant-TW',
  'zh-Hans': 'zh-Hans-CN',
  ms: 'ms-MY',
}

interface Phrases {
  subject(orderNumber: string): string
  greeting(name: string): string
  thanks: string
  items: string
  total: string
  /** The label separator (`: ` or the full-width `：`). */
  colon: string
  delivery(from: string, to: string): string
  tracking: string
  trackingPending: string
  sms(orderNumber: string, total: string, delivery: string | null, tracking: string | null): string
}

const phrases: Record<Locale, Phrases> = {
  en: {
    subject: (orderNumber) => `Your Kedai order ${orderNumber} is confirmed`,
    greeting: (name) => `Hi ${name},`,
    thanks: 'Thank you for your order. Here is what you bought:',
    items: 'Items',
    total: 'Total',
    colon: ': ',
    delivery: (from, to) => `Estimated delivery: ${from} – ${to}`,
    tracking: 'Track your parcel',
    trackingPending: 'We will send the tracking link as soon as your parcel ships.',
    sms: (orderNumber, total, delivery, tracking) =>
      `Kedai: order ${orderNumber} confirmed, total ${total}.${delivery === null ? '' : ` Arrives ${delivery}.`}${tracking === null ? '' : ` Track: ${tracking}`}`,
  },
  'zh-Hant': {
    subject: (orderNumber) => `您的 Kedai 訂單 ${orderNumber} 已確認`,
    greeting: (name) => `${name} 您好：`,
    thanks: '感謝您的訂購，以下是您的訂單明細：',
    items: '商品',
    total: '總計',
    colon: '：',
    delivery: (from, to) => `預計送達：${from} 至 ${to}`,
    tracking: '追蹤包裹',
    trackingPending: '包裹寄出後，我們會立即寄送追蹤連結給您。',
    sms: (orderNumber, total, delivery, tracking) =>
      `Kedai：訂單 ${orderNumber} 已確認，總計 ${total}。${delivery === null ? '' : `預計 ${delivery} 送達。`}${tracking === null ? '' : `追蹤：${tracking}`}`,
  },
  'zh-Hans': {
    subject: (orderNumber) => `您的 Kedai 订单 ${orderNumber} 已确认`,
    greeting: (name) => `${name} 您好：`,
    thanks: '感谢您的订购，以下是您的订单明细：',
    items: '商品',
    total: '总计',
    colon: '：',
    delivery: (from, to) => `预计送达：${from} 至 ${to}`,
    tracking: '跟踪包裹',
    trackingPending: '包裹发出后，我们会立即发送跟踪链接给您。',
    sms: (orderNumber, total, delivery, tracking) =>
      `Kedai：订单 ${orderNumber} 已确认，总计 ${total}。${delivery === null ? '' : `预计 ${delivery} 送达。`}${tracking === null ? '' : `跟踪：${tracking}`}`,
  },
  ms: {
    subject: (orderNumber) => `Pesanan Kedai ${orderNumber} anda telah disahkan`,
    greeting: (name) => `Hai ${name},`,
    thanks: 'Terima kasih atas pesanan anda. Berikut ialah barangan yang anda beli:',
    items: 'Barangan',
    total: 'Jumlah',
    colon: ': ',
    delivery: (from, to) => `Anggaran penghantaran: ${from} – ${to}`,
    tracking: 'Jejak bungkusan anda',
    trackingPending:
      'Kami akan menghantar pautan penjejakan sebaik sahaja bungkusan anda dihantar.',
    sms: (orderNumber, total, delivery, tracking) =>
      `Kedai: pesanan ${orderNumber} disahkan, jumlah ${total}.${delivery === null ? '' : ` Tiba ${delivery}.`}${tracking === null ? '' : ` Jejak: ${tracking}`}`,
  },
}

/** `text` safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** Formats a `YYYY-MM-DD` date for a shopper in `locale` (`28 November`, `11月28日`). */
export function formatShopperDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00.000Z`))
}

/**
 * Renders the order confirmation in the customer's language: order number, items, total (formatted
 * with `Intl.NumberFormat`), delivery estimate and tracking link.
 */
export function renderOrderConfirmation(
  data: OrderConfirmationData,
  locale: Locale,
): RenderedMessage {
  const words = phrases[locale]
  const tag = intlLocale[locale]
  const price = (value: { amount: number; currency: string }) =>
    formatMoney(money(value.amount, value.currency), tag)
  const total = price(data.total)
  const delivery =
    data.deliveryEstimate === null
      ? null
      : words.delivery(
          formatShopperDate(data.deliveryEstimate.earliestDate, locale),
          formatShopperDate(data.deliveryEstimate.latestDate, locale),
        )
  const deliveryShort =
    data.deliveryEstimate === null
      ? null
      : `${formatShopperDate(data.deliveryEstimate.earliestDate, locale)}–${formatShopperDate(data.deliveryEstimate.latestDate, locale)}`
  const lines = data.items.map(
    (item) => `${item.quantity} × ${item.name} — ${price(item.unitPrice)}`,
  )
  const text = [
    words.greeting(data.customerName),
    '',
    words.thanks,
    '',
    `${words.items}${words.colon.trim()}`,
    ...lines.map((line) => `  ${line}`),
    '',
    `${words.total}${words.colon}${total}`,
    ...(delivery === null ? [] : [delivery]),
    data.trackingUrl === null
      ? words.trackingPending
      : `${words.tracking}${words.colon}${data.trackingUrl}`,
  ].join('\n')
  const html = [
    `<p>${escapeHtml(words.greeting(data.customerName))}</p>`,
    `<p>${escapeHtml(words.thanks)}</p>`,
    `<table><thead><tr><th>${escapeHtml(words.items)}</th></tr></thead><tbody>`,
    ...lines.map((line) => `<tr><td>${escapeHtml(line)}</td></tr>`),
    `</tbody></table>`,
    `<p><strong>${escapeHtml(words.total + words.colon + total)}</strong></p>`,
    ...(delivery === null ? [] : [`<p>${escapeHtml(delivery)}</p>`]),
    data.trackingUrl === null
      ? `<p>${escapeHtml(words.trackingPending)}</p>`
      : `<p><a href="${escapeHtml(data.trackingUrl)}">${escapeHtml(words.tracking)}</a></p>`,
  ].join('\n')
  return {
    subject: words.subject(data.orderNumber),
    text,
    html,
    sms: words.sms(data.orderNumber, total, deliveryShort, data.trackingUrl),
  }
}
