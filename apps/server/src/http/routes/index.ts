import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerContext } from '../server-context.ts'
import { createConversationRoutes } from './conversation-routes.ts'
import { createSessionRoutes } from './console/session-routes.ts'
import { createConsoleSocketRoutes } from './console/console-socket-routes.ts'
import { createConversationConsoleRoutes } from './console/conversation-console-routes.ts'
import { createInboxRoutes } from './console/inbox-routes.ts'
import { createTrainingRoutes } from './console/training-routes.ts'
import { createConsoleAppRoutes } from './console-app-routes.ts'
import { createDemoAssetRoutes } from './demo-asset-routes.ts'
import { createHealthRoutes } from './health-routes.ts'
import { createPaypalWebhookRoutes } from './webhooks/paypal-webhook-routes.ts'
import { createSandboxPaymentRoutes } from './webhooks/sandbox-payment-routes.ts'
import { createStripeWebhookRoutes } from './webhooks/stripe-webhook-routes.ts'
import { createConsoleOrderRoutes } from './console/order-routes.ts'
import { createStoreOrderRoutes } from './store/order-routes.ts'
import { createCartRoutes } from './store/cart-routes.ts'
import { createCatalogRoutes } from './store/catalog-routes.ts'
import { createDataExportRoutes } from './store/data-export-routes.ts'
import { createSavedPaymentMethodRoutes } from './saved-payment-method-routes.ts'
import { createStorefrontRoutes } from './storefront-routes.ts'

/**
 * Every route module of the server, registered in this order. Add one line per module.
 */
export function createRouteModules(context: ServerContext): FastifyPluginAsyncZod[] {
  return [
    createHealthRoutes(context),
    createStripeWebhookRoutes(context),
    createPaypalWebhookRoutes(context),
    createSandboxPaymentRoutes(context),
    createStoreOrderRoutes(context),
    createConsoleOrderRoutes(context),
    createConversationRoutes(context),
    createInboxRoutes(context),
    createConversationConsoleRoutes(context),
    createTrainingRoutes(context),
    createConsoleSocketRoutes(context),
    createConsoleAppRoutes(context),
    createDemoAssetRoutes(context),
    createSessionRoutes(context),
    createCatalogRoutes(context),
    createCartRoutes(context),
    createDataExportRoutes(context),
    createSavedPaymentMethodRoutes(context),
    createStorefrontRoutes(context),
  ]
}
