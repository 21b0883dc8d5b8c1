import type { SupportedLocale } from '@kedai/contracts'

/** Money as the store API returns it: integer minor units and an ISO 4217 currency. */
export interface Money {
  readonly amount: number
  readonly currency: string
}

/** `GET /api/store/configuration`. */
export interface StoreConfiguration {
  readonly name: string
  readonly currency: string
  readonly defaultLocale: SupportedLocale
  readonly locales: readonly SupportedLocale[]
  readonly assistantName: string
  readonly welcome: Partial<Record<SupportedLocale, string>> & { readonly en: string }
  readonly supportEmail: string | null
  readonly theme: {
    readonly primaryColor: string
    readonly accentColor: string
    readonly position: 'left' | 'right'
    readonly logoUrl: string | null
  }
  readonly widgetVersion: string | null
}

/** A product in a list (`GET /api/store/products`). */
export interface ProductSummary {
  readonly id: string
  readonly slug: string
  readonly name: string
  readonly categoryKey: string | null
  readonly imageUrl: string | null
  readonly priceFrom: Money
  readonly priceTo: Money
  readonly inStock: boolean
  readonly options: Record<string, string[]>
}

/** Units of a variant at one location. */
export interface VariantStock {
  readonly locationId: string
  readonly locationCode: string
  readonly locationKind: string
  readonly available: number
  readonly aisle: string | null
}

/** A sellable variant of a product. */
export interface ProductVariant {
  readonly id: string
  readonly sku: string
  readonly options: Record<string, string>
  readonly price: Money
  readonly isAvailable: boolean
  readonly availableOnline: number
  readonly stock: readonly VariantStock[]
}

/** A product page (`GET /api/store/products/:slug`). */
export interface ProductDetail extends ProductSummary {
  readonly description: string
  readonly brand: string | null
  readonly variants: readonly ProductVariant[]
}

/** A store location (`GET /api/store/locations`). */
export interface StoreLocation {
  readonly id: string
  readonly code: string
  readonly kind: string
  readonly name: string
  readonly address: Record<string, string>
}

/** A line of a cart. */
export interface CartLine {
  readonly id: string
  readonly variantId: string
  readonly productId: string | null
  readonly name: string
  readonly options: Record<string, string>
  readonly quantity: number
  readonly unitPrice: Money
  readonly lineTotal: Money
}

/** A cart (`/api/store/carts/:token`). */
export interface Cart {
  readonly id: string
  readonly token: string
  readonly status: string
  readonly currency: string
  readonly lines: readonly CartLine[]
  readonly totals: { readonly subtotal?: Money; readonly total?: Money } & Record<string, unknown>
}

/** Why a store API call failed: the server's machine reason (or `network`) and its message. */
export class StoreApiError extends Error {
  readonly status: number
  readonly reason: string
  constructor(status: number, reason: string, message: string) {
    super(message)
    this.name = 'StoreApiError'
    this.status = status
    this.reason = reason
  }
}

/** Name of the `window` event fired whenever the shared cart changes (detail: {@link CartUpdatedDetail}). */
export const cartUpdatedEvent = 'kedai:cart-updated'

/** Detail of {@link cartUpdatedEvent}: who changed the cart, and the cart when it is known. */
export interface CartUpdatedDetail {
  readonly source: 'widget' | 'page'
  readonly cart?: Cart
}

const cartTokenKey = 'kedai:cart-token'

/** The cart token the page and the widget share (same origin, so the same localStorage). */
export function readCartToken(): string | undefined {
  try {
    return localStorage.getItem(cartTokenKey) ?? undefined
  } catch {
    return undefined
  }
}

/** Remembers (or forgets, with `undefined`) the shared cart token. */
export function writeCartToken(token: string | undefined): void {
  try {
    if (token === undefined) localStorage.removeItem(cartTokenKey)
    else localStorage.setItem(cartTokenKey, token)
  } catch {
    // Private browsing without storage: the cart lives for this page only.
  }
}

/** Tells the page and the widget the cart changed, so each refetches it. */
export function announceCartUpdate(detail: CartUpdatedDetail): void {
  window.dispatchEvent(new CustomEvent<CartUpdatedDetail>(cartUpdatedEvent, { detail }))
}

/** Units in a cart, for badges. */
export function countCartItems(cart: Cart | undefined): number {
  return cart?.lines.reduce((total, line) => total + line.quantity, 0) ?? 0
}

