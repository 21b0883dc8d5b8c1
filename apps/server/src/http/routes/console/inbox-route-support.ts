import { messageSchema } from '@kedai/contracts'
import { z } from 'zod'
import {
  handOverReasons,
  handOverStatuses,
  inboxTopics,
  type HandOver,
} from '../../../domains/inbox/index.ts'
import type { StaffMember } from '../../../domains/staff/index.ts'
import { AppError } from '../../../shared/app-error.ts'
import type { ServerContext } from '../../server-context.ts'

/** The inbox and hand-off services of a context, or `undefined` when the server has none. */
export function readHandOffContext(
  context: ServerContext,
): NonNullable<ServerContext['handOff']> | undefined {
  return context.handOff
}

/** The signed-in member (set by `requireStaff`); 401 when missing. */
export function signedInMember(request: { staffMember?: StaffMember }): StaffMember {
  if (request.staffMember === undefined) {
    throw new AppError('unauthorized', 'Sign in to the console first.')
  }
  return request.staffMember
}

const moneySchema = z.object({ amount: z.number().int(), currency: z.string() })

/** A hand-over as the console API returns it. */
export const handOverSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerId: z.string().nullable(),
  status: z.enum(handOverStatuses),
  reasons: z.array(z.enum(handOverReasons)),
  topic: z.enum(inboxTopics),
  language: z.string(),
  team: z.string().nullable(),
  summary: z.unknown(),
  offeredAgentId: z.string().nullable(),
  offerExpiresAt: z.string().nullable(),
  assignedAgentId: z.string().nullable(),
  contact: z
    .object({
      email: z.string().optional(),
      phone: z.string().optional(),
      note: z.string().optional(),
    })
    .nullable(),
  createdAt: z.string(),
  assignedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
})

/** Maps a hand-over to {@link handOverSchema}. */
export function presentHandOver(handOver: HandOver): z.infer<typeof handOverSchema> {
  return {
    id: handOver.id,
    conversationId: handOver.conversationId,
    customerId: handOver.customerId,
    status: handOver.status,
    reasons: [...handOver.reasons],
    topic: handOver.topic,
    language: handOver.language,
    team: handOver.team,
    summary: handOver.summary,
    offeredAgentId: handOver.offeredAgentId,
    offerExpiresAt: handOver.offerExpiresAt,
    assignedAgentId: handOver.assignedAgentId,
    contact:
      handOver.contact === null
        ? null
        : {
            ...(handOver.contact.email === undefined ? {} : { email: handOver.contact.email }),
            ...(handOver.contact.phone === undefined ? {} : { phone: handOver.contact.phone }),
            ...(handOver.contact.note === undefined ? {} : { note: handOver.contact.note }),
          },
    createdAt: handOver.createdAt,
    assignedAt: handOver.assignedAt,
    resolvedAt: handOver.resolvedAt,
  }
}

/** A queue place as the console API returns it. */
export const queuePlaceSchema = z
  .object({ position: z.number().int(), waitMinutes: z.number().int().nullable() })
  .nullable()

/** The records beside a conversation. */
export const recordsSchema = z.object({
  customer: z
    .object({
      id: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      loyaltyTier: z.string(),
      loyaltyPoints: z.number(),
      customerSince: z.string(),
    })
    .nullable(),
  recentOrders: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.string(),
      total: moneySchema,
      placedAt: z.string(),
      itemCount: z.number(),
    }),
  ),
  cart: z
    .object({
      id: z.string(),
      lines: z.array(z.object({ name: z.string(), quantity: z.number(), unitPrice: moneySchema })),
      subtotal: moneySchema,
    })
    .nullable(),
})

/** A stored message for the console (the same shape shoppers' clients get). */
export const consoleMessageSchema = messageSchema

/** Params naming a hand-over. */
export const handOverParams = z.object({ handOverId: z.string().min(1).max(80) })

/** Params naming a conversation. */
export const conversationParams = z.object({ conversationId: z.string().min(1).max(80) })
