import type { CartService, CartView } from '../../domains/cart/index.ts'
import type { CatalogService } from '../../domains/catalog/index.ts'
import {
  createCustomerService,
  findChargeablePaymentMethod,
} from '../../domains/customers/index.ts'
import type { InventoryService } from '../../domains/inventory/index.ts'
import type {
  DeclineReason,
  Payment,
  PaymentMethodInput,
  PaymentsService,
} from '../../domains/payments/index.ts'
import type { Db } from '../../db/database.ts'
import type { Clock } from '../../shared/clock.ts'
import type { EventBus } from '../../shared/event-bus.ts'
import type { IdGenerator } from '../../shared/ids.ts'
import { pickText, type Locale } from '../../shared/locale.ts'
import type { Money } from '../../shared/money.ts'
import type { Result } from '../../shared/result.ts'
import type {
  CheckoutAddress,
  CheckoutFraudScreen,
  CheckoutNotifier,
  CheckoutPromotions,
  CheckoutShipping,
  ShippingQuote,
} from './checkout-ports.ts'
import {
  claimCheckoutKey,
  deletePlacedOrder,
  findCheckout,
  findCustomer,
  findOrCreateGuestCustomer,
  findSavedAddress,
  finishCheckout,
  insertPlacedOrder,
  releaseCheckoutKey,
  spendLoyaltyPoints,
  type CheckoutCustomer,
  type PlacedOrderLine,
} from './place-order-repository.ts'
import {
  calculateEarnedPoints,
  checkPointsRedemption,
  defaultLoyaltyConfiguration,
  tierOfBalance,
  type LoyaltyConfiguration,
} from './loyalty-rules.ts'
import { quoteCheckout, type CheckoutQuote, type QuoteCheckoutInput } from './quote-checkout.ts'
import { runSteps, type Step } from './run-steps.ts'

/** Why a checkout did not place an order: each is explained to the shopper, never a 500. */
export const placeOrderFailureReasons = [
  'cart-not-found',
  'invalid-cart',
  'already-checked-out',
  'customer-required',
  'address-required',
  'payment-method-not-found',
  'price-changed',
  'out-of-stock',
  'shipping-unavailable',
  'invalid-coupon',
  'points-below-minimum',
  'points-not-in-blocks',
  'points-over-limit',
  'insufficient-points',
  'fraud-blocked',
  'payment-declined',
  'requires-action',
  'reservation-expired',
  'checkout-in-progress',
] as const

/** One of {@link placeOrderFailureReasons}. */
export type PlaceOrderFailureReason = (typeof placeOrderFailureReasons)[number]

/** How the shopper pays at checkout. */
export type CheckoutPayment =
  /** A provider token made in the shopper's browser (Stripe `pm_…`, sandbox `tok_sandbox_…`). */
  | { readonly kind: 'token'; readonly token: string }
  /** A typed card, only where the provider tokenizes server-side (the sandbox). */
  | {
      readonly kind: 'card'
      readonly number: string
      readonly expiry?: string | undefined
      readonly cvc?: string | undefined
    }
  /** A saved payment method of a signed-in customer (by id or reference). */
  | { readonly kind: 'saved'; readonly paymentMethodId: string }
  /** A hosted payment page (payment link, PayPal approval): returns `requires-action`. */
  | { readonly kind: 'hosted-page' }

/** What the shopper confirms at checkout. */
export interface PlaceOrderInput {
  readonly cartToken: string
  /** Idempotency key: the same key never places two orders, and a retry replays the outcome. */
  readonly checkoutKey: string
  /** Signed-in customer; the cart's customer when absent. */
  readonly customerId?: string | undefined
  /** For a guest checkout: who orders. */
  readonly guest?:
    { readonly email: string; readonly firstName: string; readonly lastName: string } | undefined
  /** A new address, or the id of a saved one; the default saved address when neither is given. */
  readonly shippingAddress?: CheckoutAddress | undefined
  readonly savedAddressId?: string | undefined
  readonly payment: CheckoutPayment
  readonly couponCode?: string | undefined
  /**
   * Loyalty points to spend on this order: at least the programme's minimum, in whole blocks, worth
   * at most its share of the order after discounts (before shipping), and no more than the balance.
   */
  readonly redeemPoints?: number | undefined
  readonly locale?: Locale | undefined
  readonly conversationId?: string | undefined
}

