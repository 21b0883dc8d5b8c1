import type { SavedPaymentMethod } from '../../../domains/customers/index.ts'
import { describeItem, type ItemReader } from './describe-item.ts'
import {
  defaultLoyaltyConfiguration,
  findRedeemablePoints,
  type LoyaltyConfiguration,
  type PlacedOrder,
  type PlaceOrderOutcome,
} from '../../../workflows/place-order/index.ts'
import type { Reply, ReplyChoice } from '../../replies/index.ts'
import type { Flow, FlowContext, FlowOutcome } from '../flow.ts'
import { findKnownCustomer, readYesNo } from './verify-customer.ts'

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

/** The payment slot's value for "pay on a secure page" (a hosted payment link). */
const payByLink = 'link'
/** The payment slot's value for "type a card here". */
const payByCard = 'card'
const linkWords =
  /secure page|payment page|payment link|pay(ment)? online|\blink\b|pautan|halaman (pembayaran|selamat)|網頁|网页|連結|链接|付款頁|付款页/i
const otherCardWords =
  /another card|other card|new card|different card|kad lain|kad baru|其他卡|另一張卡|另一张卡|新卡|別的卡|别的卡/i

/** A payment choice from a tapped reply (`?payment_method=…`) or the shopper's words. */
export function readPaymentChoice(text: string): string | undefined {
  const tapped = /[?&]payment_method=([^&\s]+)/.exec(text)?.[1]
  if (tapped !== undefined) return decodeURIComponent(tapped)
  if (linkWords.test(text)) return payByLink
  if (otherCardWords.test(text)) return payByCard
  const lastFour = /(?:^|\D)(\d{4})\s*$/.exec(text.trim())?.[1]
  return lastFour === undefined ? undefined : `last4:${lastFour}`
}

function isPaymentChoice(value: string): boolean {
  return value === payByLink || value === payByCard || /^(pm_[\w-]+|last4:\d{4})$/.test(value)
}

/** "Visa •••• 4242": brand and last four digits, never more. */
export function describeSavedCard(method: Pick<SavedPaymentMethod, 'brand' | 'lastFour'>): string {
  const brand = (method.brand ?? 'card').replace(/^\w/, (letter) => letter.toUpperCase())
  return method.lastFour === null ? brand : `${brand} •••• ${method.lastFour}`
}

/** The flow that offers to keep the card just paid with (`save-card-flow.ts`). */
export const saveCardFlowName = 'save-card'

/** The slot holding the customer who checks out when known (signed in, or verified in the chat). */
const knownCustomerSlot = 'customer'

function loyaltyOf(context: FlowContext): LoyaltyConfiguration {
  return context.services.loyalty?.configuration ?? defaultLoyaltyConfiguration
}

function currencyOf(context: FlowContext): string {
  return context.services.loyalty?.currency ?? 'MYR'
}

const usePointsWords =
  /\b(use|redeem|spend|apply)\b.*\b(points?|pts)\b|\bguna(kan)?\b.*\b(mata|poin|point)\b|\btebus\b|用.{0,3}(積分|积分|點數|点数)|(積分|积分|點數|点数).{0,2}(抵|扣|折)/i
