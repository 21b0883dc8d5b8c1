import type { IncomingMessage, ServerResponse } from 'node:http'
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { OrderAccess, OrderOperationResult } from '../../workflows/order-operations/index.ts'
import { z } from 'zod'
import type { Order, TrackingView } from '../../domains/orders/index.ts'
import { buildTrackingView } from '../../domains/orders/index.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Result } from '../../shared/result.ts'
import type { ServerContext } from '../server-context.ts'

/** The post-purchase services order routes need, all present. */
export interface PostPurchaseContext {
  readonly orders: NonNullable<ServerContext['orders']>
  readonly customers: NonNullable<ServerContext['customers']>
  readonly orderOperations: NonNullable<ServerContext['orderOperations']>
  readonly verification: NonNullable<ServerContext['verification']>
  readonly returns: NonNullable<ServerContext['returns']>
  readonly returnLabels: NonNullable<ServerContext['returnLabels']>
}

/** The post-purchase services of a server context, or undefined when it was built without them. */
export function readPostPurchaseContext(context: ServerContext): PostPurchaseContext | undefined {
  const { orders, customers, orderOperations, verification, returns, returnLabels } = context
  if (orders === undefined || customers === undefined || orderOperations === undefined)
    return undefined
  if (verification === undefined || returns === undefined || returnLabels === undefined)
    return undefined
  return { orders, customers, orderOperations, verification, returns, returnLabels }
}

/** Order number in a path: `W2378156` or `%23W2378156` (`#` is added when missing). */
export const orderNumberParams = z.object({
  number: z
    .string()
    .min(1)
    .max(40)
    .regex(/^#?[A-Za-z0-9-]+$/, 'expected an order number such as W2378156')
    .describe('The order number, with or without the leading #'),
})

/** The order number as stored (`#W2378156`). */
export function normalizeOrderNumber(number: string): string {
  return number.startsWith('#') ? number : `#${number}`
}

/** A postal address in a request body. */
export const addressBodySchema = z.object({
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).default(''),
  city: z.string().min(1).max(100),
  state: z.string().max(100).default(''),
  postcode: z.string().min(1).max(20),
  country: z.string().min(1).max(100),
})

/** SKUs of items in a request body. */
export const skuListSchema = z.array(z.string().min(1).max(64)).min(1).max(50)

/** A payment method reference (`credit_card_7815826`, `gift_card_1234567`). */
export const paymentMethodReferenceSchema = z
  .string()
  .min(1)
  .max(80)
  .describe('Reference of one of the customer’s saved payment methods')

const messages: Record<string, string> = {
  'order-not-found': 'There is no such order.',
  'customer-not-found': 'There is no such customer.',
  'not-pending': 'Only a pending order can be changed this way.',
  'not-delivered': 'Only a delivered order can be returned or exchanged.',
  'invalid-reason': "The reason must be 'no longer needed' or 'ordered by mistake'.",
  'payment-method-not-found': 'The customer has no such payment method.',
  'payment-method-not-reusable':
    'The card this order was paid with was not saved, so it cannot pay a price difference.',
  'item-not-in-order': 'The order does not hold these items.',
  'item-count-mismatch': 'Give one new item for each item to change.',
  'same-item': 'A new item must differ from the item it replaces.',
  'variant-not-found': 'The new item is not a variant of the same product.',
  'new-item-unavailable': 'The new item is not available.',
  'insufficient-gift-card-balance': 'The gift card balance does not cover the amount.',
  'not-single-payment': 'The order must have exactly one payment to change its payment method.',
  'same-payment-method': 'The new payment method must differ from the current one.',
  'refund-method-not-allowed': 'The refund must go to the original payment method or a gift card.',
  'invalid-transition': 'The order cannot move to that status from its current one.',
  'not-a-return':
    'Only a returned order is refunded; an exchange is settled when its items arrive.',
}

/** Returns the value of a successful operation, or throws the refusal as a 404/409 with its machine reason. */
export function unwrapOperation<T>(result: Result<T, string, { sku?: string }>): T {
  if (result.ok) return result.value
  const details = {
    reason: result.reason,
    ...(result.sku === undefined ? {} : { sku: result.sku }),
  }
  const code =
    result.reason === 'order-not-found' || result.reason === 'customer-not-found'
      ? 'not-found'
      : 'conflict'
  throw new AppError(code, messages[result.reason] ?? result.reason, { details })
}

