import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createMiniSearchProductSearch } from '../adapters/search-minisearch/index.ts'
import { createSandboxPaymentProvider } from '../adapters/payment-sandbox/index.ts'
import {
  createCartService,
  type CartService,
  type TaxConfiguration,
} from '../domains/cart/index.ts'
import { createCatalogService, type CatalogService } from '../domains/catalog/index.ts'
import { createInventoryService, type InventoryService } from '../domains/inventory/index.ts'
import { createPaymentsService, type PaymentsService } from '../domains/payments/index.ts'
import type { DatabaseHandle } from '../db/database.ts'
import { demoCatalogSchema } from '../db/seed/demo-files.ts'
import type { Clock } from '../shared/clock.ts'
import type { ClusterLink } from '../shared/cluster-link.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { IdGenerator } from '../shared/ids.ts'
import type { FraudService } from '../domains/fraud/index.ts'
import type { PromotionsService } from '../domains/promotions/index.ts'
import type { ShippingService } from '../domains/shipping/index.ts'
import {
  createCheckoutFraudScreen,
  createCheckoutPromotions,
  createCheckoutShipping,
  createOrderPaymentHook,
  createPlaceOrderWorkflow,
  type PlaceOrderDependencies,
  type PlaceOrderWorkflow,
} from '../workflows/place-order/index.ts'

/** The store side of commerce (issue 3 part A): catalog and search, inventory, carts, checkout. */
export interface CommerceServices {
  readonly catalog: CatalogService
  readonly inventory: InventoryService
  readonly carts: CartService
  readonly checkout: PlaceOrderWorkflow
  readonly payments: PaymentsService
  /** Stops the background work (the reservation sweep). */
  stop(): void
}

/** What {@link createCommerceServices} is built from. */
export interface CommerceServicesOptions {
  readonly database: DatabaseHandle
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly currency: string
  readonly publicUrl: string
  readonly secret: string
  readonly tax?: TaxConfiguration | undefined
  /** When checkout captures payments (default `on-order`). */
  readonly capture?: 'on-order' | 'on-fulfilment' | undefined
  /** The payments service when the composition root already built one; else sandbox payments. */
  readonly payments?: PaymentsService | undefined
  /** Promotions, shipping and fraud screening for checkout, when the composition root built them. */
  readonly promotions?:
    Pick<PromotionsService, 'redeem' | 'releaseRedemption' | 'evaluate'> | undefined
  readonly shipping?: Pick<ShippingService, 'quote'> | undefined
  readonly fraud?: Pick<FraudService, 'screen' | 'recordDecline'> | undefined
  /** Other checkout ports, such as the order confirmation notifier. */
  readonly checkoutPorts?: Pick<PlaceOrderDependencies, 'notifier'>
  readonly onBackgroundError?: (error: unknown, step: string) => void
  /**
   * Folder of the store's catalog files; option value translations are read from its
   * `catalog.json` (`optionValues`) so search finds variants by colour words in every language.
   */
  readonly catalogDirectory?: string | undefined
  /**
   * How often expired stock reservations are given back, in milliseconds (they are also expired
   * before every reservation). Absent or 0: no timer.
   */
  readonly reservationSweepMs?: number | undefined
  /** Build the search index now and keep it in step with events (default true). */
  readonly indexSearch?: boolean
  /** The other server instances on this database: their search indexes follow this one's changes. */
  readonly cluster?: ClusterLink | undefined
}

/**
 * Wires the commerce domains with their adapters (MiniSearch for search; the sandbox payment
 * provider when no payments service is given). Builds the search index from the database.
 */
export async function createCommerceServices(
  options: CommerceServicesOptions,
): Promise<CommerceServices> {
  const { database, clock, eventBus, createId } = options
  const db = database.db
  const catalog = createCatalogService({
    db,
    search: createMiniSearchProductSearch(),
    configuration: {
      optionValueTranslations: readOptionValueTranslations(options.catalogDirectory),
    },
  })
  const inventory = createInventoryService({ db, clock, eventBus, createId })
  const carts = createCartService({
    db,
    clock,
    eventBus,
    createId,
    variants: catalog,
    currency: options.currency,
    tax: options.tax,
  })
  const payments =
    options.payments ??
    createPaymentsService({
      db,
      clock,
      eventBus,
      createId,
      publicUrl: options.publicUrl,
      providers: [
        createSandboxPaymentProvider({
          publicUrl: options.publicUrl,
          webhookSecret: options.secret,
        }),
      ],
    })
  const checkout = createPlaceOrderWorkflow({
    db,
    clock,
    eventBus,
    createId,
    catalog,
    cart: carts,
    inventory,
    payments,
    promotions:
      options.promotions === undefined
        ? undefined
        : createCheckoutPromotions(options.promotions, db),
    shipping: options.shipping === undefined ? undefined : createCheckoutShipping(options.shipping),
    fraud: options.fraud === undefined ? undefined : createCheckoutFraudScreen(options.fraud),
    ...options.checkoutPorts,
    onBackgroundError: options.onBackgroundError,
    configuration: options.capture === undefined ? {} : { capture: options.capture },
  })
  payments.onPaymentStatusChanged(createOrderPaymentHook(db, clock))
  if (options.indexSearch !== false) {
    await catalog.rebuildSearchIndex()
    catalog.followChanges(eventBus, options.cluster, (error) =>
      options.onBackgroundError?.(error, 'refresh-search-index'),
    )
  }
  const sweepMs = options.reservationSweepMs ?? 0
  const sweeper =
    sweepMs > 0
      ? setInterval(() => {
          inventory
            .expireStaleReservations()
            .catch((error: unknown) => options.onBackgroundError?.(error, 'expire-reservations'))
        }, sweepMs)
      : undefined
  sweeper?.unref()
  return { catalog, inventory, carts, checkout, payments, stop: () => clearInterval(sweeper) }
}

/** Option value translations from `<directory>/catalog.json`; none when absent or invalid. */
function readOptionValueTranslations(
  directory: string | undefined,
): Readonly<Record<string, Readonly<Record<string, { en: string }>>>> {
  if (directory === undefined) return {}
  const file = join(directory, 'catalog.json')
  if (!existsSync(file)) return {}
  const parsed = demoCatalogSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data.optionValues : {}
}