/** The order as the shopper is told about it. */
export interface PlacedOrder {
  readonly id: string
  readonly number: string
  readonly customerId: string
  readonly status: 'pending'
  readonly lines: readonly PlacedOrderLine[]
  readonly subtotal: Money
  readonly discount: Money
  readonly shipping: Money
  readonly tax: Money
  readonly total: Money
  readonly paymentId: string
  readonly paymentStatus: string
  readonly estimatedDelivery: ShippingQuote['estimatedDelivery'] | null
  /** Points spent on the order and the discount they gave (part of `discount`). */
  readonly loyaltyPointsSpent: number
  readonly pointsDiscount: Money
  readonly loyaltyPointsEarned: number
  readonly placedAt: string
}

/** Details of a failed checkout, by reason. */
export interface PlaceOrderFailureDetails {
  readonly message?: string
  /** `price-changed`: what changed (the cart now holds the new prices). */
  readonly priceChanges?: readonly { variantId: string; previous: Money; current: Money }[]
  /** `out-of-stock`: the short variant and what is left. */
  readonly variantId?: string
  readonly available?: number
  readonly declineReason?: DeclineReason
  /** `requires-action`: where the shopper goes next; retry the same key afterwards. */
  readonly nextActionUrl?: string
  readonly paymentId?: string
  readonly couponReason?: string
  /** `points-*` and `insufficient-points`: the most points this order allows (0 when none). */
  readonly allowedPoints?: number
}

/** The outcome of a checkout. `replayed` is true when a retried key returned the stored outcome. */
export type PlaceOrderOutcome =
  | { readonly ok: true; readonly order: PlacedOrder; readonly replayed?: boolean }
  | ({
      readonly ok: false
      readonly reason: PlaceOrderFailureReason
      readonly replayed?: boolean
    } & PlaceOrderFailureDetails)

/** Checkout settings. */
export interface PlaceOrderConfiguration {
  /**
   * `on-order`: authorize, create the order, then capture at once (default). `on-fulfilment`:
   * authorize only; the fulfilment step captures later.
   */
  readonly capture: 'on-order' | 'on-fulfilment'
  readonly loyalty: LoyaltyConfiguration
}

/**
 * The default {@link PlaceOrderConfiguration}: capture on order, and the demo store's loyalty
 * programme as its policy states it ({@link defaultLoyaltyConfiguration}).
 */
export const defaultPlaceOrderConfiguration: PlaceOrderConfiguration = {
  capture: 'on-order',
  loyalty: defaultLoyaltyConfiguration,
}

/** What the workflow calls: domains through their public API, part B ports when wired. */
export interface PlaceOrderDependencies {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly catalog: Pick<CatalogService, 'findVariantsForSale'>
  readonly cart: CartService
  readonly inventory: InventoryService
  readonly payments: Pick<
    PaymentsService,
    'startPayment' | 'payWithCard' | 'capturePayment' | 'cancelPayment' | 'linkOrder' | 'getPayment'
  >
  readonly shipping?: CheckoutShipping | undefined
  readonly promotions?: CheckoutPromotions | undefined
  readonly fraud?: CheckoutFraudScreen | undefined
  readonly notifier?: CheckoutNotifier | undefined
  readonly configuration?: Partial<PlaceOrderConfiguration>
  /** Told about failures after the order exists (capture, notification); they never undo it. */
  readonly onBackgroundError?: (error: unknown, step: string) => void
}