/** An order as the API shows it: lines, totals, payment history and tracking. */
export function presentOrder(order: Order, tracking?: TrackingView) {
  const view = tracking ?? buildTrackingView(order, undefined)
  return {
    number: order.number,
    status: order.status,
    itemsModified: order.itemsModified,
    placedAt: order.placedAt,
    currency: order.currency,
    shippingAddress: order.shippingAddress,
    items: order.items.map((item) => ({
      sku: item.sku,
      name: item.name,
      options: item.options,
      quantity: item.quantity,
      unitPrice: { amount: item.unitPriceAmount, currency: order.currency },
    })),
    total: { amount: order.totalAmount, currency: order.currency },
    payments: order.payments.map((payment) => ({
      kind: payment.kind,
      amount: { amount: payment.amount, currency: payment.currency },
      paymentMethod: payment.paymentMethodReference,
      status: payment.status,
    })),
    cancelReason: order.cancelReason,
    returnRequest: order.details.returnRequest ?? null,
    exchangeRequest: order.details.exchangeRequest ?? null,
    tracking: view,
  }
}

/** How one caller (shopper or agent) reaches the pending-order operations. */
export interface PendingOrderRouteOptions {
  /** Path prefix: `/api/store` or `/api/console`. */
  readonly prefix: string
  /** OpenAPI tag of the routes. */
  readonly tag: string
  /** Who is asking, for the operation's ownership checks. */
  readonly accessFor: (request: FastifyRequest) => OrderAccess | Promise<OrderAccess>
  /** Runs first on every route (the console's staff check). */
  readonly onRequest?: onRequestAsyncHookHandler
  /** Request headers the routes document (the shopper's conversation token). */
  readonly headers?: z.ZodType
}

/**
 * Registers the operations on a pending order — cancel, change address, swap items, change payment —
 * under `prefix`, for shoppers and agents alike: the same bodies, the same operations, differing only
 * in who may ask (`accessFor`, `onRequest`).
 */
export function registerPendingOrderRoutes(
  app: FastifyInstance<
    RawServerDefault,
    IncomingMessage,
    ServerResponse,
    FastifyBaseLogger,
    ZodTypeProvider
  >,
  operations: PostPurchaseContext['orderOperations'],
  options: PendingOrderRouteOptions,
): void {
  const route = <Body extends z.ZodType>(
    path: string,
    summary: string,
    body: Body,
    run: (
      access: OrderAccess,
      number: string,
      input: z.infer<Body>,
    ) => Promise<OrderOperationResult<string>>,
  ) =>
    app.post(
      `${options.prefix}/orders/:number/${path}`,
      {
        ...(options.onRequest === undefined ? {} : { onRequest: options.onRequest }),
        schema: {
          tags: [options.tag],
          summary,
          params: orderNumberParams,
          ...(options.headers === undefined ? {} : { headers: options.headers }),
          body,
        },
      },
      async (request) =>
        presentOrder(
          unwrapOperation(
            await run(
              await options.accessFor(request),
              normalizeOrderNumber(request.params.number),
              request.body as z.infer<Body>,
            ),
          ),
        ),
    )
  route(
    'cancel',
    'Cancel a pending order (refund to the original payment methods)',
    z.object({ reason: z.enum(['no longer needed', 'ordered by mistake']) }),
    (access, number, input) => operations.cancelOrder(access, number, input.reason),
  )
  route(
    'address',
    'Change where a pending order ships',
    z.object({ address: addressBodySchema }),
    (access, number, input) => operations.changeOrderAddress(access, number, input.address),
  )
  route(
    'items',
    'Swap items of a pending order for other variants of the same product (once)',
    z.object({
      items: skuListSchema,
      newItems: skuListSchema,
      paymentMethod: paymentMethodReferenceSchema,
    }),
    (access, number, input) =>
      operations.modifyOrderItems(access, number, input.items, input.newItems, input.paymentMethod),
  )
  route(
    'payment',
    'Pay a pending order with another saved method',
    z.object({ paymentMethod: paymentMethodReferenceSchema }),
    (access, number, input) => operations.changeOrderPayment(access, number, input.paymentMethod),
  )
}
