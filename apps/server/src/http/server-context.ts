import type { FastifyBaseLogger } from 'fastify'
import type { Assistant } from '../assistant/handle-inbound-message.ts'
import type { DatabaseHandle } from '../db/database.ts'
import type { CustomerService } from '../domains/customers/index.ts'
import type { OrderService } from '../domains/orders/index.ts'
import type { ReturnService } from '../domains/returns/index.ts'
import type { VerificationService } from '../domains/verification/index.ts'
import type { OrderOperations } from '../workflows/order-operations/index.ts'
import type { ReturnLabelServices } from '../workflows/start-return/index.ts'
import type { InvoiceServices } from '../workflows/issue-invoice/index.ts'
import type { ConversationService } from '../domains/conversations/index.ts'
import type { CartService } from '../domains/cart/index.ts'
import type { CatalogService } from '../domains/catalog/index.ts'
import type { InventoryService } from '../domains/inventory/index.ts'
import type { StaffService } from '../domains/staff/index.ts'
import type { InboxService } from '../domains/inbox/index.ts'
import type { HandOffWorkflow } from '../workflows/hand-off/index.ts'
import type { FraudService } from '../domains/fraud/index.ts'
import type { NotificationsService } from '../domains/notifications/index.ts'
import type { PaymentsService } from '../domains/payments/index.ts'
import type { PromotionsService } from '../domains/promotions/index.ts'
import type { ShippingService } from '../domains/shipping/index.ts'
import type { Clock } from '../shared/clock.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { PlaceOrderWorkflow } from '../workflows/place-order/index.ts'

/**
 * What the HTTP layer is given by the composition root (`app/container.ts`): configuration it needs
 * and the services its routes call. Routes never build services themselves.
 */
export interface ServerContext {
  readonly configuration: {
    readonly publicUrl: string
    readonly allowedOrigins: readonly string[]
    readonly environment: 'development' | 'production' | 'test'
    readonly logLevel: string
    readonly store: { readonly currency: string; readonly locale: string }
    /** Signs shopper tokens and short-lived links. */
    readonly secret: string
    /** Folder of the demo store's files (`data/demo`). */
    readonly demoDirectory: string
  }
  readonly database: DatabaseHandle
  readonly eventBus: EventBus
  readonly clock: Clock
  readonly logger: FastifyBaseLogger
  readonly staff: StaffService
  /** Post-purchase services (absent in servers built without them; their routes are then not registered). */
  readonly orders?: OrderService
  readonly customers?: CustomerService
  readonly orderOperations?: OrderOperations
  readonly verification?: VerificationService
  readonly returns?: ReturnService
  readonly returnLabels?: ReturnLabelServices
  /** Invoice links and PDFs (absent in servers built without them; the invoice route is then not registered). */
  readonly invoices?: InvoiceServices
  readonly catalog: CatalogService
  readonly inventory: InventoryService
  readonly carts: CartService
  readonly checkout: PlaceOrderWorkflow
  /** Payments, promotions, shipping, fraud and notifications (absent in servers built without them; their routes are then not registered). */
  readonly payments?: PaymentsService
  readonly promotions?: PromotionsService
  readonly shipping?: ShippingService
  readonly fraud?: FraudService
  readonly notifications?: NotificationsService
  /** The shopping assistant (absent in servers built without one). */
  readonly assistant?: Assistant
  /** Conversations, messages and shopper identities (absent with the assistant). */
  readonly conversations?: ConversationService
  /** The agent inbox and the hand-off workflow (absent in servers built without them). */
  readonly handOff?: { readonly inbox: InboxService; readonly workflow: HandOffWorkflow }
}
