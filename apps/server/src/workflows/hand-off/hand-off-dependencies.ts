import type { ConversationService } from '../../domains/conversations/index.ts'
import type { BusinessHours, HandOverRules, InboxService } from '../../domains/inbox/index.ts'
import type { StaffService } from '../../domains/staff/index.ts'
import type { Clock } from '../../shared/clock.ts'
import type { ConsoleHub } from './console-hub.ts'
import type { HandOffRecords } from './hand-off-records.ts'

/** Port: the shopper's live channel, for signals that are not stored messages (typing). */
export interface ShopperSignals {
  /** Shows or hides "agent is typing" to the shopper on whatever channel they are on. */
  setAgentTyping(conversationId: string, typing: boolean): void
}

/** Port: single-use coupons (the promotions domain's `createSingleUseCoupon`). */
export interface SingleUseCoupons {
  createSingleUseCoupon(input: {
    action: { code: string; args: Record<string, unknown> }
    customerId?: string | null
    expiresAt?: string | null
    createdBy: string
    prefix?: string
  }): Promise<{ code: string; promotionId: string }>
}

/** Settings of the hand-over (from configuration). */
export interface HandOffSettings {
  readonly rules: HandOverRules
  readonly businessHours: BusinessHours
  /** How long an agent has to accept an offer before it goes to the next agent. */
  readonly acceptTimeoutMs: number
  /** Shopper messages under this confidence before a hand-over become training candidates. */
  readonly trainingConfidenceBelow: number
  /** How many recent handling times the wait estimate reads. */
  readonly handlingSample: number
}

/** The demo store's hand-over settings, before configuration overrides. */
export const defaultHandOffSettingsValues = {
  acceptTimeoutMs: 60_000,
  trainingConfidenceBelow: 0.5,
  handlingSample: 20,
} as const

/** What every hand-off step is given. */
export interface HandOffDependencies {
  readonly conversations: Pick<
    ConversationService,
    'getConversation' | 'listMessages' | 'listShopperTurns' | 'sendMessages' | 'changeStatus'
  >
  readonly inbox: InboxService
  readonly staff: Pick<StaffService, 'listMembers' | 'findMember'>
  readonly records: HandOffRecords
  readonly coupons: SingleUseCoupons | undefined
  readonly hub: ConsoleHub
  readonly shopperSignals: ShopperSignals
  readonly clock: Clock
  readonly settings: HandOffSettings
}