const keepPointsWords =
  /\b(not this time|no thanks|keep (my |the )?points|don'?t use|without points)\b|\b(bukan kali ini|tak (nak )?guna|simpan mata)\b|這次不用|这次不用|不用(積分|积分|點數|点数)|下次(再)?用/i

/**
 * Reads the answer to "Use N points?": a tapped choice (`?loyalty_points=700`), a number of points
 * the order allows, "use my points" / "guna mata saya" / "用积分" (the offer), or no. Anything else
 * is no answer; a number the order does not allow is `invalid`.
 */
export function readPointsChoice(
  text: string,
  offer: number,
  loyalty: LoyaltyConfiguration,
  recognized?: string,
): string | undefined {
  const tapped = /[?&]loyalty_points=(\d+)/.exec(text)?.[1]
  if (tapped !== undefined) return tapped
  if (keepPointsWords.test(text)) return '0'
  const typed = /(\d[\d,]*)\s*(points?|pts|mata|poin|積分|积分|點|点|分)/i.exec(text)?.[1]
  if (typed !== undefined) {
    const points = Number(typed.replace(/,/g, ''))
    const allowed =
      points >= loyalty.minimumRedemptionPoints &&
      points % Math.max(1, loyalty.redemptionBlockPoints) === 0 &&
      points <= offer
    return allowed ? String(points) : 'invalid'
  }
  if (usePointsWords.test(text)) return String(offer)
  const yesNo =
    readYesNo(text) ?? (recognized === 'affirm' ? 'yes' : recognized === 'deny' ? 'no' : undefined)
  return yesNo === undefined ? undefined : yesNo === 'yes' ? String(offer) : '0'
}

/** The points to spend as the shopper chose them (0 when none). */
function pointsChosen(slots: Readonly<Record<string, string>>): number {
  const points = Number(slots['points'] ?? '0')
  return Number.isInteger(points) && points > 0 ? points : 0
}

/** The most points this cart allows the known customer now (0 when none), from a checkout quote. */
async function findPointsOffer(
  context: FlowContext,
  customerId: string,
): Promise<{ balance: number; offer: number }> {
  const customer = await context.services.customers?.getCustomer(customerId)
  const token = context.memory.cartToken
  const balance = customer?.loyaltyPoints ?? 0
  const loyalty = loyaltyOf(context)
  if (token === undefined || balance < loyalty.minimumRedemptionPoints) return { balance, offer: 0 }
  const couponCode = context.memory.couponCode === '' ? undefined : context.memory.couponCode
  const quote = await context.services.checkout?.quoteCheckout({
    cartToken: token,
    ...(couponCode === undefined ? {} : { couponCode }),
    locale: context.locale,
  })
  if (quote === undefined || !quote.ok) return { balance, offer: 0 }
  const orderAmount = quote.value.totals.subtotal.amount - quote.value.totals.discount.amount
  return { balance, offer: findRedeemablePoints(balance, orderAmount, loyalty) }
}

/** The signed-in customer's saved methods checkout can charge without a card being typed. */
async function listChargeableMethods(context: FlowContext): Promise<SavedPaymentMethod[]> {
  if (context.customerId === null || context.services.customers === undefined) return []
  const profile = await context.services.customers.getProfile(context.customerId)
  return (profile?.paymentMethods ?? []).filter(
    (method) => method.isChargeable && method.kind !== 'gift-card',
  )
}

/** The saved method a payment choice names (by id, or by its last four digits). */
async function findChosenMethod(
  choice: string | undefined,
  context: FlowContext,
): Promise<SavedPaymentMethod | undefined> {
  if (choice === undefined || choice === payByLink || choice === payByCard) return undefined
  const methods = await listChargeableMethods(context)
  return choice.startsWith('last4:')
    ? methods.find((method) => method.lastFour === choice.slice('last4:'.length))
    : methods.find((method) => method.id === choice)
}

const linkChoice: ReplyChoice = {
  label: 'choice-pay-on-secure-page',
  payload: `/intent:checkout?payment_method=${payByLink}`,
}

async function summarize(
  slots: Readonly<Record<string, string>>,
  context: FlowContext,
): Promise<Reply> {
  const token = context.memory.cartToken
  const cart =
    token === undefined ? undefined : await context.services.carts?.getCart(token, context.locale)
  // A signed-in customer's order goes to the saved default address.
  const city =
    slots['address'] === undefined
      ? context.customerId === null
        ? ''
        : ((await context.services.customers?.getProfile(context.customerId))?.defaultAddress
            ?.city ?? '')
      : (parseAddress(slots['address'])?.city ?? '')
  const values = {
    count: cart?.totals.itemCount ?? 0,
    total: cart?.totals.subtotal ?? { amount: 0, currency: 'MYR' },
    city: city.length > 0 ? city : '—',
  }
  const points = pointsChosen(slots)
  const withPoints = {
    ...values,
    points,
    discount: {
      amount: points * loyaltyOf(context).pointValueAmount,
      currency: values.total.currency,
    },
  }
  if (slots['payment'] === payByLink)
    return points > 0
      ? { key: 'checkout-confirm-link-points', values: withPoints }
      : { key: 'checkout-confirm-link', values }
  const saved = await findChosenMethod(slots['payment'], context)
  if (saved === undefined)
    return points > 0
      ? { key: 'checkout-confirm-points', values: withPoints }
      : { key: 'checkout-confirm', values }
  const card = describeSavedCard(saved)
  return points > 0
    ? { key: 'checkout-confirm-saved-points', values: { ...withPoints, card } }
    : { key: 'checkout-confirm-saved', values: { ...values, card } }
}

/** What the shopper is told once an order is placed: thanks with the total, then the order card. */
export function describePlacedOrder(order: PlacedOrder, reader?: ItemReader): Reply[] {
  const eta = order.estimatedDelivery?.latest ?? order.estimatedDelivery?.earliest
  return [
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
          title: describeItem(line, reader),
          quantity: line.quantity,
          unitPrice: { amount: line.unitPriceAmount, currency: order.total.currency },
        })),
        total: order.total,
      },
    },
  ]
}

