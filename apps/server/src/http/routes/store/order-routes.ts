import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../../shared/app-error.ts'
import { locales } from '../../../shared/locale.ts'
import { verifySignedToken } from '../../../shared/signed-token.ts'
import { formatInvoiceNumber } from '../../../domains/invoices/index.ts'
import { renderOrderInvoice } from '../../../workflows/issue-invoice/index.ts'
import type { OrderAccess } from '../../../workflows/order-operations/index.ts'
import {
  renderReturnLabel,
  startExchange,
  startReturn,
} from '../../../workflows/start-return/index.ts'
import type { ServerContext } from '../../server-context.ts'
import { readShopperIdentity } from '../../shopper-identity.ts'
import { conversationTokenHeader, conversationTokenUse } from '../../ws/conversation-access.ts'
import {
  addressBodySchema,
  normalizeOrderNumber,
  orderNumberParams,
  paymentMethodReferenceSchema,
  presentOrder,
  skuListSchema,
  unwrapOperation,
  readPostPurchaseContext,
  registerPendingOrderRoutes,
  type PostPurchaseContext,
} from '../order-route-support.ts'

const conversationHeaders = z.object({
  [conversationTokenHeader]: z
    .string()
    .min(10)
    .max(4096)
    .optional()
    .describe('The conversation access token; the shopper verified in that conversation is asking'),
})

const verificationResponse = z.object({
  verified: z.boolean(),
  status: z.enum(['unverified', 'verified', 'locked']),
  reason: z.enum(['no-match', 'locked']).optional(),
  attemptsLeft: z.number().int().optional(),
})

/**
 * The shopper's post-purchase API: verification, order tracking, cancel/modify/return/exchange and
 * the return-label download. Every order route answers only for the signed-in customer (shopper token)
 * or the customer verified in the conversation; any other order is "not found", whoever owns it.
 */
