import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDemoFulfillmentProvider } from '../adapters/fulfillment-demo/index.ts'
import { createPdfInvoiceRenderer } from '../adapters/invoice-pdf/index.ts'
import { createPdfReturnLabelRenderer } from '../adapters/return-label-pdf/index.ts'
import { createCustomerService, type CustomerService } from '../domains/customers/index.ts'
import { createInvoiceLinks, type InvoiceParty } from '../domains/invoices/index.ts'
import type { NotificationSender } from '../domains/notifications/index.ts'
import {
  createOrderService,
  type FulfillmentProvider,
  type Order,
  type OrderService,
} from '../domains/orders/index.ts'
import { createReturnService, type ReturnService } from '../domains/returns/index.ts'
import {
  createVerificationService,
  type VerificationService,
} from '../domains/verification/index.ts'
import type { Db } from '../db/database.ts'
import { demoStoreSchema } from '../db/seed/demo-files.ts'
import type { Clock } from '../shared/clock.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { IdGenerator } from '../shared/ids.ts'
import {
  advanceOrderLifecycle,
  defaultOrderLifecycleSchedule,
  type OrderLifecycleSchedule,
} from '../workflows/advance-order-lifecycle/index.ts'
import { createOrderOperations, type OrderOperations } from '../workflows/order-operations/index.ts'
import { defaultPlaceOrderConfiguration, tierOfBalance } from '../workflows/place-order/index.ts'
import {
  defaultReturnAddress,
  type ReturnAddress,
  type ReturnLabelServices,
} from '../workflows/start-return/index.ts'
import { defaultInvoiceSeller, type InvoiceServices } from '../workflows/issue-invoice/index.ts'
import { createIdentityMatcher } from '../workflows/verify-shopper/index.ts'
import type { Configuration } from './config.ts'
import { selectNotificationSenders } from './select-adapters.ts'

/** The post-purchase side of the store (issue 4): orders, customers, verification, returns. */
export interface PostPurchaseServices {
  readonly orders: OrderService
  readonly customers: CustomerService
  readonly orderOperations: OrderOperations
  readonly verification: VerificationService
  readonly returns: ReturnService
  /** Label renderer, return address and (when configured) the e-mail sender of return instructions. */
  readonly returnLabels: ReturnLabelServices
  /** Signed invoice links, the PDF invoice renderer and the store printed as the seller. */
  readonly invoices: InvoiceServices
  readonly fulfillmentProvider: FulfillmentProvider
  /** The store's charge for its prepaid return label on a return of an order (minor units). */
  readonly returnLabelFee: (order: Order) => number
  /**
   * Runs the demo store's fulfilment every `intervalMs` (default 1 minute): orders placed since
   * `placedSince` are processed, shipped and delivered on the schedule. Returns the function that stops it.
   */
  startOrderLifecycle(options: {
    placedSince: string
    intervalMs?: number
    schedule?: OrderLifecycleSchedule
    onError: (error: unknown) => void
  }): () => void
}

/** What {@link createPostPurchaseServices} is built from. */
export interface PostPurchaseServicesOptions {
  readonly db: Db
  readonly clock: Clock
  readonly eventBus: EventBus
  readonly createId: IdGenerator
  readonly secret: string
  /** The e-mail sender; by default the SMTP sender the configuration enables (none without SMTP_URL). */
  readonly emailSender?: NotificationSender | undefined
  readonly configuration?: Pick<Configuration, 'notifications'> | undefined
  readonly fulfillmentProvider?: FulfillmentProvider | undefined
  readonly returnAddress?: ReturnAddress | undefined
  /** The store's charge for its prepaid return label on a return of an order (none by default). */
  readonly returnLabelFee?: ((order: Order) => number) | undefined
  /** The store as printed on invoices (by default just "Kedai"). */
  readonly invoiceSeller?: InvoiceParty | undefined
}

/**
 * The store as invoices print it, from the store file (`store.json`: name and support e-mail) in
 * `directory`; the default seller when the file is missing or unreadable.
 */
export function readInvoiceSeller(directory: string): InvoiceParty {
  try {
    const parsed = demoStoreSchema.safeParse(
      JSON.parse(readFileSync(join(directory, 'store.json'), 'utf8')),
    )
    return parsed.success
      ? { name: parsed.data.name, lines: [parsed.data.supportEmail] }
      : defaultInvoiceSeller
  } catch {
    return defaultInvoiceSeller
  }
}

/** Wires the post-purchase services with their adapters (PDF labels, the demo carrier by default). */
export function createPostPurchaseServices(
  options: PostPurchaseServicesOptions,
): PostPurchaseServices {
  const shared = {
    db: options.db,
    clock: options.clock,
    eventBus: options.eventBus,
    createId: options.createId,
  }
  const fulfillmentProvider = options.fulfillmentProvider ?? createDemoFulfillmentProvider()
  const orders = createOrderService({ ...shared, fulfillmentProvider })
  const customers = createCustomerService(shared)
  return {
    orders,
    customers,
    returnLabelFee: options.returnLabelFee ?? (() => 0),
    orderOperations: createOrderOperations({
      ...shared,
      fulfillmentProvider,
      loyaltyTierOf: (balance) => tierOfBalance(balance, defaultPlaceOrderConfiguration.loyalty),
      returnLabelFee: options.returnLabelFee,
    }),
    verification: createVerificationService({
      ...shared,
      matcher: createIdentityMatcher({ customers, orders }),
    }),
    returns: createReturnService({ ...shared, secret: options.secret }),
    returnLabels: {
      renderer: createPdfReturnLabelRenderer(),
      returnAddress: options.returnAddress ?? defaultReturnAddress,
      emailSender:
        options.emailSender ??
        (options.configuration === undefined
          ? undefined
          : selectNotificationSenders(options.configuration).find(
              (sender) => sender.channel === 'email',
            )),
    },
    invoices: {
      links: createInvoiceLinks({ clock: options.clock, secret: options.secret }),
      renderer: createPdfInvoiceRenderer(),
      seller: options.invoiceSeller ?? defaultInvoiceSeller,
    },
    fulfillmentProvider,
    startOrderLifecycle(lifecycle) {
      let running = false
      const timer = setInterval(() => {
        if (running) return
        running = true
        advanceOrderLifecycle(
          orders,
          lifecycle.schedule ?? defaultOrderLifecycleSchedule,
          options.clock.now(),
          {
            placedSince: lifecycle.placedSince,
          },
        )
          .catch(lifecycle.onError)
          .finally(() => {
            running = false
          })
      }, lifecycle.intervalMs ?? 60_000)
      timer.unref()
      return () => clearInterval(timer)
    },
  }
}
