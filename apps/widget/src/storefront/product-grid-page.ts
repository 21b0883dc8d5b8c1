import { h, type ComponentChild } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { ProductSummary } from '../shared/store-client.ts'
import { formatMoney } from '../shared/store-locale.ts'
import type { PageProps } from './storefront-app.ts'

/** `/` and `/?q=…`: the product grid with search. */
export function ProductGridPage(props: PageProps & { readonly query: string }): ComponentChild {
  const [products, setProducts] = useState<ProductSummary[] | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  const { text, locale } = props

  useEffect(() => {
    let current = true
    setFailed(false)
    props.store
      .searchProducts({ text: props.query, locale, pageSize: 50 })
      .then((page) => {
        if (current) setProducts(page.items)
      })
      .catch(() => {
        if (current) setFailed(true)
      })
    return () => {
      current = false
    }
  }, [props.query, locale, props.store])

  return h(
    'div',
    null,
    props.query.length === 0
      ? h('section', { class: 'hero' }, h('h1', null, text.heroTitle), h('p', null, text.heroText))
      : null,
    h(
      'div',
      { class: 'grid-heading' },
      h('h2', null, props.query.length > 0 ? `“${props.query}”` : text.shop),
      products === undefined ? null : h('span', { class: 'muted' }, text.results(products.length)),
    ),
    failed
      ? h('p', { class: 'notice-box', role: 'alert' }, text.problem)
      : products === undefined
        ? h('p', { class: 'muted' }, text.loading)
        : products.length === 0
          ? h('p', { class: 'notice-box' }, text.noResults)
          : h(
              'ul',
              { class: 'product-grid', 'aria-label': text.shop },
              products.map((product) =>
                h(
                  'li',
                  { key: product.id },
                  h(
                    'a',
                    {
                      class: 'product-tile',
                      href: `/products/${product.slug}`,
                      onClick: (event: MouseEvent) => {
                        event.preventDefault()
                        props.navigate(`/products/${product.slug}`)
                      },
                    },
                    h(
                      'div',
                      { class: 'tile-image' },
                      product.imageUrl === null
                        ? null
                        : h('img', { src: product.imageUrl, alt: '', loading: 'lazy' }),
                    ),
                    h('h3', null, product.name),
                    h(
                      'p',
                      { class: 'tile-price' },
                      product.priceFrom.amount === product.priceTo.amount
                        ? formatMoney(product.priceFrom, locale)
                        : text.priceFrom(formatMoney(product.priceFrom, locale)),
                    ),
                    h(
                      'p',
                      { class: product.inStock ? 'stock in' : 'stock out' },
                      product.inStock ? text.inStock : text.soldOut,
                    ),
                  ),
                ),
              ),
            ),
  )
}
