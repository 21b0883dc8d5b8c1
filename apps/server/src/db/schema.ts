import type { CommerceATables } from './tables/commerce-a.ts'
import type { CommerceBTables } from './tables/commerce-b.ts'
import type { ConversationTables } from './tables/conversations.ts'
import type { CoreTables } from './tables/core.ts'
import type { InboxTables } from './tables/inbox.ts'
import type { OrdersTables } from './tables/orders.ts'
import type { PaymentLinkTables } from './tables/payment-links.ts'
import type { StaffTables } from './tables/staff.ts'

/**
 * Every table Kedai stores, by name: the union of each area's table interfaces in `tables/`.
 * Add an area by writing `tables/<area>.ts` and extending it here.
 */
export interface Database
  extends
    ConversationTables,
    CoreTables,
    StaffTables,
    CommerceATables,
    CommerceBTables,
    OrdersTables,
    PaymentLinkTables,
    InboxTables {}
