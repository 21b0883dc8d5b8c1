import { h, type ComponentChild } from 'preact'
import { useState } from 'preact/hooks'
import { formatMoney } from '../shared/store-locale.ts'
import type { PageProps } from './storefront-app.ts'

/** `/cart`: the shared cart's lines, quantities and subtotal, and checkout through the assistant. */
export function CartPage(props: PageProps): ComponentChild {
  const { text, locale, cart } = props
  const [failed, setFailed] = useState(false)

  const change = (lineId: string, quantity: number) => {
    setFailed(false)
    props.store
      .setLineQuantity(lineId, quantity, locale)
      .then(props.onCartChanged)
      .catch(() => setFailed(true))
  }

  if (cart === undefined || cart.lines.length === 0)
    return h(
      'section',
      { class: 'cart-page' },
      h('h1', null, text.cart),
      h('p', { class: 'notice-box' }, text.emptyCart),
      h(
        'a',
        {
          class: 'primary-button inline',
          href: '/',
          onClick: (event: MouseEvent) => {
            event.preventDefault()
            props.navigate('/')
          },
        },
        text.continueShopping,
      ),
    )

  const subtotal = cart.totals.subtotal ?? {
    amount: cart.lines.reduce((sum, line) => sum + line.lineTotal.amount, 0),
    currency: cart.currency,
  }
  return h(
    'section',
    { class: 'cart-page' },
    h('h1', null, text.cart),
    h(
      'ul',
      { class: 'cart-lines' },
      cart.lines.map((line) =>
        h(
          'li',
          { key: line.id, class: 'cart-line' },
          h(
            'div',
            { class: 'line-info' },
            h('strong', null, line.name),
            h('span', { class: 'muted' }, Object.values(line.options).join(' · ')),
            h('span', null, formatMoney(line.unitPrice, locale)),
          ),
          h(
            'div',
            {
              class: 'line-quantity',
              role: 'group',
              'aria-label': `${text.quantity} — ${line.name}`,
            },
            h(
              'button',
              {
                type: 'button',
                'aria-label': '−',
                onClick: () => change(line.id, line.quantity - 1),
              },
              '−',
            ),
            h('span', { 'aria-live': 'polite' }, String(line.quantity)),
            h(
              'button',
              {
                type: 'button',
                'aria-label': '+',
                onClick: () => change(line.id, line.quantity + 1),
              },
              '+',
            ),
          ),
          h('strong', { class: 'line-total' }, formatMoney(line.lineTotal, locale)),
          h(
            'button',
            { type: 'button', class: 'link-button', onClick: () => change(line.id, 0) },
            text.remove,
          ),
        ),
      ),
    ),
    failed ? h('p', { class: 'error', role: 'alert' }, text.problem) : null,
    h(
      'div',
      { class: 'cart-summary' },
      h(
        'div',
        { class: 'summary-row' },
        h('span', null, text.subtotal),
        h('strong', { 'data-testid': 'cart-subtotal' }, formatMoney(subtotal, locale)),
      ),
      h('p', { class: 'muted' }, text.checkoutHint),
      h(
        'button',
        {
          type: 'button',
          class: 'primary-button',
          onClick: () =>
            window.dispatchEvent(
              new CustomEvent('kedai:open', { detail: { message: text.checkoutMessage } }),
            ),
        },
        text.checkoutInChat,
      ),
    ),
  )
}
