import type { Migration } from 'kysely'
import * as core from './0001-core.ts'
import * as staff from './0002-staff.ts'
import * as commerceA from './0100-commerce-a.ts'
import * as commercePaymentsPromotions from './0150-commerce-payments-promotions.ts'
import * as paymentLinkCheckouts from './0160-payment-link-checkouts.ts'
import * as orders from './0200-orders.ts'
import * as orderRefundSettlement from './0210-order-refund-settlement.ts'
import * as conversations from './0400-conversations.ts'
import * as conversationReplies from './0401-conversation-message-replies-index.ts'
import * as conversationMessageAuthorName from './0402-conversation-message-author-name.ts'
import * as turnWriteIndexes from './0403-turn-write-indexes.ts'
import * as dropReplyIndex from './0404-drop-reply-index.ts'
import * as aggregateIndexWithoutTurnEvents from './0405-aggregate-index-without-turn-events.ts'
import * as inbox from './0500-inbox.ts'
import * as inboxOneOpenHandOver from './0501-inbox-one-open-hand-over.ts'

/**
 * Every migration in the order it runs, keyed by its file name (`NNNN-<name>`). Static rather than
 * read from the folder, so the list is the same under tsx, Vitest and a bundler. Numbers: 0001–0099
 * foundation, 0100–0199 commerce, 0200–0299 orders, 0300–0399 understanding, 0400–0499
 * conversations, 0500–0599 inbox.
 */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-staff': staff,
  '0100-commerce-a': commerceA,
  '0150-commerce-payments-promotions': commercePaymentsPromotions,
  '0160-payment-link-checkouts': paymentLinkCheckouts,
  '0200-orders': orders,
  '0210-order-refund-settlement': orderRefundSettlement,
  '0400-conversations': conversations,
  '0401-conversation-message-replies-index': conversationReplies,
  '0402-conversation-message-author-name': conversationMessageAuthorName,
  '0403-turn-write-indexes': turnWriteIndexes,
  '0404-drop-reply-index': dropReplyIndex,
  '0405-aggregate-index-without-turn-events': aggregateIndexWithoutTurnEvents,
  '0500-inbox': inbox,
  '0501-inbox-one-open-hand-over': inboxOneOpenHandOver,
}
