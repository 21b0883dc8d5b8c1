import { h, type ComponentChild } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { ProductDetail, ProductVariant, StoreLocation } from '../shared/store-client.ts'
import { formatMoney } from '../shared/store-locale.ts'
import type { PageProps } from './storefront-app.ts'

function optionLabel(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/[-_]/g, ' ')
}

/** Sizes in numeric order (6, 8, 10, 11), other values as given. */
function sortOptionValues(values: readonly string[]): string[] {
  const numeric = values.every((value) => /^\d+(\.\d+)?$/.test(value))
  return numeric ? [...values].sort((left, right) => Number(left) - Number(right)) : [...values]
}

/** The variant whose options all match `selection`, if any. */
function findVariant(
  product: ProductDetail,
  selection: Record<string, string>,
): ProductVariant | undefined {
  return product.variants.find((variant) =>
    Object.entries(selection).every(([name, value]) => variant.options[name] === value),
  )
}

/** `/products/:slug`: gallery, option pickers, per-store availability and add to cart. */
export function ProductPage(props: PageProps & { readonly slug: string }): ComponentChild {
  const { text, locale } = props
  const [product, setProduct] = useState<ProductDetail | null | undefined>(undefined)
  const [locations, setLocations] = useState<StoreLocation[]>([])
  const [selection, setSelection] = useState<Record<string, string>>({})
  const [quantity, setQuantity] = useState(1)
  const [status, setStatus] = useState<'idle' | 'adding' | 'added' | 'failed'>('idle')

  useEffect(() => {
    let current = true
    props.store
      .fetchProduct(props.slug, locale)
      .then((found) => {
        if (!current) return
        setProduct(found ?? null)
        const first =
          found?.variants.find((variant) => variant.isAvailable && variant.availableOnline > 0) ??
          found?.variants.find((variant) => variant.isAvailable) ??
          found?.variants[0]
        if (first !== undefined) setSelection({ ...first.options })
      })
      .catch(() => {
        if (current) setProduct(null)
      })
    props.store
      .fetchLocations(locale)
      .then((found) => {
        if (current) setLocations(found)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [props.slug, locale, props.store])

  const optionNames = useMemo(
    () => (product === null || product === undefined ? [] : Object.keys(product.options)),
    [product],
  )

  if (product === undefined) return h('p', { class: 'muted' }, text.loading)
  if (product === null) return h('p', { class: 'notice-box', role: 'alert' }, text.notFound)

  const variant = findVariant(product, selection)
  const price = variant?.price ?? product.priceFrom
  const canAdd = variant !== undefined && variant.isAvailable && variant.availableOnline > 0

  const choose = (name: string, value: string) => {
    setStatus('idle')
    const next = { ...selection, [name]: value }
    // Keep the other options when that combination exists; otherwise jump to one that does.
    if (findVariant(product, next) === undefined) {
      const fallback = product.variants.find((candidate) => candidate.options[name] === value)
      setSelection(fallback === undefined ? next : { ...fallback.options })
    } else setSelection(next)
  }

  const add = () => {
    if (variant === undefined) return
    setStatus('adding')
    props.store
      .addToCart(variant.id, quantity, locale)
      .then((cart) => {
        props.onCartChanged(cart)
        setStatus('added')
      })
      .catch(() => setStatus('failed'))
  }

  const stores = locations.filter((location) => location.kind === 'store')
  return h(
    'article',
    { class: 'product-page' },
    h(
      'div',
      { class: 'product-gallery' },
      product.imageUrl === null ? null : h('img', { src: product.imageUrl, alt: product.name }),
    ),
    h(
      'div',
      { class: 'product-info' },
      product.brand === null ? null : h('p', { class: 'brand' }, product.brand),
      h('h1', null, product.name),
      h(
        'p',
        { class: 'product-price', 'data-testid': 'product-price' },
        formatMoney(price, locale),
      ),
      h('p', { class: 'description' }, product.description),
      optionNames.map((name) =>
        h(
          'fieldset',
          { class: 'option-picker', key: name },
          h('legend', null, optionLabel(name), ': ', h('strong', null, selection[name] ?? '')),
          h(
            'div',
            { class: 'option-values' },
            sortOptionValues(product.options[name] ?? []).map((value) => {
              const exists = product.variants.some(
                (candidate) => candidate.options[name] === value && candidate.isAvailable,
              )
              return h(
                'button',
                {
                  type: 'button',
                  class: `option ${selection[name] === value ? 'selected' : ''} ${exists ? '' : 'faded'}`,
                  'aria-pressed': selection[name] === value ? 'true' : 'false',
                  onClick: () => choose(name, value),
                },
                value,
              )
            }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'buy-row' },
        h(
          'label',
          { class: 'quantity' },
          h('span', { class: 'sr-only' }, text.quantity),
          h('input', {
            type: 'number',
            min: 1,
            max: 99,
            value: quantity,
            'aria-label': text.quantity,
            onInput: (event: Event) =>
              setQuantity(
                Math.min(
                  99,
                  Math.max(1, Number((event.currentTarget as HTMLInputElement).value) || 1),
                ),
              ),
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary-button',
            disabled: !canAdd || status === 'adding',
            onClick: add,
          },
          canAdd ? text.addToCart : text.soldOut,
        ),
      ),
      status === 'added' ? h('p', { class: 'added', role: 'status' }, `✓ ${text.added}`) : null,
      status === 'failed' ? h('p', { class: 'error', role: 'alert' }, text.problem) : null,
      h(
        'section',
        { class: 'availability', 'aria-label': text.availability },
        h('h2', null, text.availability),
        variant === undefined
          ? h('p', { class: 'muted' }, text.chooseOptions)
          : h(
              'ul',
              null,
              h(
                'li',
                null,
                h('span', null, text.online),
                h(
                  'span',
                  { class: variant.availableOnline > 0 ? 'stock in' : 'stock out' },
                  variant.availableOnline > 0
                    ? text.units(variant.availableOnline)
                    : text.unavailable,
                ),
              ),
              stores.map((location) => {
                const stock = variant.stock.find(
                  (entry) =>
                    entry.locationId === location.id || entry.locationCode === location.code,
                )
                const available = stock?.available ?? 0
                return h(
                  'li',
                  { key: location.id, 'data-location': location.code },
                  h(
                    'span',
                    null,
                    location.name,
                    stock?.aisle ? h('small', null, ` · ${stock.aisle}`) : null,
                  ),
                  h(
                    'span',
                    { class: available > 0 ? 'stock in' : 'stock out' },
                    available > 0 ? text.units(available) : text.unavailable,
                  ),
                )
              }),
            ),
      ),
    ),
  )
}
