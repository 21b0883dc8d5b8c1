import type { Choice, MessageContent } from '@kedai/contracts'
import type { Locale } from '../../shared/locale.ts'
import type { Money } from '../../shared/money.ts'
import { englishMessages, type MessageCatalog, type MessageKey } from './en.ts'
import { malayMessages } from './ms.ts'
import { simplifiedChineseMessages } from './zh-hans.ts'
import { traditionalChineseMessages } from './zh-hant.ts'

/** Every catalog by locale. */
export const messageCatalogs: Readonly<Record<Locale, MessageCatalog>> = {
  en: englishMessages,
  'zh-Hant': traditionalChineseMessages,
  'zh-Hans': simplifiedChineseMessages,
  ms: malayMessages,
}

/**
 * A value to interpolate: text, a number, money or a date (formatted in the shopper's locale), or
 * another catalog entry (`{ key: 'order-status-shipped' }`).
 */
export type ReplyValue =
  string | number | Money | { readonly key: MessageKey } | { readonly date: string }

/** A choice offered as a quick reply: its label from the catalog, and what tapping it sends. */
export interface ReplyChoice {
  readonly label: MessageKey
  readonly payload: string
  /** Values for placeholders in the label (`Add {color} to cart`). */
  readonly values?: Readonly<Record<string, ReplyValue>>
}

/** A product to show as a card: catalog data (already in the shopper's language) and actions. */
export interface ReplyCard {
  readonly productId: string
  readonly variantId?: string
  readonly title: string
  readonly subtitle?: string
  readonly price?: Money
  readonly imageUrl?: string
  readonly buttons?: readonly ReplyChoice[]
}

/**
 * What a flow wants to say, before it is put into words: a catalog key, values and choices.
 * Flows never hold user-facing text; {@link renderReply} does the wording in the shopper's language.
 */
export interface Reply {
  readonly key: MessageKey
  readonly values?: Readonly<Record<string, ReplyValue>>
  readonly choices?: readonly ReplyChoice[]
  /** Catalog keys whose text goes before this reply's text, in the same message. */
  readonly prefix?: readonly MessageKey[]
  /** Product cards: the reply becomes a carousel (the text is the cards' lead-in, sent before). */
  readonly cards?: readonly ReplyCard[]
  /** A file or link (a return label): the reply becomes a file message named by its text. */
  readonly file?: { readonly url: string; readonly mediaType?: string }
  /** An order: the reply becomes an order summary whose status is the reply's text. */
  readonly order?: ReplyOrder
  /** A page to open (a payment link): the reply becomes text with a link button labelled `label`. */
  readonly link?: { readonly url: string; readonly label: MessageKey }
}

/** An order to show as a summary card (lines, total), e.g. the confirmation after checkout. */
export interface ReplyOrder {
  readonly id: string
  readonly number: string
  readonly lines: readonly {
    readonly title: string
    readonly quantity: number
    readonly unitPrice: Money
  }[]
  readonly total: Money
}

/** The BCP 47 tag used for number and money formatting in each locale. */
export const formattingLocales: Readonly<Record<Locale, string>> = {
  en: 'en-MY',
  'zh-Hant': 'zh-Hant-TW',
  'zh-Hans': 'zh-Hans-MY',
  ms: 'ms-MY',
}

const moneyFormats = new Map<string, Intl.NumberFormat>()

/** Formats money with `Intl.NumberFormat` in the shopper's locale (`RM259.00`). */
export function formatReplyMoney(value: Money, locale: Locale): string {
  const cacheKey = `${locale}:${value.currency}`
  let format = moneyFormats.get(cacheKey)
  if (format === undefined) {
    format = new Intl.NumberFormat(formattingLocales[locale], {
      style: 'currency',
      currency: value.currency,
    })
    moneyFormats.set(cacheKey, format)
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(value.amount / 10 ** digits)
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

function formatValue(value: ReplyValue, locale: Locale): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return value.toLocaleString(formattingLocales[locale])
  if ('key' in value) return renderText(value.key, locale)
  if ('date' in value) {
    let format = dateFormats.get(locale)
    if (format === undefined) {
      format = new Intl.DateTimeFormat(formattingLocales[locale], {
        dateStyle: 'medium',
        timeZone: 'Asia/Kuala_Lumpur',
      })
      dateFormats.set(locale, format)
    }
    const date = new Date(value.date)
    return Number.isNaN(date.getTime()) ? value.date : format.format(date)
  }
  return formatReplyMoney(value, locale)
}

/** The catalog text of `key` in `locale` with `{name}` placeholders filled from `values`. */
export function renderText(
  key: MessageKey,
  locale: Locale,
  values: Readonly<Record<string, ReplyValue>> = {},
): string {
  const template = messageCatalogs[locale][key]
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name]
    return value === undefined ? placeholder : formatValue(value, locale)
  })
}

/** Puts a {@link Reply} into words: text, a question with quick replies, or a product carousel. */
export function renderReply(reply: Reply, locale: Locale): MessageContent {
  if (reply.cards !== undefined && reply.cards.length > 0) {
    return {
      type: 'carousel',
      cards: reply.cards.slice(0, 10).map((card) => ({
        type: 'product-card' as const,
        productId: card.productId,
        ...(card.variantId === undefined ? {} : { variantId: card.variantId }),
        title: card.title,
        ...(card.subtitle === undefined ? {} : { subtitle: card.subtitle }),
        ...(card.price === undefined
          ? {}
          : {
              price: { amount: card.price.amount, currency: card.price.currency },
              priceText: formatReplyMoney(card.price, locale),
            }),
        ...(card.imageUrl === undefined ? {} : { imageUrl: card.imageUrl }),
        buttons: (card.buttons ?? []).slice(0, 3).map((button) => ({
          kind: 'postback' as const,
          label: renderText(button.label, locale, button.values),
          payload: button.payload,
        })),
      })),
    }
  }
  const body = renderText(reply.key, locale, reply.values)
  if (reply.order !== undefined) {
    return {
      type: 'order-summary',
      orderId: reply.order.id,
      orderNumber: reply.order.number,
      status: body,
      lines: reply.order.lines.map((line) => ({
        title: line.title,
        quantity: line.quantity,
        priceText: formatReplyMoney(
          { amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency },
          locale,
        ),
      })),
      total: { amount: reply.order.total.amount, currency: reply.order.total.currency },
      totalText: formatReplyMoney(reply.order.total, locale),
    }
  }
  if (reply.file !== undefined) {
    return {
      type: 'file',
      url: reply.file.url,
      name: body.slice(0, 200),
      ...(reply.file.mediaType === undefined ? {} : { mediaType: reply.file.mediaType }),
    }
  }
  if (reply.link !== undefined) {
    return {
      type: 'buttons',
      text: body,
      buttons: [
        {
          kind: 'link',
          label: renderText(reply.link.label, locale).slice(0, 80),
          url: reply.link.url,
        },
      ],
    }
  }
  // Chinese sentences follow each other without a space.
  const separator = locale === 'zh-Hant' || locale === 'zh-Hans' ? '' : ' '
  const text = [...(reply.prefix ?? []).map((key) => renderText(key, locale)), body].join(separator)
  if (reply.choices === undefined || reply.choices.length === 0) return { type: 'text', text }
  const choices: Choice[] = reply.choices.slice(0, 13).map((choice) => ({
    label: renderText(choice.label, locale, choice.values).slice(0, 80),
    payload: choice.payload,
  }))
  return { type: 'quick-replies', text, choices }
}
