import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type {
  CartFailureDetails,
  CartFailureReason,
  CartResult,
} from '../../../domains/cart/index.ts'
import type { AppErrorCode } from '../../../shared/app-error.ts'
import { locales, type Locale } from '../../../shared/locale.ts'
import type { PlaceOrderFailureReason } from '../../../workflows/place-order/index.ts'
import type { ErrorBody } from '../../error-handler.ts'
import type { ServerContext } from '../../server-context.ts'
import { readShopperIdentity } from '../../shopper-identity.ts'

const tokenParams = z.object({ token: z.string().min(16).max(200).describe('The cart token') })
const lineParams = tokenParams.extend({
  line: z.string().min(1).max(200).describe('Line id (`cli_…`) or variant id'),
})
const quantitySchema = z
  .number()
  .int('expected a whole number')
  .min(1, 'expected at least 1')
  .max(99, 'expected at most 99')

const cartFailureStatus: Record<
  CartFailureReason,
  { status: number; code: AppErrorCode; message: string }
> = {
  'cart-not-found': {
    status: 404,
    code: 'not-found',
    message: 'There is no cart with this token.',
  },
  'line-not-found': { status: 404, code: 'not-found', message: 'The cart has no such line.' },
  'cart-closed': {
    status: 409,
    code: 'conflict',
    message: 'This cart was already checked out or merged.',
  },
  'unknown-variant': {
    status: 422,
    code: 'validation',
    message: 'There is no product variant with this id or SKU.',
  },
  unavailable: { status: 409, code: 'conflict', message: 'This item is not sold at the moment.' },
  'insufficient-stock': {
    status: 409,
    code: 'conflict',
    message: 'Not enough units are in stock.',
  },
  'invalid-quantity': { status: 422, code: 'validation', message: 'A line holds 1 to 99 units.' },
}

function sendCartResult(reply: FastifyReply, result: CartResult, successStatus = 200) {
  if (result.ok) return reply.status(successStatus).send(result.value)
  const mapping = cartFailureStatus[result.reason]
  const {
    ok: _ok,
    reason,
    ...details
  } = result as { ok: false; reason: CartFailureReason } & CartFailureDetails
  const body: ErrorBody = {
    error: { code: mapping.code, message: mapping.message, details: { reason, ...details } },
  }
  return reply.status(mapping.status).send(body)
}

const checkoutFailureStatus: Record<PlaceOrderFailureReason, { status: number; message: string }> =
  {
    'cart-not-found': { status: 404, message: 'There is no cart with this token.' },
    'invalid-cart': { status: 422, message: 'The cart cannot be checked out as it is.' },
    'already-checked-out': { status: 409, message: 'This cart was already checked out.' },
    'customer-required': { status: 422, message: 'Sign in, or give an e-mail address and a name.' },
    'address-required': { status: 422, message: 'A shipping address is needed.' },
    'payment-method-not-found': {
      status: 422,
      message: 'That saved payment method was not found.',
    },
    'price-changed': {
      status: 409,
      message: 'Some prices changed; the cart shows the new prices. Please confirm again.',
    },
    'out-of-stock': { status: 409, message: 'An item is out of stock.' },
    'shipping-unavailable': { status: 422, message: 'We cannot ship to this address.' },
    'invalid-coupon': { status: 422, message: 'The coupon cannot be used for this order.' },
    'points-below-minimum': {
      status: 422,
      message: 'Too few loyalty points: points are spent from the programme minimum upwards.',
    },
    'points-not-in-blocks': {
      status: 422,
      message: 'Loyalty points are spent in whole blocks (see allowedPoints).',
    },
    'points-over-limit': {
      status: 422,
      message: 'That many points would pay more than the programme allows (see allowedPoints).',
    },
    'insufficient-points': { status: 422, message: 'There are not enough loyalty points.' },
    'fraud-blocked': { status: 403, message: 'We cannot accept this order. Please contact us.' },
    'payment-declined': { status: 402, message: 'The payment was declined. Nothing was charged.' },
    'requires-action': {
      status: 202,
      message: 'Please complete the payment step, then confirm again with the same key.',
    },
    'reservation-expired': {
      status: 409,
      message: 'The items were held too long; please try again.',
    },
    'checkout-in-progress': { status: 409, message: 'This checkout is already being processed.' },
  }

const addressSchema = z.object({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).default(''),
  city: z.string().min(1).max(100),
  state: z.string().max(100).default(''),
  postcode: z.string().min(1).max(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO country code such as MY'),
})

const checkoutBodySchema = z.object({
  checkoutKey: z
    .string()
    .min(8, 'expected at least 8 characters')
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, - and _')
    .describe('Idempotency key chosen by the client; retrying with it never places a second order'),
  guest: z
    .object({
      email: z.email({ message: 'expected an e-mail address' }),
      firstName: z.string().min(1).max(100),
      lastName: z.string().min(1).max(100),
    })
    .optional()
    .describe('Who orders, when the shopper is not signed in'),
  shippingAddress: addressSchema.optional(),
  savedAddressId: z.string().min(1).max(100).optional(),
  payment: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('token'), token: z.string().min(1).max(500) }),
    z.object({
      kind: z.literal('card'),
      number: z.string().regex(/^[\d -]{12,23}$/, 'expected a card number'),
      expiry: z.string().max(7).optional(),
      cvc: z
        .string()
        .regex(/^\d{3,4}$/, 'expected 3 or 4 digits')
        .optional(),
    }),
    z.object({ kind: z.literal('saved'), paymentMethodId: z.string().min(1).max(100) }),
    z.object({ kind: z.literal('hosted-page') }),
  ]),
  couponCode: z.string().min(1).max(50).optional(),
  redeemPoints: z.number().int().min(0).max(10_000_000).optional(),
  locale: z.enum(locales).optional(),
  conversationId: z.string().max(100).optional(),
})

