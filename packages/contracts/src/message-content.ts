import { z } from 'zod'

/**
 * The canonical message model: every message on every channel is one of these contents. Channel
 * adapters convert to and from their own formats; the bot, the console and the widget only know
 * these shapes.
 */

/** Longest text of one message, in characters (longer inbound text is rejected with a 400). */
export const maximumMessageTextLength = 4_000

/** Kinds of message content, in the order the widget documents them. */
export const messageContentTypes = [
  'text',
  'product-card',
  'carousel',
  'quick-replies',
  'buttons',
  'order-summary',
  'image',
  'file',
  'system-notice',
] as const

/** One of {@link messageContentTypes}. */
export type MessageContentType = (typeof messageContentTypes)[number]

/** An amount of money in integer minor units with its ISO 4217 currency. */
export const moneySchema = z.object({
  amount: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/),
})

/** One of {@link moneySchema}. */
export type MoneyDto = z.infer<typeof moneySchema>

/** A choice the shopper can tap; `payload` is sent back as the text of the reply when present. */
export const choiceSchema = z.object({
  label: z.string().min(1).max(80),
  payload: z.string().min(1).max(200).optional(),
})

/** One of {@link choiceSchema}. */
export type Choice = z.infer<typeof choiceSchema>

/** A button: a postback (sends `payload`) or a link (opens `url`). */
export const buttonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('postback'),
    label: z.string().min(1).max(80),
    payload: z.string().min(1).max(200),
  }),
  z.object({ kind: z.literal('link'), label: z.string().min(1).max(80), url: z.url() }),
])

/** One of {@link buttonSchema}. */
export type Button = z.infer<typeof buttonSchema>

/** Plain text. */
export const textContentSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(maximumMessageTextLength),
})

/** A product with its price, image and actions. */
export const productCardContentSchema = z.object({
  type: z.literal('product-card'),
  productId: z.string().min(1),
  variantId: z.string().min(1).optional(),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  price: moneySchema.optional(),
  /** The price formatted for the shopper's locale. */
  priceText: z.string().optional(),
  imageUrl: z.string().optional(),
  buttons: z.array(buttonSchema).max(3).default([]),
})

/** Several product cards side by side. */
export const carouselContentSchema = z.object({
  type: z.literal('carousel'),
  cards: z.array(productCardContentSchema).min(1).max(10),
})

/** A question with tappable answers. */
export const quickRepliesContentSchema = z.object({
  type: z.literal('quick-replies'),
  text: z.string().min(1).max(maximumMessageTextLength),
  choices: z.array(choiceSchema).min(1).max(13),
})

/** Text with buttons. */
export const buttonsContentSchema = z.object({
  type: z.literal('buttons'),
  text: z.string().min(1).max(maximumMessageTextLength),
  buttons: z.array(buttonSchema).min(1).max(3),
})

/** A summary of an order: lines and total. */
export const orderSummaryContentSchema = z.object({
  type: z.literal('order-summary'),
  orderId: z.string().min(1),
  orderNumber: z.string().min(1),
  status: z.string().min(1),
  lines: z.array(
    z.object({
      title: z.string().min(1),
      quantity: z.number().int().positive(),
      priceText: z.string(),
    }),
  ),
  total: moneySchema,
  totalText: z.string(),
})

/** An image with optional alternative text. */
export const imageContentSchema = z.object({
  type: z.literal('image'),
  url: z.string().min(1),
  altText: z.string().max(500).optional(),
})

/** A file or link (a return label, an invoice). */
export const fileContentSchema = z.object({
  type: z.literal('file'),
  url: z.string().min(1),
  name: z.string().min(1).max(200),
  mediaType: z.string().optional(),
})

/** A notice about the conversation itself (an agent joined, the conversation was resolved). */
export const systemNoticeContentSchema = z.object({
  type: z.literal('system-notice'),
  text: z.string().min(1).max(maximumMessageTextLength),
  notice: z.string().min(1).optional(),
})

/** Any message content. */
export const messageContentSchema = z.discriminatedUnion('type', [
  textContentSchema,
  productCardContentSchema,
  carouselContentSchema,
  quickRepliesContentSchema,
  buttonsContentSchema,
  orderSummaryContentSchema,
  imageContentSchema,
  fileContentSchema,
  systemNoticeContentSchema,
])

/** One of {@link messageContentSchema}. */
export type MessageContent = z.infer<typeof messageContentSchema>

/** What a shopper may send: text (typed or a tapped choice), an image or a file. */
export const inboundContentSchema = z.discriminatedUnion('type', [
  textContentSchema,
  imageContentSchema,
  fileContentSchema,
])

/** One of {@link inboundContentSchema}. */
export type InboundContent = z.infer<typeof inboundContentSchema>

/** The text a content carries for the recognizer and for channels that only show text. */
export function describeMessageContent(content: MessageContent): string {
  switch (content.type) {
    case 'text':
    case 'quick-replies':
    case 'buttons':
    case 'system-notice':
      return content.text
    case 'product-card':
      return content.title
    case 'carousel':
      return content.cards.map((card) => card.title).join(', ')
    case 'order-summary':
      return `${content.orderNumber}: ${content.status}`
    case 'image':
      return content.altText ?? ''
    case 'file':
      return content.name
  }
}