/** What the shopper is told when checkout did not place the order (nothing was charged). */
export function describeCheckoutFailure(
  outcome: Extract<PlaceOrderOutcome, { ok: false }>,
  couponCode: string | undefined,
  loyalty: LoyaltyConfiguration = defaultLoyaltyConfiguration,
  currency = 'MYR',
): FlowOutcome {
  const pointsReply = describePointsRefusal(outcome, loyalty, currency)
  if (pointsReply !== undefined)
    return {
      replies: [
        { ...pointsReply, choices: [{ label: 'choice-checkout', payload: '/intent:checkout' }] },
      ],
    }
  if (outcome.reason === 'payment-declined')
    return { replies: [{ key: 'checkout-declined', choices: [linkChoice] }] }
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

/** Why points could not be spent, with the numbers the shopper needs; `undefined` for other reasons. */
function describePointsRefusal(
  outcome: Extract<PlaceOrderOutcome, { ok: false }>,
  loyalty: LoyaltyConfiguration,
  currency: string,
): Reply | undefined {
  const allowed = outcome.allowedPoints ?? 0
  switch (outcome.reason) {
    case 'points-below-minimum':
      return {
        key: 'checkout-points-below-minimum',
        values: { minimum: loyalty.minimumRedemptionPoints },
      }
    case 'points-not-in-blocks':
      return {
        key: 'checkout-points-not-in-blocks',
        values: { block: loyalty.redemptionBlockPoints },
      }
    case 'points-over-limit':
      return allowed === 0
        ? { key: 'checkout-points-none-allowed' }
        : {
            key: 'checkout-points-over-limit',
            values: {
              points: allowed,
              discount: { amount: allowed * loyalty.pointValueAmount, currency },
            },
          }
    case 'insufficient-points':
      return { key: 'checkout-points-insufficient' }
    default:
      return undefined
  }
}

/**
 * Checkout in chat: the cart of this conversation; for a guest the e-mail, name and delivery address
 * (a signed-in customer's saved address is used); for a returning customer with saved cards, which
 * one to pay with ("Visa •••• 4242", another card, or a secure payment page); the coupon the
 * shopper gave; an explicit confirmation of what will be charged; then the payment: a saved card at
 * once (its token; no card typed), a typed card (used at once for the sandbox and never kept), or a
 * payment link to the provider's hosted page, after which the order is confirmed in the chat when
 * the payment completes. The confirmation names the order number and total.
 */
export const checkoutFlow: Flow = {
  name: 'checkout',
  intents: ['checkout'],
  async prefill(context) {
    const methods = await listChargeableMethods(context)
    const customerId = await findKnownCustomer(context)
    const points =
      customerId === undefined
        ? { balance: 0, offer: 0 }
        : await findPointsOffer(context, customerId)
    return {
      savedMethods: String(methods.length),
      ...(customerId === undefined ? {} : { [knownCustomerSlot]: customerId }),
      pointsBalance: String(points.balance),
      pointsOffer: String(points.offer),
    }
  },
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
      skipWhen: (context, slots) =>
        context.customerId !== null || slots[knownCustomerSlot] !== undefined,
    },
    {
      name: 'full_name',
      parse: (text) => text.trim(),
      validate: (value) => (splitFullName(value) === undefined ? 'invalid-full-name' : undefined),
      prompt: 'ask-full-name',
      invalid: 'invalid-full-name',
      skipWhen: (context, slots) =>
        context.customerId !== null || slots[knownCustomerSlot] !== undefined,
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
      name: 'payment',
      entity: 'payment_method',
      parse: (text) => readPaymentChoice(text),
      validate: (value) => (isPaymentChoice(value) ? undefined : 'checkout-ask-payment'),
      prompt: 'checkout-ask-payment',
      invalid: 'checkout-ask-payment',
      // Asked of returning customers with saved cards; everyone else chooses at the card question.
      skipWhen: (_context, slots) => (slots['savedMethods'] ?? '0') === '0',
      async ask(_slots, context) {
        const methods = await listChargeableMethods(context)
        return {
          key: 'checkout-ask-payment',
          choices: [
            ...methods.slice(0, 5).map((method) => ({
              label: 'choice-saved-card' as const,
              payload: `/intent:checkout?payment_method=${method.id}`,
              values: { card: describeSavedCard(method) },
            })),
            {
              label: 'choice-another-card',
              payload: `/intent:checkout?payment_method=${payByCard}`,
            },
            linkChoice,
          ],
        }
      },
    },
    {
      name: 'points',
      parse: (text, slots, context) =>
        readPointsChoice(
          text,
          Number(slots['pointsOffer'] ?? '0'),
          loyaltyOf(context),
          context.recognition.intent,
        ),
      validate: (value) => (/^\d+$/.test(value) ? undefined : 'checkout-points-invalid'),
      prompt: 'checkout-ask-points',
      invalid: 'checkout-points-invalid',
      // Offered to a known customer whose balance and cart allow at least the minimum.
      skipWhen: (_context, slots) => Number(slots['pointsOffer'] ?? '0') <= 0,
      ask(slots, context) {
        const offer = Number(slots['pointsOffer'] ?? '0')
        const discount = {
          amount: offer * loyaltyOf(context).pointValueAmount,
          currency: currencyOf(context),
        }
        return {
          key: 'checkout-ask-points',
          values: { balance: Number(slots['pointsBalance'] ?? '0'), points: offer, discount },
          choices: [
            {
              label: 'choice-use-points',
              payload: `/intent:checkout?loyalty_points=${String(offer)}`,
              values: { points: offer, discount },
            },
            { label: 'choice-keep-points', payload: '/intent:checkout?loyalty_points=0' },
          ],
        }
      },
    },
    {
      name: 'card',
      parse: (text) =>
        readPaymentChoice(text) === payByLink
          ? payByLink
          : /\d/.test(text)
            ? text.replace(/[\s-]/g, '')
            : undefined,
      validate: (value) =>
        value === payByLink || isCardNumber(value) ? undefined : 'invalid-card',
      prompt: 'ask-card',
      invalid: 'invalid-card',
      skipWhen: (_context, slots) =>
        slots['payment'] !== undefined && slots['payment'] !== payByCard,
      ask: () => ({ key: 'ask-card', choices: [linkChoice] }),
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
    const knownCustomer = context.customerId ?? slots[knownCustomerSlot]
    const points = pointsChosen(slots)
    const name = splitFullName(slots['full_name'] ?? '')
    const address = parseAddress(slots['address'] ?? '')
    const couponCode = context.memory.couponCode === '' ? undefined : context.memory.couponCode
    const byLink = slots['card'] === payByLink || slots['payment'] === payByLink
    const saved = byLink ? undefined : await findChosenMethod(slots['payment'], context)
    // One key per cart state and way of paying: retrying the same card replays its outcome, while
    // another card, a saved card or a payment link after a decline is a new attempt.
    // Points are part of the attempt: a refusal over points is not replayed when checking out without.
    const attempt = `${
      byLink
        ? 'link'
        : saved === undefined
          ? `card-${(slots['card'] ?? '').slice(-4)}`
          : `saved-${saved.id}`
    }${points > 0 ? `-points-${String(points)}` : ''}`
    const order = {
      cartToken: token,
      checkoutKey: `${context.conversationId}/${cart.id}/${cart.updatedAt}/${attempt}`,
      ...(knownCustomer === undefined
        ? {
            guest: {
              email: slots['email'] ?? '',
              firstName: name?.firstName ?? '',
              lastName: name?.lastName ?? '',
            },
          }
        : { customerId: knownCustomer }),
      // A verified (not signed-in) customer gives the address in the chat like a guest.
      ...(context.customerId === null && address !== undefined ? { shippingAddress: address } : {}),
      ...(points > 0 ? { redeemPoints: points } : {}),
      ...(couponCode === undefined ? {} : { couponCode }),
      locale: context.locale,
      conversationId: context.conversationId,
    }
    if (byLink) {
      const paymentLinks = context.services.paymentLinks
      if (paymentLinks === undefined) return { replies: [{ key: 'not-yet-available' }] }
      const started = await paymentLinks.start(order)
      if (started.ok) {
        return {
          replies: [
            {
              key: 'checkout-pay-link',
              values: { total: cart.totals.total },
              link: { url: started.url, label: 'choice-pay-now' },
            },
          ],
          events: [
            {
              type: 'checkout.payment-link-sent',
              aggregateId: context.conversationId,
              payload: { paymentId: started.paymentId, cartId: cart.id },
            },
          ],
        }
      }
      if (!started.outcome.ok)
        return describeCheckoutFailure(
          started.outcome,
          couponCode,
          loyaltyOf(context),
          currencyOf(context),
        )
      return placed(started.outcome.order, couponCode, context)
    }
    if (slots['payment'] !== undefined && slots['payment'] !== payByCard && saved === undefined)
      return describeCheckoutFailure({ ok: false, reason: 'payment-method-not-found' }, couponCode)
    const outcome = await checkout.placeOrder({
      ...order,
      payment:
        saved === undefined
          ? { kind: 'card', number: slots['card'] ?? '' }
          : { kind: 'saved', paymentMethodId: saved.id },
    })
    if (!outcome.ok)
      return describeCheckoutFailure(outcome, couponCode, loyaltyOf(context), currencyOf(context))
    const result = placed(outcome.order, couponCode, context)
    const offer =
      saved === undefined ? await offerToSaveCard(slots['card'] ?? '', context) : undefined
    return offer === undefined ? result : { ...result, followUp: offer }
  },
}