/** `/api/store/carts…`: guest and customer carts, their lines, and checkout. */
export function createCartRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/store/carts',
      {
        schema: {
          tags: ['store'],
          summary: 'Open a cart (a signed-in shopper gets their open cart back)',
          body: z.object({ locale: z.enum(locales).optional() }).default({}),
        },
      },
      async (request, reply) => {
        const shopper = readShopperIdentity(request, context)
        const cart = await context.carts.createCart({
          customerId: shopper.customerId ?? null,
          locale: request.body.locale ?? (context.configuration.store.locale as Locale),
        })
        return reply.status(201).send(cart)
      },
    )

    app.get(
      '/api/store/carts/:token',
      {
        schema: {
          tags: ['store'],
          summary: 'A cart with its lines and totals',
          params: tokenParams,
          querystring: z.object({ locale: z.enum(locales).optional() }),
        },
      },
      async (request, reply) => {
        const cart = await context.carts.getCart(request.params.token, request.query.locale)
        return sendCartResult(
          reply,
          cart === undefined ? { ok: false, reason: 'cart-not-found' } : { ok: true, value: cart },
        )
      },
    )

    app.post(
      '/api/store/carts/:token/lines',
      {
        schema: {
          tags: ['store'],
          summary: 'Add units of a variant (by id or SKU) to the cart',
          params: tokenParams,
          body: z.object({
            variant: z.string().min(1).max(100).describe('Variant id (`var_…`) or SKU'),
            quantity: quantitySchema.default(1),
          }),
        },
      },
      async (request, reply) =>
        sendCartResult(reply, await context.carts.addLine(request.params.token, request.body), 201),
    )

    app.patch(
      '/api/store/carts/:token/lines/:line',
      {
        schema: {
          tags: ['store'],
          summary: "Set a line's quantity (0 removes it)",
          params: lineParams,
          body: z.object({
            quantity: z
              .number()
              .int('expected a whole number')
              .min(0, 'expected 0 to 99')
              .max(99, 'expected at most 99'),
          }),
        },
      },
      async (request, reply) =>
        sendCartResult(
          reply,
          await context.carts.setLineQuantity(
            request.params.token,
            request.params.line,
            request.body.quantity,
          ),
        ),
    )

    app.delete(
      '/api/store/carts/:token/lines/:line',
      { schema: { tags: ['store'], summary: 'Remove a line from the cart', params: lineParams } },
      async (request, reply) =>
        sendCartResult(
          reply,
          await context.carts.removeLine(request.params.token, request.params.line),
        ),
    )

    app.post(
      '/api/store/carts/:token/merge',
      {
        schema: {
          tags: ['store'],
          summary: "Merge this guest cart into the signed-in shopper's cart",
          params: tokenParams,
        },
      },
      async (request, reply) => {
        const shopper = readShopperIdentity(request, context)
        if (shopper.customerId === undefined) {
          const body: ErrorBody = {
            error: {
              code: 'unauthorized',
              message: 'Sign in to merge a cart.',
              details: { reason: 'sign-in-required' },
            },
          }
          return reply.status(401).send(body)
        }
        return sendCartResult(
          reply,
          await context.carts.mergeGuestCart(request.params.token, shopper.customerId),
        )
      },
    )

    app.post(
      '/api/store/carts/:token/quote',
      {
        schema: {
          tags: ['store'],
          summary: 'Price the cart as checkout would now: promotions, coupon, shipping and tax',
          params: tokenParams,
          body: z
            .object({
              couponCode: z.string().min(1).max(50).optional(),
              shippingAddress: z
                .object({
                  country: z
                    .string()
                    .regex(/^[A-Z]{2}$/, 'expected an ISO country code such as MY'),
                  state: z.string().max(100).optional(),
                  postcode: z.string().max(20).optional(),
                })
                .optional(),
              locale: z.enum(locales).optional(),
            })
            .default({}),
        },
      },
      async (request, reply) => {
        const quoted = await context.checkout.quoteCheckout({
          cartToken: request.params.token,
          ...request.body,
        })
        if (!quoted.ok) return sendCartResult(reply, { ok: false, reason: 'cart-not-found' })
        return quoted.value
      },
    )

    app.post(
      '/api/store/carts/:token/checkout',
      {
        schema: {
          tags: ['store'],
          summary:
            'Check out: reserve stock, take payment, place the order (idempotent on checkoutKey)',
          params: tokenParams,
          body: checkoutBodySchema,
        },
      },
      async (request, reply) => {
        const shopper = readShopperIdentity(request, context)
        const body = request.body
        const outcome = await context.checkout.placeOrder({
          cartToken: request.params.token,
          checkoutKey: body.checkoutKey,
          customerId: shopper.customerId,
          guest: body.guest,
          shippingAddress: body.shippingAddress,
          savedAddressId: body.savedAddressId,
          payment: body.payment,
          couponCode: body.couponCode,
          redeemPoints: body.redeemPoints,
          locale: body.locale,
          conversationId: body.conversationId,
        })
        if (outcome.ok) return reply.status(outcome.replayed === true ? 200 : 201).send(outcome)
        const mapping = checkoutFailureStatus[outcome.reason]
        return reply.status(mapping.status).send({ message: mapping.message, ...outcome })
      },
    )
  }
}