export function createStoreOrderRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readPostPurchaseContext(context)
  if (services === undefined) return async () => undefined
  const readConversationId = (request: FastifyRequest): string | undefined => {
    const token = request.headers[conversationTokenHeader]
    if (typeof token !== 'string' || token.length === 0) return undefined
    const verified = verifySignedToken(
      token,
      context.configuration.secret,
      conversationTokenUse,
      context.clock.now(),
    )
    if (!verified.ok)
      throw new AppError(
        'unauthorized',
        `The conversation token is not valid (${verified.problem}).`,
      )
    const conversationId = verified.claims['conversationId']
    if (typeof conversationId !== 'string')
      throw new AppError('unauthorized', 'The conversation token names no conversation.')
    return conversationId
  }
  const requireConversationId = (request: FastifyRequest): string => {
    const conversationId = readConversationId(request)
    if (conversationId === undefined)
      throw new AppError(
        'unauthorized',
        `Send the conversation token in ${conversationTokenHeader}.`,
      )
    return conversationId
  }
  const requireCustomer = async (request: FastifyRequest): Promise<string> => {
    const identity = readShopperIdentity(request, context)
    if (identity.customerId !== undefined) return identity.customerId
    const conversationId = readConversationId(request)
    if (conversationId !== undefined) {
      const state = await services.verification.getState(conversationId)
      if (state.status === 'locked')
        throw new AppError(
          'forbidden',
          'This conversation is locked after failed verification; an agent will help.',
        )
      if (state.status === 'verified' && state.customerId !== null) return state.customerId
    }
    throw new AppError(
      'unauthorized',
      'Sign in or verify your identity (e-mail and order number, or name and postcode) first.',
    )
  }
  const accessFor = async (request: FastifyRequest): Promise<OrderAccess> => ({
    kind: 'customer',
    customerId: await requireCustomer(request),
  })

  const loadOwnOrder = async (request: FastifyRequest, number: string) => {
    const customerId = await requireCustomer(request)
    const order = await services.orders.getOrderByNumber(normalizeOrderNumber(number))
    if (order === undefined || order.customerId !== customerId) {
      throw new AppError('not-found', 'There is no such order.', {
        details: { reason: 'order-not-found' },
      })
    }
    return order
  }

  return async (app) => {
    app.post(
      '/api/store/verification/email-and-order',
      {
        schema: {
          tags: ['store orders'],
          summary:
            'Verify the shopper of a conversation by e-mail and order number (3 failures lock it)',
          headers: conversationHeaders,
          body: z.object({
            email: z.string().min(3).max(320),
            orderNumber: z.string().min(1).max(40),
          }),
          response: { 200: verificationResponse },
        },
      },
      async (request) => {
        const conversationId = requireConversationId(request)
        const { email, orderNumber } = request.body
        const result = await services.verification.verifyByEmailAndOrderNumber(
          conversationId,
          email,
          normalizeOrderNumber(orderNumber),
        )
        if (result.ok) return { verified: true, status: result.value.status }
        return {
          verified: false,
          status: result.reason === 'locked' ? ('locked' as const) : ('unverified' as const),
          reason: result.reason,
          attemptsLeft: result.attemptsLeft,
        }
      },
    )
    app.post(
      '/api/store/verification/name-and-postcode',
      {
        schema: {
          tags: ['store orders'],
          summary: 'Verify the shopper of a conversation by name and postcode (3 failures lock it)',
          headers: conversationHeaders,
          body: z.object({
            firstName: z.string().min(1).max(100),
            lastName: z.string().min(1).max(100),
            postcode: z.string().min(1).max(20),
          }),
          response: { 200: verificationResponse },
        },
      },
      async (request) => {
        const conversationId = requireConversationId(request)
        const { firstName, lastName, postcode } = request.body
        const result = await services.verification.verifyByNameAndPostcode(
          conversationId,
          firstName,
          lastName,
          postcode,
        )
        if (result.ok) return { verified: true, status: result.value.status }
        return {
          verified: false,
          status: result.reason === 'locked' ? ('locked' as const) : ('unverified' as const),
          reason: result.reason,
          attemptsLeft: result.attemptsLeft,
        }
      },
    )
    app.get(
      '/api/store/orders',
      {
        schema: {
          tags: ['store orders'],
          summary: 'The shopper’s own orders, newest first',
          headers: conversationHeaders,
        },
      },
      async (request) => {
        const customerId = await requireCustomer(request)
        const orders = await services.orders.listCustomerOrders(customerId)
        return {
          orders: orders.reverse().map((order) => ({
            number: order.number,
            status: order.status,
            placedAt: order.placedAt,
            total: { amount: order.totalAmount, currency: order.currency },
            itemCount: order.items.length,
          })),
        }
      },
    )
    app.get(
      '/api/store/orders/:number',
      {
        schema: {
          tags: ['store orders'],
          summary:
            'Track an order: status, items, shipments, tracking link, latest scan, delivery estimate',
          params: orderNumberParams,
          headers: conversationHeaders,
        },
      },
      async (request) => {
        const order = await loadOwnOrder(request, request.params.number)
        return presentOrder(order, (await services.orders.trackOrder(order.number)) ?? undefined)
      },
    )
    registerPendingOrderRoutes(app, services.orderOperations, {
      prefix: '/api/store',
      tag: 'store orders',
      accessFor,
      headers: conversationHeaders,
    })
    app.post(
      '/api/store/orders/:number/returns',
      {
        schema: {
          tags: ['store orders'],
          summary: 'Return delivered items: RMA, printable label link and instructions by e-mail',
          params: orderNumberParams,
          headers: conversationHeaders,
          body: z.object({
            items: skuListSchema,
            paymentMethod: paymentMethodReferenceSchema,
            locale: z.enum(locales).optional(),
          }),
        },
      },
      async (request) => {
        const access = await accessFor(request)
        const started = unwrapOperation(
          await startReturn(returnDependencies(services, context.configuration.publicUrl), {
            access,
            orderNumber: normalizeOrderNumber(request.params.number),
            items: request.body.items,
            paymentMethodReference: request.body.paymentMethod,
            locale: request.body.locale,
          }),
        )
        return {
          order: presentOrder(started.order),
          rmaNumber: started.returnRecord.rmaNumber,
          labelUrl: started.labelUrl,
          labelLinkExpiresAt: started.labelLinkExpiresAt,
          emailed: started.emailed,
        }
      },
    )
    app.post(
      '/api/store/orders/:number/exchange',
      {
        schema: {
          tags: ['store orders'],
          summary:
            'Exchange delivered items for other variants of the same product (RMA, label link, e-mail)',
          params: orderNumberParams,
          headers: conversationHeaders,
          body: z.object({
            items: skuListSchema,
            newItems: skuListSchema,
            paymentMethod: paymentMethodReferenceSchema,
          }),
        },
      },
      async (request) => {
        const access = await accessFor(request)
        const { items, newItems, paymentMethod } = request.body
        const started = unwrapOperation(
          await startExchange(returnDependencies(services, context.configuration.publicUrl), {
            access,
            orderNumber: normalizeOrderNumber(request.params.number),
            items,
            newItems,
            paymentMethodReference: paymentMethod,
          }),
        )
        return {
          order: presentOrder(started.order),
          rmaNumber: started.returnRecord.rmaNumber,
          labelUrl: started.labelUrl,
          labelLinkExpiresAt: started.labelLinkExpiresAt,
          emailed: started.emailed,
        }
      },
    )
    app.put(
      '/api/store/account/address',
      {
        schema: {
          tags: ['store orders'],
          summary: 'Change the shopper’s default address',
          headers: conversationHeaders,
          body: z.object({ address: addressBodySchema }),
        },
      },
      async (request) => {
        const customerId = await requireCustomer(request)
        const profile = unwrapOperation(
          await services.orderOperations.changeDefaultAddress(
            { kind: 'customer', customerId },
            customerId,
            request.body.address,
          ),
        )
        return { defaultAddress: profile.defaultAddress }
      },
    )
    app.get(
      '/api/store/returns/:returnId/label',
      {
        schema: {
          tags: ['store orders'],
          summary: 'Download a return label (PDF) with the signed link from the return e-mail',
          params: z.object({ returnId: z.string().min(1).max(80) }),
          querystring: z.object({ token: z.string().min(10).max(4096) }),
        },
      },
      async (request, reply) => {
        const identity = readShopperIdentity(request, context)
        const resolved = await services.returns.resolveLabelToken(
          request.query.token,
          identity.customerId,
        )
        if (!resolved.ok) {
          const code =
            resolved.reason === 'wrong-customer'
              ? 'forbidden'
              : resolved.reason === 'return-not-found'
                ? 'not-found'
                : 'unauthorized'
          throw new AppError(code, 'This label link is not valid for you (it may have expired).', {
            details: { reason: resolved.reason },
          })
        }
        if (resolved.value.id !== request.params.returnId)
          throw new AppError('forbidden', 'This label link is for another return.', {
            details: { reason: 'wrong-return' },
          })
        const pdf = await renderReturnLabel(
          returnDependencies(services, context.configuration.publicUrl),
          resolved.value,
          context.clock.now(),
        )
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${resolved.value.rmaNumber}.pdf"`)
          .send(Buffer.from(pdf))
      },
    )
    const invoices = context.invoices
    if (invoices === undefined) return
    app.get(
      '/api/store/orders/:number/invoice',
      {
        schema: {
          tags: ['store orders'],
          summary: 'Download an order’s invoice (PDF) with the signed link the chat sends',
          description:
            'The link is bound to the order and its customer and expires after 7 days. 401 when the ' +
            'token is invalid or expired; 403 when it is for another order, or a signed-in shopper ' +
            'is not the order’s customer; 404 when the order no longer exists.',
          params: orderNumberParams,
          querystring: z.object({
            token: z.string().min(10).max(4096).describe('The signed token of the invoice link'),
          }),
        },
      },
      async (request, reply) => {
        const identity = readShopperIdentity(request, context)
        const resolved = invoices.links.resolve(
          request.query.token,
          normalizeOrderNumber(request.params.number),
          identity.customerId,
        )
        if (!resolved.ok) {
          const forbidden =
            resolved.reason === 'wrong-customer' || resolved.reason === 'wrong-order'
          throw new AppError(
            forbidden ? 'forbidden' : 'unauthorized',
            forbidden
              ? 'This invoice link is for another order or customer.'
              : 'This invoice link is not valid (it may have expired).',
            { details: { reason: resolved.reason } },
          )
        }
        const order = await services.orders.getOrder(resolved.value.orderId)
        if (order === undefined || order.customerId !== resolved.value.customerId)
          throw new AppError('not-found', 'There is no such order.', {
            details: { reason: 'order-not-found' },
          })
        const pdf = await renderOrderInvoice(
          { ...invoices, orders: services.orders, customers: services.customers },
          order,
        )
        const filename = `${formatInvoiceNumber(order.number)}.pdf`
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(Buffer.from(pdf))
      },
    )
  }
}

/** The start-return workflow's dependencies from the post-purchase services. */
export function returnDependencies(services: PostPurchaseContext, publicUrl: string) {
  return {
    operations: services.orderOperations,
    orders: services.orders,
    customers: services.customers,
    returns: services.returns,
    renderer: services.returnLabels.renderer,
    emailSender: services.returnLabels.emailSender,
    returnAddress: services.returnLabels.returnAddress,
    publicUrl,
  }
}
