import type { Reply } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'

const emailPattern = /[\w.+-]+@[\w-]+(\.[\w-]+)+/
const hanPattern = /\p{Script=Han}/u
const countryCodes: Readonly<Record<string, string>> = {
  malaysia: 'MY',
  my: 'MY',
  马来西亚: 'MY',
  馬來西亞: 'MY',
  singapore: 'SG',
  sg: 'SG',
  新加坡: 'SG',
  taiwan: 'TW',
  tw: 'TW',
  台灣: 'TW',
  台湾: 'TW',
}

/** "Mei Lin" → Mei / Lin; "林美美" → 美美 / 林; undefined when it is not a name. */
export function splitFullName(text: string): { firstName: string; lastName: string } | undefined {
  const name = text.trim().replace(/\s+/g, ' ')
  if (name.length < 2 || name.length > 100 || /[\d@/\\]/.test(name)) return undefined
  if (hanPattern.test(name) && !name.includes(' ')) {
    return name.length >= 2 ? { lastName: name.slice(0, 1), firstName: name.slice(1) } : undefined
  }
  const words = name.split(' ')
  if (words.length < 2) return undefined
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' }
}

/**
 * Reads a delivery address written on one line, forgiving about order the way shoppers write it:
 * "12 Jalan Ampang, Kuala Lumpur, 50450, Malaysia" and "12 Jalan Ampang, 50450 Kuala Lumpur,
 * Wilayah Persekutuan, MY" both work. The street comes first and the country last; the postcode
 * (3–10 letters/digits with at least 3 digits) may stand alone or beside the city, and any part
 * between the city and the country is the state. Undefined when a part is missing.
 */
export function parseAddress(
  text: string,
):
  | { line1: string; line2: string; city: string; state: string; postcode: string; country: string }
  | undefined {
  if (text.length > 300) return undefined
  const parts = text
    .split(/[,，、]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
  if (parts.length < 3) return undefined
  const country = parts.at(-1) ?? ''
  const postcodePattern = /^(?=(?:.*\d){3})[A-Za-z0-9-]{3,10}$/
  const postcodeBesideCity = /^(?:(\d{4,6})\s+(.+)|(.+?)\s+(\d{4,6}))$/
  for (let index = parts.length - 2; index >= 1; index -= 1) {
    const part = parts[index] ?? ''
    let postcode: string | undefined
    let city: string | undefined
    let streetEnd = index
    if (postcodePattern.test(part.replace(/\s/g, '')) && /\d/.test(part)) {
      postcode = part.replace(/\s/g, '')
      city = index >= 2 ? parts[index - 1] : undefined
      streetEnd = index - 1
    } else {
      const match = postcodeBesideCity.exec(part)
      if (match !== null) {
        postcode = match[1] ?? match[4]
        city = (match[2] ?? match[3] ?? '').trim()
      }
    }
    if (postcode === undefined || city === undefined || city.length === 0) continue
    const line1 = parts.slice(0, streetEnd).join(', ')
    if (line1.length === 0) return undefined
    const state = parts.slice(index + 1, -1).join(', ') || city
    return {
      line1,
      line2: '',
      city,
      state,
      postcode,
      country: countryCodes[country.toLowerCase()] ?? country.toUpperCase(),
    }
  }
  return undefined
}

/** An order line's title: the product name and its options (`Urban Sneakers (9, black)`). */
function describeOrderLine(name: string, options: Readonly<Record<string, string>>): string {
  const values = Object.values(options)
  return values.length === 0 ? name : `${name} (${values.join(', ')})`
}

/** True for a 13–19 digit number that passes the Luhn check. */
export function isCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '')
  if (!/^\d{13,19}$/.test(digits)) return false
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

async function summarize(
  slots: Readonly<Record<string, string>>,
  context: FlowContext,
): Promise<Reply> {
  const token = context.memory.cartToken
  const cart =
    token === undefined ? undefined : await context.services.carts?.getCart(token, context.locale)
  const city = slots['address'] === undefined ? '' : (parseAddress(slots['address'])?.city ?? '')
  return {
    key: 'checkout-confirm',
    values: {
      count: cart?.totals.itemCount ?? 0,
      total: cart?.totals.subtotal ?? { amount: 0, currency: 'MYR' },
      city: city.length > 0 ? city : '—',
    },
  }
}

/**
 * Checkout in chat: the cart of this conversation; for a guest the e-mail, name and delivery address
 * (a signed-in customer's saved address is used); the coupon the shopper gave; an explicit
 * confirmation of what will be charged; then the card — used at once for the sandbox payment and
 * never kept — and the place-order workflow. The confirmation names the order number and total.
 */
