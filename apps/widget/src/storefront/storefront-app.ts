import type { SupportedLocale } from '@kedai/contracts'
import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import {
  announceCartUpdate,
  cartUpdatedEvent,
  countCartItems,
  type Cart,
  type StoreClient,
  type StoreConfiguration,
} from '../shared/store-client.ts'
import { localeLabels, localeTags, storeLocales } from '../shared/store-locale.ts'
import { CartPage } from './cart-page.ts'
import { ProductGridPage } from './product-grid-page.ts'
import { ProductPage } from './product-page.ts'
import { storefrontText, type StorefrontText } from './storefront-text.ts'

/** What every storefront page is given. */
export interface PageProps {
  readonly store: StoreClient
  readonly locale: SupportedLocale
  readonly text: StorefrontText
  readonly navigate: (path: string) => void
  readonly cart: Cart | undefined
  /** Replaces the page's cart after a change and tells the widget. */
  readonly onCartChanged: (cart: Cart) => void
}

/** Name of the `window` event the widget fires when the shopper picks a language. */
const localeChangedEvent = 'kedai:locale-changed'
const localeKey = 'kedai:locale'

function readPath(): string {
  return location.pathname + location.search
}

/** The demo storefront: header with search and cart badge, and the page for the current URL. */
export function StorefrontApp(props: {
  readonly store: StoreClient
  readonly configuration: StoreConfiguration | undefined
  readonly initialLocale: SupportedLocale
}): ComponentChild {
  const [path, setPath] = useState(readPath())
  const [locale, setLocale] = useState(props.initialLocale)
  const [cart, setCart] = useState<Cart | undefined>(undefined)
  const text = storefrontText[locale]

  useEffect(() => {
    const onPop = () => setPath(readPath())
    const onLocale = (event: Event) => setLocale((event as CustomEvent<SupportedLocale>).detail)
    window.addEventListener('popstate', onPop)
    window.addEventListener(localeChangedEvent, onLocale)
    return () => {
      window.removeEventListener('popstate', onPop)
      window.removeEventListener(localeChangedEvent, onLocale)
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = localeTags[locale]
  }, [locale])

  useEffect(() => {
    const refresh = () => {
      props.store
        .fetchCart(locale)
        .then(setCart)
        .catch(() => undefined)
    }
    refresh()
    window.addEventListener(cartUpdatedEvent, refresh)
    return () => window.removeEventListener(cartUpdatedEvent, refresh)
  }, [props.store, locale])

  const navigate = (next: string) => {
    history.pushState(null, '', next)
    setPath(readPath())
    window.scrollTo(0, 0)
  }

  const pageProps: PageProps = {
    store: props.store,
    locale,
    text,
    navigate,
    cart,
    onCartChanged: (next) => {
      setCart(next)
      announceCartUpdate({ source: 'page', cart: next })
    },
  }

  const url = new URL(path, location.origin)
  const productMatch = /^\/products\/([^/]+)$/.exec(url.pathname)
  const page =
    productMatch?.[1] !== undefined
      ? h(ProductPage, { ...pageProps, slug: decodeURIComponent(productMatch[1]) })
      : url.pathname === '/cart'
        ? h(CartPage, pageProps)
        : h(ProductGridPage, { ...pageProps, query: url.searchParams.get('q') ?? '' })

  const count = countCartItems(cart)
  const link = (href: string, child: ComponentChild, attributes: Record<string, string> = {}) =>
    h(
      'a',
      {
        href,
        ...attributes,
        onClick: (event: MouseEvent) => {
          if (event.metaKey || event.ctrlKey) return
          event.preventDefault()
          navigate(href)
        },
      },
      child,
    )

  return h(
    'div',
    { class: 'shell' },
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'topbar-inner' },
        link(
          '/',
          [
            h('span', { class: 'logo-mark', 'aria-hidden': 'true' }, 'K'),
            h('span', { class: 'logo-name' }, props.configuration?.name ?? 'Kedai'),
          ],
          { class: 'logo' },
        ),
        h(
          'form',
          {
            class: 'search',
            role: 'search',
            onSubmit: (event: Event) => {
              event.preventDefault()
              const value = new FormData(event.currentTarget as HTMLFormElement).get('q')
              navigate(`/?q=${encodeURIComponent(String(value ?? ''))}`)
            },
          },
          h('label', { class: 'sr-only', for: 'search-input' }, text.search),
          h('input', {
            id: 'search-input',
            name: 'q',
            type: 'search',
            placeholder: text.searchPlaceholder,
            value: url.pathname === '/' ? (url.searchParams.get('q') ?? '') : '',
          }),
          h('button', { type: 'submit' }, text.search),
        ),
        h(
          'nav',
          { class: 'topnav', 'aria-label': text.shop },
          h(
            'select',
            {
              class: 'locale-select',
              'aria-label': text.language,
              value: locale,
              onChange: (event: Event) => {
                const next = (event.currentTarget as HTMLSelectElement).value as SupportedLocale
                setLocale(next)
                try {
                  localStorage.setItem(localeKey, next)
                } catch {
                  // Without storage the choice lasts for this page.
                }
                window.dispatchEvent(new CustomEvent(localeChangedEvent, { detail: next }))
              },
            },
            storeLocales.map((option) => h('option', { value: option }, localeLabels[option])),
          ),
          link(
            '/cart',
            [
              h('span', null, text.cart),
              h(
                'span',
                {
                  class: count > 0 ? 'badge' : 'badge empty',
                  'data-testid': 'cart-badge',
                  'aria-label': `${count}`,
                },
                String(count),
              ),
            ],
            { class: 'cart-link' },
          ),
        ),
      ),
    ),
    h('main', { class: 'content' }, page),
    h(
      'footer',
      { class: 'site-footer' },
      h(
        'p',
        null,
        `© 2026 ${props.configuration?.name ?? 'Kedai'} · Kuala Lumpur · Penang · Taipei`,
      ),
      h('p', null, props.configuration?.supportEmail ?? ''),
    ),
  )
}
