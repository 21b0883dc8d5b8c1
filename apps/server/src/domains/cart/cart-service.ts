import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { pickText, type Locale, type LocalizedText } from '../../shared/locale.ts'
import type { Money } from '../../shared/money.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { cartEventTypes } from './cart-events.ts'
import {
  calculateCartTotals,
  defaultTaxConfiguration,
  type CartTotals,
  type TaxConfiguration,
} from './calculate-cart-totals.ts'

/** Smallest and largest quantity of one line. */
export const cartLineQuantityLimits = { minimum: 1, maximum: 99 } as const

/** States of a cart. */
export const cartStatuses = ['open', 'merged', 'checked-out'] as const

/** One of {@link cartStatuses}. */
export type CartStatus = (typeof cartStatuses)[number]

/** Why a cart change was refused. */
export const cartFailureReasons = [
  'cart-not-found',
  'cart-closed',
  'line-not-found',
  'unknown-variant',
  'unavailable',
  'insufficient-stock',
  'invalid-quantity',
] as const

/** One of {@link cartFailureReasons}. */
export type CartFailureReason = (typeof cartFailureReasons)[number]

/** Details of a refused change the shopper (or bot) can be told. */
export interface CartFailureDetails {
  readonly variantId?: string
  readonly available?: number
  readonly maximum?: number
}

/** A variant as the cart needs it (the catalog provides these; the port is owned here). */
export interface CartVariant {
  readonly id: string
  readonly productId: string
  readonly sku: string
  readonly name: LocalizedText
  readonly options: Record<string, string>
  readonly price: Money
  readonly isAvailable: boolean
  readonly availableOnline: number
}

/** Looks variants up by id or SKU; the catalog implements it. Unknown ones are left out. */
export interface CartVariantCatalog {
  findVariantsForSale(idsOrSkus: readonly string[]): Promise<CartVariant[]>
}

/** A line as the shopper sees it. */
export interface CartLineView {
  readonly id: string
  readonly variantId: string
  readonly productId: string | null
  readonly sku: string | null
  readonly name: string
  readonly options: Record<string, string>
  readonly quantity: number
  /** The price the shopper was shown when adding; re-checked at checkout. */
  readonly unitPrice: Money
  readonly lineTotal: Money
  /** The catalog's price now, when it differs from `unitPrice`. */
  readonly currentUnitPrice: Money | null
  readonly isAvailable: boolean
}

/** A cart with its lines and totals (discount and shipping are decided at checkout). */
export interface CartView {
  readonly id: string
  readonly token: string
  readonly customerId: string | null
  readonly status: CartStatus
  readonly currency: string
  readonly locale: Locale
  readonly orderId: string | null
  readonly lines: readonly CartLineView[]
  readonly totals: CartTotals
  readonly createdAt: string
  readonly updatedAt: string
}

/** The outcome of a cart change. */
export type CartResult = Result<CartView, CartFailureReason, CartFailureDetails>

/** Guest and customer carts: lines, totals, merging, and the checkout hand-off. */
export interface CartService {
  /** Opens a cart; a customer with an open cart gets that one back. */
  createCart(input: {
    customerId?: string | null
    locale: Locale
    currency?: string
  }): Promise<CartView>
  /** A cart by its token; `undefined` when unknown. */
  getCart(token: string, locale?: Locale): Promise<CartView | undefined>
  /** A cart by its id; `undefined` when unknown. */
  getCartById(cartId: string, locale?: Locale): Promise<CartView | undefined>
  /** The open cart of a customer, if any. */
  findOpenCart(customerId: string): Promise<CartView | undefined>
  /** Adds units of a variant (by id or SKU); a line already there grows (at most 99). */
  addLine(token: string, input: { variant: string; quantity: number }): Promise<CartResult>
  /** Sets a line's quantity (by line id or variant id); 0 removes it. */
  setLineQuantity(token: string, line: string, quantity: number): Promise<CartResult>
  /** Removes a line (by line id or variant id). */
  removeLine(token: string, line: string): Promise<CartResult>
  /**
   * Moves a guest cart's lines into the customer's open cart (created when missing), adding
   * quantities (capped at 99); the guest cart becomes `merged`. Returns the customer's cart.
   */
  mergeGuestCart(guestToken: string, customerId: string): Promise<CartResult>
  /** Stores new unit prices (variant id → amount) after the shopper was told prices changed. */
  updateLinePrices(cartId: string, prices: ReadonlyMap<string, number>): Promise<void>
  /** Closes an open cart as checked out; false when it was no longer open. Publishes `cart.checked-out`. */
  markCheckedOut(cartId: string, orderId: string): Promise<boolean>
  /** Totals of this cart with a discount and shipping. */
  calculateTotals(
    cart: CartView,
    adjustments: { discountAmount?: number; shippingAmount?: number },
  ): CartTotals
}

