import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { orderStatuses } from '../../../domains/orders/index.ts'
import { AppError } from '../../../shared/app-error.ts'
import { locales } from '../../../shared/locale.ts'
import type { OrderAccess } from '../../../workflows/order-operations/index.ts'
import { startExchange, startReturn } from '../../../workflows/start-return/index.ts'
import { requireStaff } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'
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
} from '../order-route-support.ts'
import { returnDependencies } from '../store/order-routes.ts'

const staffAccess: OrderAccess = { kind: 'staff' }
const customerParams = z.object({ customerId: z.string().min(1).max(80) })

/**
 * The agents' post-purchase API (signed-in staff only): order search by number, e-mail or phone;
 * order details; the same operations as shoppers on the customer's behalf; lifecycle steps; customer
 * profile, default address and personal-data export/erasure (erasure for admins).
 */
export function createConsoleOrderRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readPostPurchaseContext(context)
  if (services === undefined) return async () => undefined
  return async (app) => {
    const agent = requireStaff(context, ['agent'])
    app.get(
      '/api/console/orders',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Search orders by number, customer e-mail or phone',
          querystring: z
            .object({
              number: z.string().min(1).max(40).optional(),
              email: z.string().min(3).max(320).optional(),
              phone: z.string().min(3).max(40).optional(),
            })
            .refine(
              (query) =>
                query.number !== undefined ||
                query.email !== undefined ||
                query.phone !== undefined,
              { message: 'give number, email or phone' },
            ),
        },
      },
      async (request) => {
        const orders = await services.orders.searchOrders(request.query)
        return {
          orders: orders.map((order) => ({ ...presentOrder(order), customerId: order.customerId })),
        }
      },
    )
    app.get(
      '/api/console/orders/:number',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'An order with tracking',
          params: orderNumberParams,
        },
      },
      async (request) => {
        const number = normalizeOrderNumber(request.params.number)
        const order = await services.orders.getOrderByNumber(number)
        if (order === undefined)
          throw new AppError('not-found', 'There is no such order.', {
            details: { reason: 'order-not-found' },
          })
        return {
          ...presentOrder(order, await services.orders.trackOrder(number)),
          customerId: order.customerId,
        }
      },
    )
    registerPendingOrderRoutes(app, services.orderOperations, {
      prefix: '/api/console',
      tag: 'console orders',
      accessFor: () => staffAccess,
      onRequest: agent,
    })
    app.post(
      '/api/console/orders/:number/returns',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Start a return on the customer’s behalf (RMA, label link, e-mail)',
          params: orderNumberParams,
          body: z.object({
            items: skuListSchema,
            paymentMethod: paymentMethodReferenceSchema,
            locale: z.enum(locales).optional(),
          }),
        },
      },
      async (request) => {
        const started = unwrapOperation(
          await startReturn(returnDependencies(services, context.configuration.publicUrl), {
            access: staffAccess,
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
          emailed: started.emailed,
        }
      },
    )
    app.post(
      '/api/console/orders/:number/exchange',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Exchange delivered items',
          params: orderNumberParams,
          body: z.object({
            items: skuListSchema,
            newItems: skuListSchema,
            paymentMethod: paymentMethodReferenceSchema,
          }),
        },
      },
      async (request) => {
        const started = unwrapOperation(
          await startExchange(returnDependencies(services, context.configuration.publicUrl), {
            access: staffAccess,
            orderNumber: normalizeOrderNumber(request.params.number),
            items: request.body.items,
            newItems: request.body.newItems,
            paymentMethodReference: request.body.paymentMethod,
          }),
        )
        return {
          order: presentOrder(started.order),
          rmaNumber: started.returnRecord.rmaNumber,
          labelUrl: started.labelUrl,
          emailed: started.emailed,
        }
      },
    )
    app.post(
      '/api/console/orders/:number/status',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary:
            'Move an order one step along its lifecycle (receiving a return or a cheaper exchange, or refunding a return, records its refund)',
          params: orderNumberParams,
          body: z.object({ status: z.enum(orderStatuses) }),
        },
      },
      async (request) => {
        const order = unwrapOperation(
          await services.orderOperations.advanceOrder(
            staffAccess,
            normalizeOrderNumber(request.params.number),
            request.body.status,
          ),
        )
        return presentOrder(order, await services.orders.trackOrder(order.number))
      },
    )
    app.post(
      '/api/console/orders/:number/tracking/refresh',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Fetch the carrier’s latest scans',
          params: orderNumberParams,
        },
      },
      async (request) => {
        const result = await services.orders.refreshTracking(
          normalizeOrderNumber(request.params.number),
        )
        if (!result.ok)
          throw new AppError('not-found', 'There is no such order.', {
            details: { reason: result.reason },
          })
        return presentOrder(result.value, await services.orders.trackOrder(result.value.number))
      },
    )
    app.get(
      '/api/console/customers/:customerId',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'A customer’s profile, addresses, payment methods and orders',
          params: customerParams,
        },
      },
      async (request) => {
        const profile = await services.customers.getProfile(request.params.customerId)
        if (profile === undefined) throw new AppError('not-found', 'There is no such customer.')
        return profile
      },
    )
    app.put(
      '/api/console/customers/:customerId/address',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Change a customer’s default address',
          params: customerParams,
          body: z.object({ address: addressBodySchema }),
        },
      },
      async (request) => {
        const profile = unwrapOperation(
          await services.orderOperations.changeDefaultAddress(
            staffAccess,
            request.params.customerId,
            request.body.address,
          ),
        )
        return { defaultAddress: profile.defaultAddress }
      },
    )
    app.get(
      '/api/console/customers/:customerId/personal-data',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Export everything kept about a customer',
          params: customerParams,
        },
      },
      async (request) => {
        const data = await services.customers.exportPersonalData(request.params.customerId)
        if (data === undefined) throw new AppError('not-found', 'There is no such customer.')
        return data
      },
    )
    app.post(
      '/api/console/customers/:customerId/erase',
      {
        onRequest: requireStaff(context, ['admin']),
        schema: {
          tags: ['console orders'],
          summary: 'Erase a customer’s personal data (orders stay for accounting)',
          params: customerParams,
        },
      },
      async (request) =>
        unwrapOperation(await services.customers.erasePersonalData(request.params.customerId)),
    )
  }
}
