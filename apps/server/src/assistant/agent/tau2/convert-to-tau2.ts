import type { CustomerProfile } from '../../../domains/customers/index.ts'
import type { Order, OrderableProduct } from '../../../domains/orders/index.ts'
import { minorUnitDigits } from '../../../shared/money.ts'
import type {
  Tau2Address,
  Tau2Order,
  Tau2PaymentMethod,
  Tau2Product,
  Tau2User,
  Tau2Variant,
} from './tau2-shapes.ts'

/** Minor units → τ²'s float dollars (the nearest double to the exact decimal). */
export function convertToTau2Amount(amount: number, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency)
}

function convertAddress(address: {
  line1: string
  line2: string
  city: string
  state: string
  postcode: string
  country: string
}): Tau2Address {
  return {
    address1: address.line1,
    address2: address.line2,
    city: address.city,
    country: address.country,
    state: address.state,
    zip: address.postcode,
  }
}

function convertStatus(order: Order): string {
  if (order.status === 'pending' && order.itemsModified) return 'pending (item modified)'
  if (order.status === 'return-requested') return 'return requested'
  if (order.status === 'exchange-requested') return 'exchange requested'
  return order.status
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string')
    ? [...(value as string[])]
    : null
}

/**
 * An order in τ²'s JSON shape. Two behaviours of τ²'s reference `modify_pending_order_items` are
 * reproduced so exports match it exactly (Kedai's own rows keep the correct values):
 * every modified line shows the price and options of the last new variant, and the price-difference
 * payment is the unrounded float sum of `new - old` dollar prices.
 */
export function convertToTau2Order(
  order: Order,
  userHandle: string,
  productReferences: ReadonlyMap<string, string>,
): Tau2Order {
  const dollars = (amount: number) => convertToTau2Amount(amount, order.currency)
  const modification = order.details.itemsModification
  const items = order.items.map((item) => ({
    name: item.name,
    product_id: productReferences.get(item.productId) ?? item.productId,
    item_id: item.sku,
    price: dollars(item.unitPriceAmount),
    options: { ...item.options },
  }))
  let modificationAmount: number | undefined
  if (modification !== undefined && modification.changes.length > 0) {
    const last = modification.changes.at(-1)
    const lastItem = order.items.find((item) => item.position === last?.itemPosition)
    if (lastItem !== undefined) {
      for (const change of modification.changes) {
        const target = items[order.items.findIndex((item) => item.position === change.itemPosition)]
        if (target === undefined) continue
        target.price = dollars(lastItem.unitPriceAmount)
        target.options = { ...lastItem.options }
      }
    }
    let difference = 0
    for (const change of modification.changes)
      difference += dollars(change.toPriceAmount) - dollars(change.fromPriceAmount)
    modificationAmount = Math.abs(difference)
  }
  const exchange = order.details.exchangeRequest
  const returned = order.details.returnRequest
  const raw = order.details
  return {
    order_id: order.number,
    user_id: userHandle,
    address: convertAddress(order.shippingAddress),
    items,
    status: convertStatus(order),
    fulfillments: order.fulfillments.map((fulfillment) => ({
      tracking_id: [...fulfillment.trackingNumbers],
      item_ids: [...fulfillment.itemSkus],
    })),
    payment_history: order.payments.map((payment, index) => ({
      transaction_type: payment.kind,
      amount:
        modification !== undefined &&
        modificationAmount !== undefined &&
        index === modification.paymentPosition
          ? modificationAmount
          : dollars(payment.amount),
      payment_method_id: payment.paymentMethodReference,
    })),
    cancel_reason: order.cancelReason,
    exchange_items: exchange === undefined ? stringList(raw.exchange_items) : [...exchange.items],
    exchange_new_items:
      exchange === undefined ? stringList(raw.exchange_new_items) : [...exchange.newItems],
    exchange_payment_method_id:
      exchange?.paymentMethodReference ??
      (typeof raw.exchange_payment_method_id === 'string' ? raw.exchange_payment_method_id : null),
    exchange_price_difference:
      exchange === undefined
        ? typeof raw.exchange_price_difference === 'number'
          ? raw.exchange_price_difference
          : null
        : dollars(exchange.priceDifferenceAmount),
    return_items: returned === undefined ? stringList(raw.return_items) : [...returned.items],
    return_payment_method_id:
      returned?.paymentMethodReference ??
      (typeof raw.return_payment_method_id === 'string' ? raw.return_payment_method_id : null),
  }
}

/** A customer profile in τ²'s user shape. */
export function convertToTau2User(profile: CustomerProfile): Tau2User {
  const paymentMethods: Record<string, Tau2PaymentMethod> = {}
  for (const method of profile.paymentMethods) {
    const source = method.kind.replaceAll('-', '_')
    if (source === 'gift_card') {
      paymentMethods[method.reference] = {
        source,
        id: method.reference,
        balance: convertToTau2Amount(method.balanceAmount ?? 0, method.currency),
      }
    } else if (source === 'credit_card') {
      paymentMethods[method.reference] = {
        source,
        id: method.reference,
        brand: method.brand ?? '',
        last_four: method.lastFour ?? '',
      }
    } else {
      paymentMethods[method.reference] = { source, id: method.reference }
    }
  }
  const address = profile.defaultAddress ?? {
    line1: '',
    line2: '',
    city: '',
    state: '',
    postcode: '',
    country: '',
  }
  return {
    user_id: profile.customer.handle ?? profile.customer.id,
    name: { first_name: profile.customer.firstName, last_name: profile.customer.lastName },
    address: convertAddress(address),
    email: profile.customer.email ?? '',
    payment_methods: paymentMethods,
    orders: [...profile.orderNumbers],
  }
}

/** A variant in τ²'s item shape. */
export function convertToTau2Variant(
  variant: OrderableProduct['variants'][number],
  currency: string,
): Tau2Variant {
  return {
    item_id: variant.sku,
    options: { ...variant.options },
    available: variant.isAvailable,
    price: convertToTau2Amount(variant.priceAmount, currency),
  }
}

/** A product in τ²'s shape, variants keyed by item id. */
export function convertToTau2Product(product: OrderableProduct, currency: string): Tau2Product {
  const variants: Record<string, Tau2Variant> = {}
  for (const variant of product.variants)
    variants[variant.sku] = convertToTau2Variant(variant, currency)
  return { name: product.name, product_id: product.reference, variants }
}