/** The checkout workflow. */
export interface PlaceOrderWorkflow {
  /**
   * Validate cart → reserve stock → shipping quote → coupon and points → fraud screen → authorize
   * payment → commit stock and create the order → capture → loyalty, events, confirmation. Any
   * failing step undoes the earlier ones (stock released, coupon use and points given back,
   * authorization cancelled). Idempotent on `checkoutKey`.
   */
  placeOrder(input: PlaceOrderInput): Promise<PlaceOrderOutcome>
  /** Prices the cart as checkout would now (promotions, shipping, tax) without changing anything. */
  quoteCheckout(input: QuoteCheckoutInput): Promise<Result<CheckoutQuote, 'cart-not-found'>>
}

type Failure = Extract<PlaceOrderOutcome, { ok: false }>

class CheckoutFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason)
  }
}

function failWith(reason: PlaceOrderFailureReason, details: PlaceOrderFailureDetails = {}): never {
  throw new CheckoutFailed({ ok: false, reason, ...details })
}

/** Makes a shopper-facing order number from an order id (`ord_01jd…xyz` → `#K…XYZ`). */
export function createOrderNumber(orderId: string): string {
  return `#K${orderId.slice(-10).toUpperCase()}`
}

/** Creates the {@link PlaceOrderWorkflow}. */
export function createPlaceOrderWorkflow(dependencies: PlaceOrderDependencies): PlaceOrderWorkflow {
  const { db, clock, eventBus, createId, catalog, cart: carts, inventory, payments } = dependencies
  const configuration: PlaceOrderConfiguration = {
    ...defaultPlaceOrderConfiguration,
    ...dependencies.configuration,
  }
  const customers = createCustomerService({ db, clock, eventBus, createId })
  /** Adds loyalty points to a customer; the tier follows the new balance. */
  const creditPoints = (customerId: string, points: number) =>
    customers.adjustLoyaltyPoints(customerId, points, (balance) =>
      tierOfBalance(balance, configuration.loyalty),
    )

  async function resolveCustomer(
    input: PlaceOrderInput,
    cart: CartView,
    locale: Locale,
  ): Promise<CheckoutCustomer> {
    // A customer's cart is checked out only by that customer signed in: the cart token alone must
    // not unlock their saved addresses and payment methods.
    if (cart.customerId !== null && input.customerId !== cart.customerId) {
      failWith('customer-required', { message: 'Sign in as the owner of this cart to check out.' })
    }
    const customerId = input.customerId ?? undefined
    if (customerId !== undefined) {
      const customer = await findCustomer(db, customerId)
      if (customer === undefined)
        failWith('customer-required', { message: 'The customer account was not found.' })
      return customer
    }
    if (input.guest === undefined) {
      failWith('customer-required', {
        message: 'Sign in or give an e-mail address and name to check out.',
      })
    }
    return findOrCreateGuestCustomer(db, createId, {
      ...input.guest,
      locale,
      now: clock.now().toISOString(),
    })
  }

  async function resolvePaymentMethod(
    input: PlaceOrderInput,
    customer: CheckoutCustomer,
  ): Promise<{
    method: PaymentMethodInput
    typedCard?: { number: string; expiry?: string | undefined; cvc?: string | undefined }
    reference: string
  }> {
    const payment = input.payment
    switch (payment.kind) {
      case 'token':
        return { method: { kind: 'token', token: payment.token }, reference: 'card' }
      case 'card':
        return {
          method: { kind: 'hosted-page' },
          typedCard: { number: payment.number, expiry: payment.expiry, cvc: payment.cvc },
          reference: 'card',
        }
      case 'hosted-page':
        return { method: { kind: 'hosted-page' }, reference: 'hosted-page' }
      case 'saved': {
        const saved = await findChargeablePaymentMethod(db, customer.id, payment.paymentMethodId)
        if (saved === undefined) failWith('payment-method-not-found')
        return {
          method: {
            kind: 'token',
            token: saved.token,
            ...(saved.card === undefined ? {} : { card: saved.card }),
          },
          reference: saved.reference,
        }
      }
    }
  }

  async function run(input: PlaceOrderInput, cart: CartView): Promise<PlacedOrder> {
    const locale = input.locale ?? cart.locale
    const now = () => clock.now().toISOString()
    if (cart.lines.length === 0) failWith('invalid-cart', { message: 'The cart is empty.' })
    const customer = await resolveCustomer(input, cart, locale)
    // A guest may give the e-mail of an existing customer; saved details stay theirs alone.
    const isSignedIn = input.customerId !== undefined
    const address =
      input.shippingAddress ??
      (isSignedIn ? await findSavedAddress(db, customer.id, input.savedAddressId) : undefined)
    if (address === undefined) failWith('address-required')
    if (!isSignedIn && input.payment.kind === 'saved') failWith('payment-method-not-found')

    // Re-check prices and availability against the catalog now.
    const variants = await catalog.findVariantsForSale(cart.lines.map((line) => line.variantId))
    const variantById = new Map(variants.map((variant) => [variant.id, variant]))
    const priceChanges: { variantId: string; previous: Money; current: Money }[] = []
    for (const line of cart.lines) {
      const variant = variantById.get(line.variantId)
      if (variant === undefined)
        failWith('invalid-cart', {
          variantId: line.variantId,
          message: 'An item is no longer sold.',
        })
      if (!variant.isAvailable)
        failWith('out-of-stock', { variantId: line.variantId, available: 0 })
      if (variant.price.amount !== line.unitPrice.amount) {
        priceChanges.push({
          variantId: line.variantId,
          previous: line.unitPrice,
          current: variant.price,
        })
      }
    }
    if (priceChanges.length > 0) {
      await carts.updateLinePrices(
        cart.id,
        new Map(priceChanges.map((change) => [change.variantId, change.current.amount])),
      )
      failWith('price-changed', { priceChanges })
    }
    const paymentMethod = await resolvePaymentMethod(input, customer)
    const items = cart.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity }))
    const subtotal = cart.totals.subtotal

    const state: {
      quote?: ShippingQuote | undefined
      couponDiscount: number
      shippingDiscount: number
      promotionKeys: readonly string[]
      promotionsRedeemed: boolean
      fraudReview: boolean
      pointsSpent: number
      payment?: Payment
      orderId?: string
    } = {
      couponDiscount: 0,
      shippingDiscount: 0,
      promotionKeys: [],
      promotionsRedeemed: false,
      fraudReview: false,
      pointsSpent: 0,
    }

    const steps: Step[] = [
      {
        name: 'reserve-inventory',
        run: async () => {
          const reserved = await inventory.reserve(input.checkoutKey, items)
          if (!reserved.ok) {
            if (reserved.reason === 'invalid-quantity')
              failWith('invalid-cart', { variantId: reserved.variantId })
            failWith('out-of-stock', {
              variantId: reserved.variantId,
              available: reserved.available,
            })
          }
        },
        undo: async () => {
          await inventory.release(input.checkoutKey)
        },
      },
      {
        name: 'quote-shipping',
        run: async () => {
          if (dependencies.shipping === undefined) return
          state.quote = await dependencies.shipping.quote({ address, subtotal, items })
          if (state.quote === undefined) failWith('shipping-unavailable')
        },
      },
      {
        name: 'redeem-promotions',
        run: async () => {
          const promotions = dependencies.promotions
          if (promotions === undefined) {
            if (input.couponCode !== undefined) {
              failWith('invalid-coupon', { couponReason: 'promotions-unavailable' })
            }
            return
          }
          state.promotionsRedeemed = true
          const redeemed = await promotions.redeem({
            codes: input.couponCode === undefined ? [] : [input.couponCode],
            reference: input.checkoutKey,
            customerId: customer.id,
            currency: cart.currency,
            shippingAmount: state.quote?.amount.amount ?? 0,
            items: cart.lines.map((line) => {
              const variant = variantById.get(line.variantId)
              return {
                productId: variant?.productId ?? line.productId ?? '',
                variantId: line.variantId,
                sku: variant?.sku ?? line.sku ?? line.variantId,
                categoryKey: variant?.categoryKey ?? null,
                quantity: line.quantity,
                unitPrice: line.unitPrice,
              }
            }),
          })
          if (!redeemed.ok) failWith('invalid-coupon', { couponReason: redeemed.reason })
          state.couponDiscount = redeemed.itemDiscount.amount
          state.shippingDiscount = redeemed.shippingDiscount.amount
          state.promotionKeys = redeemed.promotionKeys
        },
        undo: async () => {
          if (state.promotionsRedeemed)
            await dependencies.promotions?.undoRedemption(input.checkoutKey)
        },
      },
      {
        name: 'spend-points',
        run: async () => {
          const points = input.redeemPoints ?? 0
          if (points <= 0) return
          // The policy's share is of the order after discounts and before shipping; with at most
          // half paid by points there is always money left for the card (providers refuse zero).
          const checked = checkPointsRedemption(
            points,
            customer.loyaltyPoints,
            subtotal.amount - state.couponDiscount,
            configuration.loyalty,
          )
          if (!checked.ok) failWith(checked.reason, { allowedPoints: checked.allowedPoints })
          // The balance read above may be stale: the conditional update is what guarantees it.
          if (!(await spendLoyaltyPoints(db, customer.id, points, now())))
            failWith('insufficient-points', { allowedPoints: 0 })
          state.pointsSpent = points
        },
        undo: async () => {
          if (state.pointsSpent > 0) await creditPoints(customer.id, state.pointsSpent)
        },
      },
      {
        name: 'screen-fraud',
        run: async () => {
          if (dependencies.fraud === undefined) return
          const totals = totalsNow()
          const verdict = await dependencies.fraud.screen({
            checkoutReference: input.checkoutKey,
            customerId: customer.id,
            email: customer.email,
            total: totals.total,
            address,
            itemCount: totals.itemCount,
          })
          if (verdict.verdict === 'block') failWith('fraud-blocked')
          state.fraudReview = verdict.verdict === 'review'
        },
      },
      {
        name: 'authorize-payment',
        run: async () => {
          const totals = totalsNow()
          const started = await payments.startPayment({
            checkoutReference: input.checkoutKey,
            amount: totals.total,
            description: `Kedai order (${totals.itemCount} items)`,
            paymentMethod: paymentMethod.method,
            customerId: customer.id,
            customerEmail: customer.email ?? undefined,
            captureMode: 'manual',
          })
          if (!started.ok) {
            state.payment = started.payment
            await dependencies.fraud?.recordDecline?.({
              customerId: customer.id,
              email: customer.email,
            })
            failWith('payment-declined', {
              declineReason: started.declineReason,
              paymentId: started.payment.id,
            })
          }
          state.payment = started.value
          if (paymentMethod.typedCard !== undefined && started.value.status === 'requires-action') {
            const paid = await payments.payWithCard(started.value.id, paymentMethod.typedCard)
            if (!paid.ok) {
              if (paid.payment !== undefined) state.payment = paid.payment
              if (paid.reason === 'declined') {
                await dependencies.fraud?.recordDecline?.({
                  customerId: customer.id,
                  email: customer.email,
                })
                failWith('payment-declined', {
                  declineReason: paid.declineReason ?? 'card-declined',
                  paymentId: started.value.id,
                })
              }
              failWith('payment-declined', {
                declineReason: 'incorrect-card-details',
                paymentId: started.value.id,
              })
            }
            state.payment = paid.value
          }
          if (state.payment.status === 'requires-action') {
            failWith('requires-action', {
              nextActionUrl: state.payment.nextActionUrl ?? undefined,
              paymentId: state.payment.id,
            })
          }
        },
        undo: async () => {
          if (
            state.payment !== undefined &&
            ['authorized', 'requires-action', 'pending'].includes(state.payment.status)
          ) {
            await payments.cancelPayment(state.payment.id)
          }
        },
      },
      {
        name: 'commit-inventory',
        run: async () => {
          const committed = await inventory.commit(input.checkoutKey)
          if (!committed.ok) failWith('reservation-expired')
        },
        undo: async () => {
          await inventory.revertCommit(input.checkoutKey)
        },
      },
      {
        name: 'create-order',
        run: async () => {
          const totals = totalsNow()
          const orderId = createId('ord')
          const payment = state.payment
          if (payment === undefined) throw new Error('payment missing after authorization')
          await insertPlacedOrder(db, createId, {
            id: orderId,
            number: createOrderNumber(orderId),
            customerId: customer.id,
            currency: cart.currency,
            address,
            subtotalAmount: totals.subtotal.amount,
            discountAmount: totals.discount.amount,
            shippingAmount: totals.shipping.amount,
            taxAmount: totals.tax.amount,
            totalAmount: totals.total.amount,
            lines: orderLines(),
            payment: {
              paymentMethodReference: paymentMethod.reference,
              providerReference: payment.providerReference,
              status: payment.status,
            },
            details: {
              checkoutKey: input.checkoutKey,
              paymentId: payment.id,
              couponCode: input.couponCode ?? null,
              promotionKeys: state.promotionKeys,
              fraudReview: state.fraudReview,
              pointsSpent: state.pointsSpent,
              // Kept so a cancellation or refund can take back what the order earned.
              pointsEarned: earnedPoints(),
              shippingMethod: state.quote?.method ?? null,
              estimatedDelivery: state.quote?.estimatedDelivery ?? null,
            },
            conversationId: input.conversationId ?? null,
            placedAt: now(),
          })
          state.orderId = orderId
          await payments.linkOrder(payment.id, orderId)
        },
        undo: async () => {
          if (state.orderId !== undefined) await deletePlacedOrder(db, state.orderId)
        },
      },
    ]

    /** Earned on what is paid for the goods: after every discount (points too), shipping excluded. */
    function earnedPoints(): number {
      return calculateEarnedPoints(
        subtotal.amount -
          state.couponDiscount -
          state.pointsSpent * configuration.loyalty.pointValueAmount,
        customer.loyaltyTier,
        configuration.loyalty,
      )
    }

    function totalsNow() {
      const pointsDiscount = state.pointsSpent * configuration.loyalty.pointValueAmount
      return carts.calculateTotals(cart, {
        discountAmount: state.couponDiscount + pointsDiscount,
        shippingAmount: Math.max(0, (state.quote?.amount.amount ?? 0) - state.shippingDiscount),
      })
    }

    function orderLines(): PlacedOrderLine[] {
      return cart.lines.map((line) => {
        const variant = variantById.get(line.variantId)
        return {
          productId: variant?.productId ?? line.productId ?? '',
          variantId: line.variantId,
          sku: variant?.sku ?? line.sku ?? line.variantId,
          name: variant === undefined ? line.name : pickText(variant.name, locale),
          options: line.options,
          unitPriceAmount: line.unitPrice.amount,
          quantity: line.quantity,
        }
      })
    }

    // While the shopper completes a payment step, the stock and the payment stay held for the retry.
    await runSteps(steps, (error) =>
      error instanceof CheckoutFailed && error.failure.reason === 'requires-action'
        ? ['reserve-inventory', 'authorize-payment']
        : [],
    )

    // The order exists from here on: what follows never undoes it.
    const orderId = state.orderId ?? ''
    let payment = state.payment
    if (payment === undefined) throw new Error('payment missing after order creation')
    if (configuration.capture === 'on-order' && payment.status === 'authorized') {
      try {
        const captured = await payments.capturePayment(payment.id)
        if (captured.ok) payment = captured.value
        else
          dependencies.onBackgroundError?.(
            new Error(`capture refused: ${captured.reason}`),
            'capture-payment',
          )
      } catch (error) {
        dependencies.onBackgroundError?.(error, 'capture-payment')
      }
    }
    const totals = totalsNow()
    const pointsDiscount = state.pointsSpent * configuration.loyalty.pointValueAmount
    const earned = earnedPoints()
    if (earned > 0) await creditPoints(customer.id, earned)
    await carts.markCheckedOut(cart.id, orderId)
    const order: PlacedOrder = {
      id: orderId,
      number: createOrderNumber(orderId),
      customerId: customer.id,
      status: 'pending',
      lines: orderLines(),
      subtotal: totals.subtotal,
      discount: totals.discount,
      shipping: totals.shipping,
      tax: totals.tax,
      total: totals.total,
      paymentId: payment.id,
      paymentStatus: payment.status,
      estimatedDelivery: state.quote?.estimatedDelivery ?? null,
      loyaltyPointsSpent: state.pointsSpent,
      pointsDiscount: { amount: pointsDiscount, currency: cart.currency },
      loyaltyPointsEarned: earned,
      placedAt: now(),
    }
    await eventBus.publish({
      type: 'order.placed',
      aggregateId: orderId,
      payload: {
        orderId,
        number: order.number,
        customerId: customer.id,
        cartId: cart.id,
        total: order.total,
        itemCount: totals.itemCount,
        paymentId: payment.id,
        conversationId: input.conversationId ?? null,
      },
    })
    if (dependencies.notifier !== undefined) {
      try {
        await dependencies.notifier.sendOrderConfirmation({
          orderId,
          customerId: customer.id,
          locale,
        })
      } catch (error) {
        dependencies.onBackgroundError?.(error, 'send-confirmation')
      }
    }
    return order
  }

  return {
    quoteCheckout: (input) =>
      quoteCheckout(
        {
          cart: carts,
          catalog,
          shipping: dependencies.shipping,
          promotions: dependencies.promotions,
        },
        input,
      ),

    async placeOrder(input) {
      const cart = await carts.getCart(input.cartToken, input.locale)
      if (cart === undefined) return { ok: false, reason: 'cart-not-found' }
      const existing = await findCheckout(db, input.checkoutKey)
      if (existing !== undefined) {
        if (existing.cartId !== cart.id) {
          return {
            ok: false,
            reason: 'invalid-cart',
            message: 'This checkout key belongs to another cart.',
          }
        }
        if (existing.outcome !== null && existing.status !== 'in-progress') {
          return { ...(JSON.parse(existing.outcome) as PlaceOrderOutcome), replayed: true }
        }
        return { ok: false, reason: 'checkout-in-progress' }
      }
      if (cart.status === 'checked-out') return { ok: false, reason: 'already-checked-out' }
      if (cart.status !== 'open')
        return { ok: false, reason: 'invalid-cart', message: 'The cart is closed.' }
      if (!(await claimCheckoutKey(db, input.checkoutKey, cart.id, clock.now().toISOString()))) {
        const claimed = await findCheckout(db, input.checkoutKey)
        if (claimed?.outcome != null && claimed.status !== 'in-progress') {
          return { ...(JSON.parse(claimed.outcome) as PlaceOrderOutcome), replayed: true }
        }
        return { ok: false, reason: 'checkout-in-progress' }
      }
      let outcome: PlaceOrderOutcome
      try {
        const order = await run(input, cart)
        outcome = { ok: true, order }
      } catch (error) {
        if (!(error instanceof CheckoutFailed)) {
          await releaseCheckoutKey(db, input.checkoutKey)
          throw error
        }
        outcome = error.failure
      }
      if (!outcome.ok && ['price-changed', 'requires-action'].includes(outcome.reason)) {
        // The shopper confirms new prices or completes the payment step, then retries: keep the key free.
        await releaseCheckoutKey(db, input.checkoutKey)
        return outcome
      }
      await finishCheckout(db, input.checkoutKey, {
        status: outcome.ok ? 'succeeded' : 'failed',
        orderId: outcome.ok ? outcome.order.id : null,
        outcome,
        now: clock.now().toISOString(),
      })
      return outcome
    },
  }
}