/** A thin client of the store API (`/api/store/…`) at `baseUrl`. */
export interface StoreClient {
  readonly baseUrl: string
  fetchConfiguration(): Promise<StoreConfiguration>
  searchProducts(input: {
    text?: string
    locale: SupportedLocale
    pageSize?: number
  }): Promise<{ items: ProductSummary[]; total: number }>
  fetchProduct(slug: string, locale: SupportedLocale): Promise<ProductDetail | undefined>
  fetchLocations(locale: SupportedLocale): Promise<StoreLocation[]>
  /** The shared cart, or `undefined` when there is none yet (or it was closed). */
  fetchCart(locale: SupportedLocale): Promise<Cart | undefined>
  /** The shared cart, opened when there is none yet. */
  ensureCart(locale: SupportedLocale): Promise<Cart>
  addToCart(variantId: string, quantity: number, locale: SupportedLocale): Promise<Cart>
  setLineQuantity(lineId: string, quantity: number, locale: SupportedLocale): Promise<Cart>
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly details?: unknown }
  readonly reason?: string
  readonly message?: string
}

/** Creates a {@link StoreClient} for the server at `baseUrl` (`''` for the page's own origin). */
export function createStoreClient(baseUrl: string): StoreClient {
  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
      })
    } catch (error) {
      throw new StoreApiError(0, 'network', error instanceof Error ? error.message : String(error))
    }
    const body = (await response.json().catch(() => ({}))) as T & ErrorBody
    if (!response.ok) {
      const details = body.error?.details as { reason?: string } | undefined
      throw new StoreApiError(
        response.status,
        details?.reason ?? body.reason ?? body.error?.code ?? 'failed',
        body.error?.message ?? body.message ?? `HTTP ${response.status}`,
      )
    }
    return body
  }

  // A cart change may answer with the cart, `{ cart }`, or a refused `{ ok: false, reason }`.
  function readCart(body: unknown): Cart {
    const value = body as { cart?: Cart; ok?: boolean; reason?: string; value?: Cart } & Cart
    if (value.ok === false)
      throw new StoreApiError(409, value.reason ?? 'refused', value.reason ?? 'refused')
    return value.cart ?? value.value ?? value
  }

  const client: StoreClient = {
    baseUrl,
    fetchConfiguration: () => request<StoreConfiguration>('/api/store/configuration'),
    async searchProducts({ text, locale, pageSize = 50 }) {
      const query = new URLSearchParams({ locale, pageSize: String(pageSize) })
      if (text !== undefined && text.trim().length > 0) query.set('q', text.trim())
      const body = await request<{ items: ProductSummary[]; total?: number }>(
        `/api/store/products?${query.toString()}`,
      )
      return { items: body.items, total: body.total ?? body.items.length }
    },
    async fetchProduct(slug, locale) {
      try {
        const body = await request<ProductDetail | { product: ProductDetail }>(
          `/api/store/products/${encodeURIComponent(slug)}?locale=${locale}`,
        )
        return 'product' in body ? body.product : body
      } catch (error) {
        if (error instanceof StoreApiError && error.status === 404) return undefined
        throw error
      }
    },
    async fetchLocations(locale) {
      const body = await request<{ items: StoreLocation[] }>(
        `/api/store/locations?locale=${locale}`,
      )
      return body.items
    },
    async fetchCart(locale) {
      const token = readCartToken()
      if (token === undefined) return undefined
      try {
        const cart = readCart(
          await request(`/api/store/carts/${encodeURIComponent(token)}?locale=${locale}`),
        )
        if (cart.status !== 'open') return undefined
        return cart
      } catch (error) {
        if (error instanceof StoreApiError && error.status === 404) {
          writeCartToken(undefined)
          return undefined
        }
        throw error
      }
    },
    async ensureCart(locale) {
      const existing = await client.fetchCart(locale)
      if (existing !== undefined) return existing
      const cart = readCart(
        await request('/api/store/carts', { method: 'POST', body: JSON.stringify({ locale }) }),
      )
      writeCartToken(cart.token)
      return cart
    },
    async addToCart(variantId, quantity, locale) {
      const cart = await client.ensureCart(locale)
      return readCart(
        await request(`/api/store/carts/${encodeURIComponent(cart.token)}/lines?locale=${locale}`, {
          method: 'POST',
          body: JSON.stringify({ variant: variantId, quantity }),
        }),
      )
    },
    async setLineQuantity(lineId, quantity, locale) {
      const cart = await client.ensureCart(locale)
      return readCart(
        await request(
          `/api/store/carts/${encodeURIComponent(cart.token)}/lines/${encodeURIComponent(lineId)}?locale=${locale}`,
          { method: 'PATCH', body: JSON.stringify({ quantity }) },
        ),
      )
    },
  }
  return client
}
