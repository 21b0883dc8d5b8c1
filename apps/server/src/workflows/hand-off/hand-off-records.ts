import type { Db } from '../../db/database.ts'
import { splitPolicySections } from '../../domains/policies/index.ts'
import type { InboxTopic } from '../../domains/inbox/index.ts'
import { isLocale } from '../../shared/locale.ts'
import type { SummaryCart, SummaryCustomer, SummaryOrder } from './hand-off-summary.ts'

/**
 * Port: the records the agent sees beside a conversation (customer, recent orders, open cart, the
 * relevant policy). Read-only; implemented over the store's tables by {@link createSqlHandOffRecords}.
 */
export interface HandOffRecords {
  findCustomer(customerId: string): Promise<SummaryCustomer | undefined>
  listRecentOrders(customerId: string, limit: number): Promise<SummaryOrder[]>
  findOpenCart(customerId: string): Promise<SummaryCart | undefined>
  /** True when fraud screening flagged one of the customer's checkouts for review since `since`. */
  hasCheckoutUnderReview(customerId: string, since: string): Promise<boolean>
  /** Sections of the policy for a topic in a language (English when that language has none). */
  listPolicySections(
    topic: InboxTopic,
    language: string,
  ): Promise<{ slug: string; title: string; body: string }[]>
}

/** Which policy documents speak to which topic. */
export const policySlugsByTopic: Readonly<Record<InboxTopic, readonly string[]>> = {
  orders: ['cancellation', 'shipping'],
  returns: ['returns-and-refunds'],
  payments: ['payment-methods'],
  fraud: ['payment-methods', 'privacy'],
  sales: ['loyalty-programme'],
  general: ['faq'],
}

/** {@link HandOffRecords} over the customers, orders, carts and policy tables. */
export function createSqlHandOffRecords(db: Db): HandOffRecords {
  return {
    async findCustomer(customerId) {
      const row = await db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', customerId)
        .executeTakeFirst()
      if (row === undefined || row.erased_at !== null) return undefined
      return {
        id: row.id,
        name: `${row.first_name} ${row.last_name}`.trim(),
        email: row.email,
        phone: row.phone,
        loyaltyTier: row.loyalty_tier,
        loyaltyPoints: row.loyalty_points,
        customerSince: row.created_at,
      }
    },

    async listRecentOrders(customerId, limit) {
      const orders = await db
        .selectFrom('orders')
        .select(['id', 'number', 'status', 'currency', 'total_amount', 'placed_at'])
        .where('customer_id', '=', customerId)
        .orderBy('placed_at', 'desc')
        .limit(limit)
        .execute()
      if (orders.length === 0) return []
      const counts = await db
        .selectFrom('order_items')
        .select(['order_id', (builder) => builder.fn.sum<number>('quantity').as('items')])
        .where(
          'order_id',
          'in',
          orders.map((order) => order.id),
        )
        .groupBy('order_id')
        .execute()
      const itemsOf = new Map(counts.map((count) => [count.order_id, Number(count.items)]))
      return orders.map((order) => ({
        id: order.id,
        number: order.number,
        status: order.status,
        total: { amount: Number(order.total_amount), currency: order.currency },
        placedAt: order.placed_at,
        itemCount: itemsOf.get(order.id) ?? 0,
      }))
    },

    async findOpenCart(customerId) {
      const cart = await db
        .selectFrom('carts')
        .select(['id', 'currency'])
        .where('customer_id', '=', customerId)
        .where('status', '=', 'open')
        .orderBy('updated_at', 'desc')
        .executeTakeFirst()
      if (cart === undefined) return undefined
      const lines = await db
        .selectFrom('cart_lines')
        .innerJoin('product_variants', 'product_variants.id', 'cart_lines.variant_id')
        .innerJoin('products', 'products.id', 'product_variants.product_id')
        .select([
          'products.name as name',
          'cart_lines.quantity as quantity',
          'cart_lines.unit_price_amount as unitPrice',
        ])
        .where('cart_lines.cart_id', '=', cart.id)
        .orderBy('cart_lines.created_at')
        .execute()
      if (lines.length === 0) return undefined
      return {
        id: cart.id,
        lines: lines.map((line) => ({
          name: readName(line.name),
          quantity: line.quantity,
          unitPrice: { amount: Number(line.unitPrice), currency: cart.currency },
        })),
        subtotal: {
          amount: lines.reduce((sum, line) => sum + Number(line.unitPrice) * line.quantity, 0),
          currency: cart.currency,
        },
      }
    },

    async hasCheckoutUnderReview(customerId, since) {
      const row = await db
        .selectFrom('fraud_screenings')
        .select('id')
        .where('customer_id', '=', customerId)
        .where('decision', '=', 'review')
        .where('created_at', '>=', since)
        .executeTakeFirst()
      return row !== undefined
    },

    async listPolicySections(topic, language) {
      const slugs = policySlugsByTopic[topic]
      const rows = await db
        .selectFrom('policy_documents')
        .select(['slug', 'locale', 'title', 'body'])
        .where('slug', 'in', [...slugs])
        .where('locale', 'in', [language, 'en'])
        .execute()
      const inLanguage = rows.filter((row) => row.locale === language)
      const chosen = inLanguage.length > 0 ? inLanguage : rows
      return chosen.flatMap((row) =>
        isLocale(row.locale)
          ? splitPolicySections({
              slug: row.slug,
              locale: row.locale,
              title: row.title,
              body: row.body,
            }).map((section) => ({ slug: section.slug, title: section.title, body: section.body }))
          : [],
      )
    },
  }
}

// Product names are stored as JSON localized text or plain text.
function readName(stored: string): string {
  if (!stored.startsWith('{')) return stored
  try {
    const parsed = JSON.parse(stored) as { en?: unknown }
    return typeof parsed.en === 'string' ? parsed.en : stored
  } catch {
    return stored
  }
}
