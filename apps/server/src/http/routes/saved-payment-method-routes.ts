import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { CustomerService, SavedPaymentMethod } from '../../domains/customers/index.ts'
import { AppError } from '../../shared/app-error.ts'
import { requireStaff } from '../console-auth.ts'
import type { ServerContext } from '../server-context.ts'
import { readShopperIdentity } from '../shopper-identity.ts'

const customerParams = z.object({ customerId: z.string().min(1).max(80) })
const methodParams = z.object({ paymentMethodId: z.string().min(1).max(120) })

/** A saved method as the API shows it: brand, last four and balance, never the provider token. */
function presentMethod(method: SavedPaymentMethod) {
  return {
    id: method.id,
    reference: method.reference,
    kind: method.kind,
    brand: method.brand,
    lastFour: method.lastFour,
    balance:
      method.balanceAmount === null
        ? null
        : { amount: method.balanceAmount, currency: method.currency },
    isChargeable: method.isChargeable,
  }
}

async function listMethods(customers: CustomerService, customerId: string) {
  const profile = await customers.getProfile(customerId)
  if (profile === undefined)
    throw new AppError('not-found', 'There is no such customer.', {
      details: { reason: 'customer-not-found' },
    })
  return { paymentMethods: profile.paymentMethods.map(presentMethod) }
}

async function removeMethod(
  customers: CustomerService,
  customerId: string,
  paymentMethodId: string,
): Promise<void> {
  const removed = await customers.removePaymentMethod(customerId, paymentMethodId)
  if (!removed.ok)
    throw new AppError('not-found', 'There is no such saved payment method.', {
      details: { reason: removed.reason },
    })
}

/**
 * A customer's saved payment methods: the signed-in shopper's own (`/api/store/account/payment-methods`,
 * shopper token required: saved cards are charged only for signed-in customers) and any customer's
 * for agents (`/api/console/customers/:customerId/payment-methods`). List and remove; cards are
 * added by paying with one in the chat and saying yes to keeping it.
 */
export function createSavedPaymentMethodRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const customers = context.customers
  if (customers === undefined) return async () => undefined
  const requireSignedIn = (request: Parameters<typeof readShopperIdentity>[0]): string => {
    const customerId = readShopperIdentity(request, context).customerId
    if (customerId === undefined)
      throw new AppError('unauthorized', 'Sign in to see or change your saved payment methods.')
    return customerId
  }
  return async (app) => {
    app.get(
      '/api/store/account/payment-methods',
      {
        schema: {
          tags: ['store account'],
          summary: 'The signed-in shopper’s saved payment methods (brand and last four only)',
        },
      },
      async (request) => listMethods(customers, requireSignedIn(request)),
    )
    app.delete(
      '/api/store/account/payment-methods/:paymentMethodId',
      {
        schema: {
          tags: ['store account'],
          summary: 'Remove one of the signed-in shopper’s saved payment methods',
          params: methodParams,
        },
      },
      async (request, reply) => {
        await removeMethod(customers, requireSignedIn(request), request.params.paymentMethodId)
        return reply.status(204).send()
      },
    )
    const agent = requireStaff(context, ['agent'])
    app.get(
      '/api/console/customers/:customerId/payment-methods',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'A customer’s saved payment methods (brand and last four only)',
          params: customerParams,
        },
      },
      async (request) => listMethods(customers, request.params.customerId),
    )
    app.delete(
      '/api/console/customers/:customerId/payment-methods/:paymentMethodId',
      {
        onRequest: agent,
        schema: {
          tags: ['console orders'],
          summary: 'Remove a customer’s saved payment method (the customer asked)',
          params: customerParams.merge(methodParams),
        },
      },
      async (request, reply) => {
        await removeMethod(customers, request.params.customerId, request.params.paymentMethodId)
        return reply.status(204).send()
      },
    )
  }
}
