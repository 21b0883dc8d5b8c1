import { createMinisearchPolicySearch } from '../adapters/policy-search-minisearch/index.ts'
import type { DatabaseHandle } from '../db/database.ts'
import {
  createDialogueEngine,
  defaultFlows,
  unavailableFlow,
  type ExchangeStarter,
  type FlowServices,
  type InvoiceIssuer,
  type ReturnStarter,
} from '../assistant/dialogue/index.ts'
import { issueInvoiceLink } from '../workflows/issue-invoice/index.ts'
import { startExchange, startReturn } from '../workflows/start-return/index.ts'
import type { PostPurchaseServices } from './post-purchase-services.ts'
import { createAssistant, type Assistant } from '../assistant/handle-inbound-message.ts'
import { createPaymentLinkAnnouncer } from '../assistant/announce-payment-link-outcome.ts'
import type { PaymentLinkCheckout } from '../workflows/payment-link-checkout/index.ts'
import { createRecognizer, type Recognizer, type TrainingExample } from '../assistant/nlu/index.ts'
import {
  createConversationService,
  type ConversationService,
} from '../domains/conversations/index.ts'
import { createPolicyService, type PolicyService } from '../domains/policies/index.ts'
import type { Clock } from '../shared/clock.ts'
import type { ClusterLink } from '../shared/cluster-link.ts'
import type { EventBus } from '../shared/event-bus.ts'
import type { IdGenerator } from '../shared/ids.ts'
import type { Locale } from '../shared/locale.ts'

function createTrainedRecognizer(
  clock: Clock,
  training: 'eager' | 'lazy',
  modelCacheDirectory: string | undefined,
  extraExamples: TrainingExample[],
): Recognizer {
  const options = {
    clock,
    extraExamples,
    ...(modelCacheDirectory === undefined ? {} : { modelCacheDirectory }),
  }
  if (training === 'eager') return createRecognizer(options)
  let trained: Recognizer | undefined
  return {
    recognize(text, context) {
      trained ??= createRecognizer(options)
      return trained.recognize(text, context)
    },
  }
}

/** What the start-return and start-exchange workflows are given: orders, returns and labels. */
function returnLabelDependencies(postPurchase: PostPurchaseServices, publicUrl: string) {
  return {
    operations: postPurchase.orderOperations,
    orders: postPurchase.orders,
    customers: postPurchase.customers,
    returns: postPurchase.returns,
    renderer: postPurchase.returnLabels.renderer,
    emailSender: postPurchase.returnLabels.emailSender,
    returnAddress: postPurchase.returnLabels.returnAddress,
    publicUrl,
  }
}

/** A started return or exchange as the flows see it: the RMA and the label link, or the reason. */
function describeStartedReturn(
  started:
    | { ok: true; value: { returnRecord: { rmaNumber: string }; labelUrl: string } }
    | { ok: false; reason: string },
): { ok: true; rmaNumber: string; labelUrl: string } | { ok: false; reason: string } {
  return started.ok
    ? {
        ok: true,
        rmaNumber: started.value.returnRecord.rmaNumber,
        labelUrl: started.value.labelUrl,
      }
    : { ok: false, reason: started.reason }
}

/** The return flow's port over the start-return workflow, with the post-purchase services. */
export function createReturnStarter(
  postPurchase: PostPurchaseServices,
  publicUrl: string,
): ReturnStarter {
  return {
    labelFee: (order) => ({ amount: postPurchase.returnLabelFee(order), currency: order.currency }),
    async start(input) {
      const started = await startReturn(returnLabelDependencies(postPurchase, publicUrl), {
        access: { kind: 'customer', customerId: input.customerId },
        orderNumber: input.orderNumber,
        items: input.items,
        paymentMethodReference: input.paymentMethodReference,
        locale: input.locale,
      })
      return describeStartedReturn(started)
    },
  }
}

/** The exchange flow's port over the start-exchange workflow, with the post-purchase services. */
export function createExchangeStarter(
  postPurchase: PostPurchaseServices,
  publicUrl: string,
): ExchangeStarter {
  return {
    async start(input) {
      const started = await startExchange(returnLabelDependencies(postPurchase, publicUrl), {
        access: { kind: 'customer', customerId: input.customerId },
        orderNumber: input.orderNumber,
        items: input.items,
        newItems: input.newItems,
        paymentMethodReference: input.paymentMethodReference,
        locale: input.locale,
      })
      return describeStartedReturn(started)
    },
  }
}

/** The invoice flow's port over the issue-invoice workflow, with the post-purchase services. */
export function createInvoiceIssuer(
  postPurchase: PostPurchaseServices,
  publicUrl: string,
): InvoiceIssuer {
  return {
    async issue(input) {
      const issued = await issueInvoiceLink(
        {
          ...postPurchase.invoices,
          orders: postPurchase.orders,
          customers: postPurchase.customers,
          publicUrl,
        },
        {
          access: { kind: 'customer', customerId: input.customerId },
          orderNumber: input.orderNumber,
        },
      )
      return issued.ok
        ? { ok: true, invoiceNumber: issued.value.invoiceNumber, url: issued.value.url }
        : { ok: false, reason: issued.reason }
    },
  }
}

/**
 * The order-care services of the flows (cancel, change address, exchange, refund status, invoice)
 * from the post-purchase services; spread into {@link assembleAssistant}'s options.
 */
