import {
  createDemoFulfillmentProvider,
  defaultDemoFulfillmentSchedule,
} from '../adapters/fulfillment-demo/index.ts'
import { defaultOrderLifecycleSchedule } from '../workflows/advance-order-lifecycle/index.ts'
import { pino, type DestinationStream, type Logger } from 'pino'
import {
  createDatabase,
  migrateToLatest,
  runExclusively,
  type DatabaseHandle,
  type MigrationReport,
} from '../db/database.ts'
import { seedDemoStore, type SeedReport } from '../db/seed/load-demo-store.ts'
import { claimSqliteFile } from '../db/claim-sqlite-file.ts'
import { createPostgresClusterLink, type PostgresClusterLink } from '../db/postgres-cluster-link.ts'
import { createSqlEventStore } from '../db/sql-event-store.ts'
import { redactedLogPaths } from '../http/build-server.ts'
import type { ServerContext } from '../http/server-context.ts'
import { systemClock, type Clock } from '../shared/clock.ts'
import { createEventBus, type EventBus } from '../shared/event-bus.ts'
import { createId } from '../shared/ids.ts'
import {
  assembleAssistant,
  createReturnStarter,
  orderCareFlowServices,
} from './assemble-assistant.ts'
import { createStaffService } from '../domains/staff/index.ts'
import { seedDemoStaff } from './seed-demo-staff.ts'
import { createCardTokenizer } from './create-card-tokenizer.ts'
import { createCommerceBServices } from './commerce-b-services.ts'
import { createCommerceServices } from './commerce-services.ts'
import type { Configuration } from './config.ts'
import { createPostPurchaseServices, readInvoiceSeller } from './post-purchase-services.ts'
import {
  createInboxServices,
  loadApprovedTrainingExamples,
  seedDemoCannedResponses,
} from './inbox-services.ts'
import { createInboxService } from '../domains/inbox/index.ts'
import { startDueRefundSettlement } from '../jobs/settle-due-refunds.ts'
import { subscribeLockedVerificationEscalation } from '../subscribers/escalate-locked-verification.ts'
import { subscribeFailedChargeNotice } from '../subscribers/notify-failed-charge.ts'
import { subscribeRefundSettlement } from '../subscribers/settle-refunds-after-order-change.ts'
import {
  createPaymentLinkCheckout,
  type PaymentLinkCheckout,
} from '../workflows/payment-link-checkout/index.ts'
import { defaultPlaceOrderConfiguration } from '../workflows/place-order/index.ts'
import { createPersonalDataExportLinks } from '../workflows/personal-data-export/index.ts'
import {
  createRefundSettlement,
  type RefundSettlement,
} from '../workflows/settle-order-refunds/index.ts'

/** Everything the running server is made of, built once at start and closed once at stop. */
export interface Container extends ServerContext {
  readonly configuration: Configuration
  readonly logger: Logger
  readonly database: DatabaseHandle
  readonly eventBus: EventBus
  readonly clock: Clock
  readonly migrations: MigrationReport
  readonly seed: SeedReport | undefined
  /** Checkouts paid through a payment link, placed when their payment completes. */
  readonly paymentLinks: PaymentLinkCheckout
  /**
   * Order refunds sent to the payment provider: right after the order change, by a job every minute
   * for refunds whose provider did not answer, and from the provider's refund webhooks.
   */
  readonly refunds: RefundSettlement
  close(): Promise<void>
}

/** Creates the root logger with secrets redacted. */
export function createLogger(
  configuration: Pick<Configuration, 'logLevel'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: configuration.logLevel,
    redact: { paths: redactedLogPaths, censor: '[redacted]' },
  }
  return destination === undefined ? pino(options) : pino(options, destination)
}

/**
 * The composition root: opens the database, applies migrations, loads the demo store into an empty
 * database (when configured), and wires the services. The only place concrete adapters are chosen.
 */
