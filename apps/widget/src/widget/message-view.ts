import type { Button, MessageContent, MessageDto, SupportedLocale } from '@kedai/contracts'
import { h, type ComponentChild } from 'preact'
import { useRef } from 'preact/hooks'
import { formatMoney } from '../shared/store-locale.ts'
import type { WidgetText } from './widget-text.ts'

/** What a rendered message can do. */
export interface MessageActions {
  /** A postback or quick reply was tapped: send `payload` (shown as `label`). */
  readonly onPostback: (payload: string, label: string) => void
  /** Resolves relative image URLs against the Kedai server. */
  readonly resolveUrl: (url: string) => string
  readonly locale: SupportedLocale
  readonly text: WidgetText
}

type ProductCard = Extract<MessageContent, { type: 'product-card' }>

function renderButton(button: Button, actions: MessageActions, primary: boolean): ComponentChild {
  const className = primary ? 'action primary' : 'action'
  if (button.kind === 'link') {
    // Only web links: a `javascript:` or `data:` URL from a compromised reply must not run here.
    const isWebLink = /^https?:\/\//i.test(button.url)
    if (!isWebLink) return h('span', { class: className }, button.label)
    return h(
      'a',
      { class: className, href: button.url, target: '_blank', rel: 'noopener noreferrer' },
      button.label,
    )
  }
  return h(
    'button',
    {
      type: 'button',
      class: className,
      'data-payload': button.payload,
      onClick: () => actions.onPostback(button.payload, button.label),
    },
    button.label,
  )
}

function renderCard(card: ProductCard, actions: MessageActions): ComponentChild {
  // The widget formats the amount itself when it has one, so chat prices read like the page's.
  const price = card.price === undefined ? card.priceText : formatMoney(card.price, actions.locale)
  return h(
    'article',
    { class: 'card', role: 'group', 'aria-label': card.title, 'data-product-id': card.productId },
    card.imageUrl === undefined
      ? null
      : h('img', {
          class: 'card-image',
          src: actions.resolveUrl(card.imageUrl),
          alt: '',
          loading: 'lazy',
        }),
    h(
      'div',
      { class: 'card-body' },
      h('h3', { class: 'card-title' }, card.title),
      card.subtitle === undefined ? null : h('p', { class: 'card-subtitle' }, card.subtitle),
      price === undefined ? null : h('p', { class: 'card-price' }, price),
      card.buttons.length === 0
        ? null
        : h(
            'div',
            { class: 'card-actions' },
            card.buttons.map((button, index) => renderButton(button, actions, index === 0)),
          ),
    ),
  )
}

function Carousel(props: {
  cards: readonly ProductCard[]
  actions: MessageActions
}): ComponentChild {
  const track = useRef<HTMLDivElement>(null)
  const scroll = (direction: number) =>
    track.current?.scrollBy({ left: direction * 246, behavior: 'smooth' })
  return h(
    'div',
    {
      class: 'carousel',
      role: 'group',
      'aria-roledescription': 'carousel',
      'aria-label': props.actions.text.products,
    },
    h(
      'div',
      { class: 'carousel-track', ref: track, tabIndex: 0 },
      props.cards.map((card) => renderCard(card, props.actions)),
    ),
    props.cards.length > 1
      ? h(
          'div',
          { class: 'carousel-nav' },
          h(
            'button',
            {
              type: 'button',
              'aria-label': props.actions.text.previous,
              onClick: () => scroll(-1),
            },
            '‹',
          ),
          h(
            'button',
            { type: 'button', 'aria-label': props.actions.text.next, onClick: () => scroll(1) },
            '›',
          ),
        )
      : null,
  )
}

/** Renders one message's content (not its row, avatar or quick-reply chips). */
export function renderContent(content: MessageContent, actions: MessageActions): ComponentChild {
  switch (content.type) {
    case 'text':
      return h('div', { class: 'bubble' }, content.text)
    case 'quick-replies':
      return h('div', { class: 'bubble' }, content.text)
    case 'buttons':
      return h(
        'div',
        { class: 'stack' },
        h('div', { class: 'bubble' }, content.text),
        h(
          'div',
          { class: 'card-actions' },
          content.buttons.map((button, index) => renderButton(button, actions, index === 0)),
        ),
      )
    case 'product-card':
      return renderCard(content, actions)
    case 'carousel':
      return h(Carousel, { cards: content.cards, actions })
    case 'order-summary':
      return h(
        'section',
        { class: 'order', 'aria-label': `${actions.text.order} ${content.orderNumber}` },
        h('h4', null, `${actions.text.order} ${content.orderNumber}`),
        h('span', { class: 'badge' }, content.status),
        h(
          'ul',
          null,
          content.lines.map((line) =>
            h(
              'li',
              null,
              h('span', null, `${line.quantity} × ${line.title}`),
              h('span', null, line.priceText),
            ),
          ),
        ),
        h(
          'div',
          { class: 'total' },
          h('span', null, actions.text.total),
          h('span', null, content.totalText),
        ),
      )
    case 'image':
      return h('img', {
        class: 'image-message',
        src: actions.resolveUrl(content.url),
        alt: content.altText ?? '',
      })
    case 'file':
      return h(
        'div',
        { class: 'bubble' },
        h(
          'a',
          {
            class: 'file',
            href: actions.resolveUrl(content.url),
            target: '_blank',
            rel: 'noopener',
          },
          `📄 ${content.name}`,
        ),
      )
    case 'system-notice':
      return h('div', { class: 'notice', role: 'status' }, content.text)
  }
}

/** The quick replies to offer: those of the last message, unless the shopper has answered since. */
export function currentChoices(messages: readonly MessageDto[]) {
  const last = messages.at(-1)
  if (last === undefined || last.content.type !== 'quick-replies') return []
  return last.content.choices
}