export const checkoutFlow: Flow = {
  name: 'checkout',
  intents: ['checkout'],
  slots: [
    {
      name: 'email',
      entity: 'email',
      parse: (text) =>
        emailPattern.exec(text)?.[0]?.toLowerCase() ??
        (text.includes('@') ? text.trim() : undefined),
      validate: (value) =>
        /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(value) ? undefined : 'invalid-email',
      prompt: 'ask-email',
      invalid: 'invalid-email',
      skipWhen: (context) => context.customerId !== null,
    },
    {
      name: 'full_name',
      parse: (text) => text.trim(),
      validate: (value) => (splitFullName(value) === undefined ? 'invalid-full-name' : undefined),
      prompt: 'ask-full-name',
      invalid: 'invalid-full-name',
      skipWhen: (context) => context.customerId !== null,
    },
    {
      name: 'address',
      parse: (text) => text.trim(),
      validate: (value) => (parseAddress(value) === undefined ? 'invalid-address' : undefined),
      prompt: 'ask-address',
      invalid: 'invalid-address',
      skipWhen: (context) => context.customerId !== null,
    },
    {
      name: 'card',
      parse: (text) => (/\d/.test(text) ? text.replace(/[\s-]/g, '') : undefined),
      validate: (value) => (isCardNumber(value) ? undefined : 'invalid-card'),
      prompt: 'ask-card',
      invalid: 'invalid-card',
    },
  ],
  confirmation: summarize,
  confirmBefore: 'card',
  async complete(slots, context): Promise<FlowOutcome> {
    const { carts, checkout } = context.services
    const token = context.memory.cartToken
    if (carts === undefined || checkout === undefined)
      return { replies: [{ key: 'not-yet-available' }] }
    const cart = token === undefined ? undefined : await carts.getCart(token, context.locale)
    if (cart === undefined || cart.lines.length === 0 || token === undefined)
      return { replies: [{ key: 'cart-empty' }] }
    const name = splitFullName(slots['full_name'] ?? '')
    const address = parseAddress(slots['address'] ?? '')
    const couponCode = context.memory.couponCode === '' ? undefined : context.memory.couponCode
    const outcome = await checkout.placeOrder({
      cartToken: token,
      checkoutKey: `${context.conversationId}/${cart.id}/${cart.updatedAt}`,
      ...(context.customerId === null
        ? {
            guest: {
              email: slots['email'] ?? '',
              firstName: name?.firstName ?? '',
              lastName: name?.lastName ?? '',
            },
            ...(address === undefined ? {} : { shippingAddress: address }),
          }
        : { customerId: context.customerId }),
      payment: { kind: 'card', number: slots['card'] ?? '' },
      ...(couponCode === undefined ? {} : { couponCode }),
      locale: context.locale,
      conversationId: context.conversationId,
    })
    if (!outcome.ok) {
      if (outcome.reason === 'payment-declined') return { replies: [{ key: 'checkout-declined' }] }
      if (outcome.reason === 'invalid-coupon') {
        return {
          replies: [
            {
              key: 'checkout-coupon-refused',
              values: { code: couponCode ?? '' },
              choices: [{ label: 'choice-checkout', payload: '/intent:checkout' }],
            },
          ],
          remember: { couponCode: '' },
        }
      }
      return {
        replies: [
          {
            key: 'checkout-failed',
            values: { reason: outcome.reason },
            choices: [{ label: 'choice-talk-to-person', payload: '/intent:contact_human_agent' }],
          },
        ],
      }
    }
    const order = outcome.order
    const eta = order.estimatedDelivery?.latest ?? order.estimatedDelivery?.earliest
    return {
      replies: [
        eta === undefined
          ? { key: 'order-placed-no-eta', values: { number: order.number, total: order.total } }
          : {
              key: 'order-placed',
              values: { number: order.number, total: order.total, eta: { date: eta } },
            },
        {
          key: 'order-status-pending',
          order: {
            id: order.id,
            number: order.number,
            lines: order.lines.map((line) => ({
              title: describeOrderLine(line.name, line.options),
              quantity: line.quantity,
              unitPrice: { amount: line.unitPriceAmount, currency: order.total.currency },
            })),
            total: order.total,
          },
        },
      ],
      events: [
        {
          type: 'order.placed-in-conversation',
          aggregateId: context.conversationId,
          payload: {
            orderId: order.id,
            orderNumber: order.number,
            total: order.total,
            couponCode: couponCode ?? null,
          },
        },
      ],
      remember: { couponCode: '' },
    }
  },
}