export async function createContainer(
  configuration: Configuration,
  options: { logger?: Logger; clock?: Clock } = {},
): Promise<Container> {
  const logger = options.logger ?? createLogger(configuration)
  const clock = options.clock ?? systemClock
  // A server on SQLite keeps conversations in memory: it must be the file's only server.
  const claim =
    configuration.database.engine === 'sqlite' && configuration.database.file !== ':memory:'
      ? claimSqliteFile(configuration.database.file)
      : undefined
  const database = await createDatabase(
    configuration.database.engine === 'postgres'
      ? { url: configuration.database.url }
      : { sqliteFile: configuration.database.file },
  ).catch((error: unknown) => {
    claim?.release()
    throw error
  })
  let cluster: PostgresClusterLink | undefined
  try {
    const { migrations, seed } = await runExclusively(database, async () => ({
      migrations: await migrateToLatest(database),
      seed: configuration.seedDemo
        ? await seedDemoStore(database, {
            demoDirectory: configuration.demoDirectory,
            currency: configuration.store.currency,
            now: () => clock.now(),
            createId,
          })
        : undefined,
    }))
    // Several instances may share PostgreSQL: they take turns per conversation and hear each
    // other's live updates. A SQLite file has one server.
    cluster =
      configuration.database.engine === 'postgres'
        ? await createPostgresClusterLink({
            url: configuration.database.url,
            onError: (error) => logger.warn({ err: error }, 'cluster link'),
          })
        : undefined
    const eventBus = createEventBus({
      store: createSqlEventStore(database.db),
      now: () => clock.now(),
      createId: () => createId('evt'),
      onSubscriberError: (error, event) =>
        logger.error(
          { err: error, eventType: event.type, eventId: event.id },
          'event subscriber failed',
        ),
    })
    const staff = createStaffService({ db: database.db, clock, createId })
    if (seed?.seeded === true) await seedDemoStaff(staff, configuration.demoStaffPassword)
    const commerceB = await createCommerceBServices({
      configuration,
      database,
      clock,
      eventBus,
      createId,
      seedDemo: seed?.seeded === true,
      onListenerError: (error) => logger.error({ err: error }, 'payment status listener failed'),
      onRetryError: (error) => logger.error({ err: error }, 'notification retry failed'),
    })
    const commerce = await createCommerceServices({
      payments: commerceB.payments,
      promotions: commerceB.promotions,
      shipping: commerceB.shipping,
      fraud: commerceB.fraud,
      checkoutPorts: { notifier: commerceB.notifier },
      database,
      clock,
      eventBus,
      createId,
      currency: configuration.store.currency,
      publicUrl: configuration.publicUrl,
      secret: configuration.secret,
      tax: configuration.tax,
      capture: configuration.checkoutCapture,
      cluster,
      catalogDirectory: configuration.demoDirectory,
      reservationSweepMs: 60_000,
      onBackgroundError: (error, step) =>
        logger.error({ err: error, step }, 'checkout step failed'),
    })
    // The demo warehouse and carrier may run faster than real time (KEDAI_DEMO_TIME_SCALE).
    const demoScale = configuration.demoTimeScale
    const postPurchase = createPostPurchaseServices({
      // The returns policy's label charge, by the shipping zone the order was sent to.
      returnLabelFee: (order) =>
        commerceB.shipping.returnLabelFee(order.shippingAddress, order.currency),
      ...(demoScale === 1
        ? {}
        : {
            fulfillmentProvider: createDemoFulfillmentProvider({
              schedule: {
                inTransitAfterHours: defaultDemoFulfillmentSchedule.inTransitAfterHours / demoScale,
                outForDeliveryAfterHours:
                  defaultDemoFulfillmentSchedule.outForDeliveryAfterHours / demoScale,
                deliveredAfterHours: defaultDemoFulfillmentSchedule.deliveredAfterHours / demoScale,
              },
            }),
          }),
      db: database.db,
      clock,
      eventBus,
      createId,
      secret: configuration.secret,
      configuration,
      invoiceSeller: readInvoiceSeller(configuration.demoDirectory),
    })
    const stopOrderLifecycle =
      configuration.seedDemo && configuration.environment !== 'test'
        ? postPurchase.startOrderLifecycle({
            placedSince: clock.now().toISOString(),
            intervalMs: Math.max(1_000, Math.round(60_000 / demoScale)),
            schedule: {
              processAfterHours: defaultOrderLifecycleSchedule.processAfterHours / demoScale,
              shipAfterHours: defaultOrderLifecycleSchedule.shipAfterHours / demoScale,
            },
            onError: (error) => logger.error({ err: error }, 'order lifecycle pass failed'),
          })
        : () => undefined
    const refunds = createRefundSettlement({
      orders: postPurchase.orders,
      payments: commerceB.payments,
      customers: postPurchase.customers,
      clock,
      onError: (error, refund) =>
        logger.error({ err: error, refund: refund.transactionId }, 'refund could not be sent'),
      onChargeError: (error, charge) =>
        logger.error(
          { err: error, charge: charge.transactionId },
          'price difference could not be charged',
        ),
    })
    const stopRefundNews = refunds.followProviderNews()
    const stopRefundSubscriber = subscribeRefundSettlement(eventBus, refunds)
    const stopFailedChargeNotice = subscribeFailedChargeNotice(eventBus, {
      db: database.db,
      notifications: commerceB.notifications,
    })
    const stopRefundJob = startDueRefundSettlement({
      settlement: refunds,
      onError: (error) => logger.error({ err: error }, 'refund settlement pass failed'),
    })
    const paymentLinks = createPaymentLinkCheckout({
      db: database.db,
      clock,
      checkout: commerce.checkout,
      carts: commerce.carts,
      payments: commerceB.payments,
      onError: (error) => logger.error({ err: error }, 'payment-link checkout failed'),
    })
    const assistantParts = assembleAssistant({
      database,
      eventBus,
      clock,
      createId,
      defaultLocale: configuration.store.locale,
      training: configuration.environment === 'test' ? 'lazy' : 'eager',
      modelCacheDirectory: configuration.dataDirectory,
      // Examples agents approved in the console join the training data at each start (the model
      // cache is keyed by the examples, so a new approval means one training run, then cached again).
      extraExamples: await loadApprovedTrainingExamples(
        createInboxService({ db: database.db, clock, createId }),
      ),
      catalog: commerce.catalog,
      carts: commerce.carts,
      orders: postPurchase.orders,
      verification: postPurchase.verification,
      returns: createReturnStarter(postPurchase, configuration.publicUrl),
      ...orderCareFlowServices(postPurchase, configuration.publicUrl),
      checkout: commerce.checkout,
      customers: postPurchase.customers,
      loyalty: {
        configuration: defaultPlaceOrderConfiguration.loyalty,
        currency: configuration.store.currency,
      },
      paymentLinks,
      cardTokenizer: createCardTokenizer(commerceB.defaultPaymentProvider),
      dataExports: createPersonalDataExportLinks({
        customers: postPurchase.customers,
        clock,
        secret: configuration.secret,
        publicUrl: configuration.publicUrl,
      }),
      onTurnError: (error, details) =>
        logger.error({ err: error, ...details }, 'assistant turn failed'),
      ...(cluster === undefined ? {} : { cluster }),
      onRelayError: (error) =>
        logger.error({ err: error }, 'live update from another instance failed'),
    })
    const inbox = createInboxServices({
      db: database.db,
      clock,
      eventBus,
      createId,
      logger,
      staff,
      conversations: assistantParts.conversations,
      configuration,
      ...(cluster === undefined ? {} : { cluster }),
    })
    subscribeLockedVerificationEscalation(eventBus, inbox.handOff)
    if (seed?.seeded === true) {
      await seedDemoCannedResponses(inbox.inbox, configuration.demoDirectory)
    }
    return {
      configuration,
      logger,
      database,
      eventBus,
      clock,
      migrations,
      seed,
      paymentLinks,
      refunds,
      assistant: assistantParts.assistant,
      conversations: assistantParts.conversations,
      staff,
      orders: postPurchase.orders,
      customers: postPurchase.customers,
      orderOperations: postPurchase.orderOperations,
      verification: postPurchase.verification,
      returns: postPurchase.returns,
      returnLabels: postPurchase.returnLabels,
      invoices: postPurchase.invoices,
      catalog: commerce.catalog,
      inventory: commerce.inventory,
      carts: commerce.carts,
      checkout: commerce.checkout,
      payments: commerceB.payments,
      promotions: commerceB.promotions,
      shipping: commerceB.shipping,
      fraud: commerceB.fraud,
      notifications: commerceB.notifications,
      handOff: { inbox: inbox.inbox, workflow: inbox.handOff },
      close: async () => {
        inbox.stop()
        paymentLinks.stop()
        stopRefundJob()
        stopRefundSubscriber()
        stopFailedChargeNotice()
        stopRefundNews()
        stopOrderLifecycle()
        commerceB.stop()
        commerce.stop()
        await cluster?.close()
        await database.close()
        claim?.release()
      },
    }
  } catch (error) {
    await cluster?.close()
    await database.close()
    claim?.release()
    throw error
  }
}