/**
 * After a typed card paid, a signed-in customer is offered to keep it: the provider's token (never
 * the number) goes to the save-card flow. Not offered when the provider cannot tokenize here, or the
 * same card is saved already. Saved cards are charged only for signed-in customers, so a shopper
 * known by verification alone is not offered.
 */
async function offerToSaveCard(
  cardNumber: string,
  context: FlowContext,
): Promise<FlowOutcome['followUp']> {
  if (context.customerId === null || context.services.customers === undefined) return undefined
  const tokenized = context.services.cardTokenizer?.tokenize(cardNumber)
  if (tokenized === undefined) return undefined
  const methods = await listChargeableMethods(context)
  if (
    methods.some(
      (method) => method.lastFour === tokenized.lastFour && method.brand === tokenized.brand,
    )
  )
    return undefined
  return {
    flow: saveCardFlowName,
    slots: {
      customer: context.customerId,
      provider: tokenized.provider,
      token: tokenized.token,
      brand: tokenized.brand,
      lastFour: tokenized.lastFour,
      currency: currencyOf(context),
    },
  }
}

function placed(
  order: PlacedOrder,
  couponCode: string | undefined,
  context: FlowContext,
): FlowOutcome {
  const pointsUsed: Reply[] =
    order.loyaltyPointsSpent > 0
      ? [
          {
            key: 'checkout-points-used',
            values: {
              points: order.loyaltyPointsSpent,
              discount: order.pointsDiscount,
              earned: order.loyaltyPointsEarned,
            },
          },
        ]
      : []
  return {
    replies: [...describePlacedOrder(order, context), ...pointsUsed],
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
}