/** What {@link createCartService} needs. */
export interface CartServiceDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly variants: CartVariantCatalog
  readonly currency: string
  readonly tax?: TaxConfiguration
  /** Makes cart tokens; defaults to 24 random bytes in base64url. */
  readonly createToken?: () => string
}

function isValidQuantity(quantity: number, minimum: number): boolean {
  return (
    Number.isSafeInteger(quantity) &&
    quantity >= minimum &&
    quantity <= cartLineQuantityLimits.maximum
  )
}

/** Creates the {@link CartService} over the `carts` and `cart_lines` tables. */
export function createCartService(dependencies: CartServiceDependencies): CartService {
  const { db, clock, eventBus, createId, variants } = dependencies
  const tax = dependencies.tax ?? defaultTaxConfiguration
  const createToken = dependencies.createToken ?? (() => randomBytes(24).toString('base64url'))

  async function loadView(
    where: { token: string } | { id: string },
    locale?: Locale,
  ): Promise<CartView | undefined> {
    const cart = await db
      .selectFrom('carts')
      .selectAll()
      .$if('token' in where, (query) =>
        query.where('token', '=', 'token' in where ? where.token : ''),
      )
      .$if('id' in where, (query) => query.where('id', '=', 'id' in where ? where.id : ''))
      .executeTakeFirst()
    if (cart === undefined) return undefined
    const lines = await db
      .selectFrom('cart_lines')
      .selectAll()
      .where('cart_id', '=', cart.id)
      .orderBy('id')
      .execute()
    const found = await variants.findVariantsForSale(lines.map((line) => line.variant_id))
    const byId = new Map(found.map((variant) => [variant.id, variant]))
    const cartLocale = locale ?? (cart.locale as Locale)
    const lineViews: CartLineView[] = lines.map((line) => {
      const variant = byId.get(line.variant_id)
      const unitPriceAmount = Number(line.unit_price_amount)
      return {
        id: line.id,
        variantId: line.variant_id,
        productId: variant?.productId ?? null,
        sku: variant?.sku ?? null,
        name: variant === undefined ? line.variant_id : pickText(variant.name, cartLocale),
        options: variant?.options ?? {},
        quantity: Number(line.quantity),
        unitPrice: { amount: unitPriceAmount, currency: cart.currency },
        lineTotal: { amount: unitPriceAmount * Number(line.quantity), currency: cart.currency },
        currentUnitPrice:
          variant !== undefined && variant.price.amount !== unitPriceAmount ? variant.price : null,
        isAvailable: variant?.isAvailable ?? false,
      }
    })
    return {
      id: cart.id,
      token: cart.token,
      customerId: cart.customer_id,
      status: cart.status as CartStatus,
      currency: cart.currency,
      locale: cart.locale as Locale,
      orderId: cart.order_id,
      lines: lineViews,
      totals: calculateCartTotals({
        lines: lineViews.map((line) => ({
          unitPriceAmount: line.unitPrice.amount,
          quantity: line.quantity,
        })),
        currency: cart.currency,
        tax,
      }),
      createdAt: cart.created_at,
      updatedAt: cart.updated_at,
    }
  }

  async function touch(cartId: string): Promise<void> {
    const updatedAt = clock.now().toISOString()
    await db.updateTable('carts').set({ updated_at: updatedAt }).where('id', '=', cartId).execute()
    const view = await loadView({ id: cartId })
    if (view === undefined) return
    await eventBus.publish({
      type: cartEventTypes.updated,
      aggregateId: cartId,
      payload: {
        cartId,
        customerId: view.customerId,
        itemCount: view.totals.itemCount,
        subtotal: view.totals.subtotal,
        updatedAt,
      },
    })
  }

  async function openCart(
    token: string,
  ): Promise<Result<CartView, 'cart-not-found' | 'cart-closed'>> {
    const cart = await loadView({ token })
    if (cart === undefined) return fail('cart-not-found')
    if (cart.status !== 'open') return fail('cart-closed')
    return succeed(cart)
  }

  function findLine(cart: CartView, line: string): CartLineView | undefined {
    return cart.lines.find((candidate) => candidate.id === line || candidate.variantId === line)
  }

  async function reload(cartId: string): Promise<CartResult> {
    const view = await loadView({ id: cartId })
    return view === undefined ? fail('cart-not-found') : succeed(view)
  }

  const service: CartService = {
    async createCart({ customerId = null, locale, currency }) {
      if (customerId !== null) {
        const existing = await service.findOpenCart(customerId)
        if (existing !== undefined) return existing
      }
      const now = clock.now().toISOString()
      const id = createId('crt')
      await db
        .insertInto('carts')
        .values({
          id,
          token: createToken(),
          customer_id: customerId,
          status: 'open',
          currency: currency ?? dependencies.currency,
          locale,
          order_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
      const view = await loadView({ id })
      if (view === undefined) throw new Error(`cart ${id} vanished after insert`)
      return view
    },

    getCart: (token, locale) => loadView({ token }, locale),

    getCartById: (cartId, locale) => loadView({ id: cartId }, locale),

    async findOpenCart(customerId) {
      const row = await db
        .selectFrom('carts')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('status', '=', 'open')
        .orderBy('updated_at', 'desc')
        .executeTakeFirst()
      return row === undefined ? undefined : loadView({ id: row.id })
    },

    async addLine(token, { variant: reference, quantity }) {
      if (!isValidQuantity(quantity, cartLineQuantityLimits.minimum)) {
        return fail('invalid-quantity', { maximum: cartLineQuantityLimits.maximum })
      }
      const opened = await openCart(token)
      if (!opened.ok) return opened
      const cart = opened.value
      const [variant] = await variants.findVariantsForSale([reference])
      if (variant === undefined) return fail('unknown-variant')
      if (!variant.isAvailable) return fail('unavailable', { variantId: variant.id })
      const existing = findLine(cart, variant.id)
      const wanted = (existing?.quantity ?? 0) + quantity
      if (wanted > cartLineQuantityLimits.maximum) {
        return fail('invalid-quantity', {
          variantId: variant.id,
          maximum: cartLineQuantityLimits.maximum,
        })
      }
      if (wanted > variant.availableOnline) {
        return fail('insufficient-stock', {
          variantId: variant.id,
          available: variant.availableOnline,
        })
      }
      const now = clock.now().toISOString()
      if (existing === undefined) {
        await db
          .insertInto('cart_lines')
          .values({
            id: createId('cli'),
            cart_id: cart.id,
            variant_id: variant.id,
            quantity,
            unit_price_amount: variant.price.amount,
            created_at: now,
            updated_at: now,
          })
          .execute()
      } else {
        await db
          .updateTable('cart_lines')
          .set({ quantity: wanted, unit_price_amount: variant.price.amount, updated_at: now })
          .where('id', '=', existing.id)
          .execute()
      }
      await touch(cart.id)
      return reload(cart.id)
    },

    async setLineQuantity(token, line, quantity) {
      if (!isValidQuantity(quantity, 0))
        return fail('invalid-quantity', { maximum: cartLineQuantityLimits.maximum })
      const opened = await openCart(token)
      if (!opened.ok) return opened
      const existing = findLine(opened.value, line)
      if (existing === undefined) return fail('line-not-found')
      if (quantity === 0) return service.removeLine(token, line)
      if (quantity > existing.quantity) {
        const [variant] = await variants.findVariantsForSale([existing.variantId])
        if (variant === undefined) return fail('unknown-variant')
        if (!variant.isAvailable) return fail('unavailable', { variantId: variant.id })
        if (quantity > variant.availableOnline) {
          return fail('insufficient-stock', {
            variantId: variant.id,
            available: variant.availableOnline,
          })
        }
      }
      await db
        .updateTable('cart_lines')
        .set({ quantity, updated_at: clock.now().toISOString() })
        .where('id', '=', existing.id)
        .execute()
      await touch(opened.value.id)
      return reload(opened.value.id)
    },

    async removeLine(token, line) {
      const opened = await openCart(token)
      if (!opened.ok) return opened
      const existing = findLine(opened.value, line)
      if (existing === undefined) return fail('line-not-found')
      await db.deleteFrom('cart_lines').where('id', '=', existing.id).execute()
      await touch(opened.value.id)
      return reload(opened.value.id)
    },

    async mergeGuestCart(guestToken, customerId) {
      const opened = await openCart(guestToken)
      if (!opened.ok) return opened
      const guest = opened.value
      if (guest.customerId === customerId) return succeed(guest)
      const target =
        (await service.findOpenCart(customerId)) ??
        (await service.createCart({ customerId, locale: guest.locale, currency: guest.currency }))
      const now = clock.now().toISOString()
      await db.transaction().execute(async (transaction) => {
        for (const line of guest.lines) {
          const existing = target.lines.find((candidate) => candidate.variantId === line.variantId)
          if (existing === undefined) {
            await transaction
              .insertInto('cart_lines')
              .values({
                id: createId('cli'),
                cart_id: target.id,
                variant_id: line.variantId,
                quantity: line.quantity,
                unit_price_amount: line.unitPrice.amount,
                created_at: now,
                updated_at: now,
              })
              .execute()
          } else {
            await transaction
              .updateTable('cart_lines')
              .set({
                quantity: Math.min(
                  cartLineQuantityLimits.maximum,
                  existing.quantity + line.quantity,
                ),
                unit_price_amount: line.unitPrice.amount,
                updated_at: now,
              })
              .where('id', '=', existing.id)
              .execute()
          }
        }
        await transaction
          .updateTable('carts')
          .set({ status: 'merged', updated_at: now })
          .where('id', '=', guest.id)
          .execute()
      })
      await eventBus.publish({
        type: cartEventTypes.merged,
        aggregateId: target.id,
        payload: { fromCartId: guest.id, intoCartId: target.id, customerId, updatedAt: now },
      })
      await touch(target.id)
      return reload(target.id)
    },

    async updateLinePrices(cartId, prices) {
      const now = clock.now().toISOString()
      for (const [variantId, amount] of prices) {
        await db
          .updateTable('cart_lines')
          .set({ unit_price_amount: amount, updated_at: now })
          .where('cart_id', '=', cartId)
          .where('variant_id', '=', variantId)
          .execute()
      }
      await touch(cartId)
    },

    async markCheckedOut(cartId, orderId) {
      const now = clock.now().toISOString()
      const updated = await db
        .updateTable('carts')
        .set({ status: 'checked-out', order_id: orderId, updated_at: now })
        .where('id', '=', cartId)
        .where('status', '=', 'open')
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) return false
      const cart = await db
        .selectFrom('carts')
        .select('customer_id')
        .where('id', '=', cartId)
        .executeTakeFirst()
      await eventBus.publish({
        type: cartEventTypes.checkedOut,
        aggregateId: cartId,
        payload: { cartId, orderId, customerId: cart?.customer_id ?? null, updatedAt: now },
      })
      return true
    },

    calculateTotals(cart, adjustments) {
      return calculateCartTotals({
        lines: cart.lines.map((line) => ({
          unitPriceAmount: line.unitPrice.amount,
          quantity: line.quantity,
        })),
        currency: cart.currency,
        discountAmount: adjustments.discountAmount,
        shippingAmount: adjustments.shippingAmount,
        tax,
      })
    },
  }
  return service
}
