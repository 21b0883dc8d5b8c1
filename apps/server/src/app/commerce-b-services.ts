import { join } from 'node:path'
import type { DatabaseHandle } from '../db/database.ts'
import {
  createFraudService,
  loadDisposableEmailDomains,
  type FraudService,
} from '../domains/fraud/index.ts'
import {
  createNotificationsService,
  type NotificationsService,
} from '../domains/notifications/index.ts'
import {
  createPaymentsService,
  type PaymentProvider,
  type PaymentsService,
} from '../domains/payments/index.ts'
import {
  createPromotionsService,
  seedDemoPromotions,
  type PromotionsService,
} from '../domains/promotions/index.ts'
import {
  createShippingService,
  loadShippingConfiguration,
  type ShippingService,
} from '../domains/shipping/index.ts'
import type { Clock } from '../shared/clock.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { IdGenerator } from '../shared/ids.ts'
import type { CheckoutNotifier } from '../workflows/place-order/index.ts'
import { createOrderConfirmationNotifier } from '../workflows/send-order-confirmation/index.ts'
import type { Configuration } from './config.ts'
import { selectNotificationSenders, selectPaymentProviders } from './select-adapters.ts'

/** Payments, promotions, shipping, fraud screening and notifications (issue 3 part B). */
export interface CommerceBServices {
  readonly payments: PaymentsService
  readonly promotions: PromotionsService
  readonly shipping: ShippingService
  readonly fraud: FraudService
  readonly notifications: NotificationsService
  /** Sends order confirmations for the checkout. */
  readonly notifier: CheckoutNotifier
  /** The default payment provider (the one that charges cards typed in the chat). */
  readonly defaultPaymentProvider: PaymentProvider
  /** Stops the background retry of failed notifications. */
  stop(): void
}

/**
 * Builds part B's services with the adapters the configuration selects. Loads the demo promotions
 * (idempotent, by key) when `seedDemo` is true. Shipping zones and the disposable e-mail list come
 * from the demo directory's `shipping.json` and `disposable-email-domains.json`.
 */
export async function createCommerceBServices(options: {
  readonly configuration: Pick<
    Configuration,
    'payments' | 'notifications' | 'publicUrl' | 'secret' | 'demoDirectory'
  >
  readonly database: DatabaseHandle
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly seedDemo: boolean
  readonly onListenerError?: (error: unknown) => void
  /** How often failed notifications are retried (default one minute; 0 = never in the background). */
  readonly notificationRetryIntervalMs?: number
  readonly onRetryError?: (error: unknown) => void
}): Promise<CommerceBServices> {
  const { configuration, clock, eventBus, createId } = options
  const db = options.database.db
  const providers = selectPaymentProviders(configuration)
  const [defaultPaymentProvider] = providers
  if (defaultPaymentProvider === undefined) throw new Error('no payment provider is configured')
  const payments = createPaymentsService({
    db,
    clock,
    eventBus,
    createId,
    providers,
    defaultCaptureMode: configuration.payments.captureMode,
    publicUrl: configuration.publicUrl,
    onListenerError: options.onListenerError,
  })
  const promotions = createPromotionsService({ db, clock, createId, eventBus })
  if (options.seedDemo) {
    await seedDemoPromotions(promotions, {
      file: join(configuration.demoDirectory, 'promotions.json'),
    })
  }
  const shipping = createShippingService({
    configuration: loadShippingConfiguration(join(configuration.demoDirectory, 'shipping.json')),
    clock,
  })
  const fraud = createFraudService({
    db,
    clock,
    createId,
    eventBus,
    configuration: {
      disposableEmailDomains: loadDisposableEmailDomains(
        join(configuration.demoDirectory, 'disposable-email-domains.json'),
      ),
    },
  })
  const notifications = createNotificationsService({
    db,
    clock,
    createId,
    senders: selectNotificationSenders(configuration),
  })
  const notifier = createOrderConfirmationNotifier({
    db,
    notifications,
    trackingUrl: shipping.trackingUrl,
  })
  const retryIntervalMs = options.notificationRetryIntervalMs ?? 60_000
  let retrying = false
  const timer =
    retryIntervalMs <= 0
      ? undefined
      : setInterval(() => {
          if (retrying) return
          retrying = true
          notifications
            .retryFailed()
            .catch((error: unknown) => options.onRetryError?.(error))
            .finally(() => {
              retrying = false
            })
        }, retryIntervalMs)
  timer?.unref()
  return {
    payments,
    promotions,
    shipping,
    fraud,
    notifications,
    notifier,
    defaultPaymentProvider,
    stop() {
      if (timer !== undefined) clearInterval(timer)
    },
  }
}