export function orderCareFlowServices(
  postPurchase: PostPurchaseServices,
  publicUrl: string,
): Pick<FlowServices, 'orderOperations' | 'exchanges' | 'returnRecords' | 'invoices'> {
  return {
    orderOperations: postPurchase.orderOperations,
    exchanges: createExchangeStarter(postPurchase, publicUrl),
    returnRecords: postPurchase.returns,
    invoices: createInvoiceIssuer(postPurchase, publicUrl),
  }
}

/** The conversation side of the server: conversations, policies and the assistant that uses them. */
export interface AssistantParts {
  readonly conversations: ConversationService
  readonly policies: PolicyService
  readonly assistant: Assistant
  readonly recognizer: Recognizer
}

/**
 * Wires the assistant: the conversations domain, policy retrieval (MiniSearch), the recognizer and
 * the dialogue engine with the default flows. `recognizer` may be passed in so tests and benchmarks
 * train it once per process.
 */
export function assembleAssistant(options: {
  database: DatabaseHandle
  eventBus: EventBus
  clock: Clock
  createId: IdGenerator
  defaultLocale: Locale
  recognizer?: Recognizer
  /** Catalog and carts for the shopping flows (without them those flows offer a person). */
  catalog?: FlowServices['catalog']
  carts?: FlowServices['carts']
  /** Orders and verification for the order flows. */
  orders?: FlowServices['orders']
  verification?: FlowServices['verification']
  returns?: FlowServices['returns']
  checkout?: FlowServices['checkout']
  /** Cancel, change address, exchange, refund status and invoices (see `orderCareFlowServices`). */
  orderOperations?: FlowServices['orderOperations']
  exchanges?: FlowServices['exchanges']
  returnRecords?: FlowServices['returnRecords']
  invoices?: FlowServices['invoices']
  /** Customers (account help, loyalty balance, saved cards at checkout) and the loyalty programme. */
  customers?: FlowServices['customers']
  loyalty?: FlowServices['loyalty']
  dataExports?: FlowServices['dataExports']
  /** Checkout paid on a hosted page; the assistant tells the conversation when it is paid. */
  paymentLinks?: PaymentLinkCheckout
  /** Tokenizes a card typed in the chat, so a signed-in customer can keep it for next time. */
  cardTokenizer?: FlowServices['cardTokenizer']
  /** Train the recognizer now (servers) or on the first message (tests that never chat). */
  training?: 'eager' | 'lazy'
  /** Where the trained recognizer model is kept between starts (the data folder). */
  modelCacheDirectory?: string
  /** Examples agents labelled and approved; they join the recognizer's training data. */
  extraExamples?: TrainingExample[]
  onTurnError?: (error: unknown, context: { conversationId: string; messageId: string }) => void
  /** The other server instances on this database (PostgreSQL); none on SQLite. */
  cluster?: ClusterLink
  /** Told when another instance's live update could not be passed on here. */
  onRelayError?: (error: unknown) => void
}): AssistantParts {
  const conversations = createConversationService({
    db: options.database.db,
    // One server owns a SQLite file; several may share PostgreSQL.
    cacheConversations: options.database.engine === 'sqlite',
    clock: options.clock,
    eventBus: options.eventBus,
    createId: options.createId,
    ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
    ...(options.onRelayError === undefined ? {} : { onRelayError: options.onRelayError }),
  })
  const policies = createPolicyService({
    db: options.database.db,
    search: createMinisearchPolicySearch(),
  })
  const recognizer =
    options.recognizer ??
    createTrainedRecognizer(
      options.clock,
      options.training ?? 'eager',
      options.modelCacheDirectory,
      options.extraExamples ?? [],
    )
  const engine = createDialogueEngine({ flows: defaultFlows, unavailableFlow })
  const assistant = createAssistant({
    conversations,
    recognizer,
    engine,
    services: {
      policies,
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      ...(options.carts === undefined ? {} : { carts: options.carts }),
      ...(options.orders === undefined ? {} : { orders: options.orders }),
      ...(options.verification === undefined ? {} : { verification: options.verification }),
      ...(options.returns === undefined ? {} : { returns: options.returns }),
      ...(options.checkout === undefined ? {} : { checkout: options.checkout }),
      ...(options.orderOperations === undefined
        ? {}
        : { orderOperations: options.orderOperations }),
      ...(options.exchanges === undefined ? {} : { exchanges: options.exchanges }),
      ...(options.returnRecords === undefined ? {} : { returnRecords: options.returnRecords }),
      ...(options.invoices === undefined ? {} : { invoices: options.invoices }),
      ...(options.customers === undefined ? {} : { customers: options.customers }),
      ...(options.loyalty === undefined ? {} : { loyalty: options.loyalty }),
      ...(options.dataExports === undefined ? {} : { dataExports: options.dataExports }),
      ...(options.paymentLinks === undefined ? {} : { paymentLinks: options.paymentLinks }),
      ...(options.cardTokenizer === undefined ? {} : { cardTokenizer: options.cardTokenizer }),
    },
    defaultLocale: options.defaultLocale,
    ...(options.cluster === undefined ? {} : { cluster: options.cluster }),
    ...(options.onTurnError === undefined ? {} : { onTurnError: options.onTurnError }),
  })
  options.paymentLinks?.onSettled(createPaymentLinkAnnouncer(conversations, options.catalog))
  return { conversations, policies, assistant, recognizer }
}
