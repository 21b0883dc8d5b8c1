import type { CsatRating, HandOver, TicketContact } from '../../domains/inbox/index.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'
import { csatPayloadPrefix } from './resolve-hand-over.ts'

/** Why a rating was not stored. */
export type CsatRefusal = 'nothing-to-rate' | 'already-rated'

/** How long after rating a shopper's next message is kept as the rating's comment. */
const commentWindowMs = 15 * 60_000

/**
 * Stores the shopper's 1–5 rating (and optional comment) of the latest resolved hand-over of the
 * conversation, and thanks them.
 */
export async function recordCsat(
  dependencies: HandOffDependencies,
  input: { conversationId: string; score: number; comment?: string | null | undefined },
): Promise<Result<CsatRating, CsatRefusal>> {
  const handOver = await dependencies.inbox.findLatestHandOver(input.conversationId)
  if (handOver === undefined || handOver.status !== 'resolved') {
    return fail('nothing-to-rate' as const)
  }
  const stored = await dependencies.inbox.recordRating({
    conversationId: input.conversationId,
    handOverId: handOver.id,
    agentId: handOver.assignedAgentId,
    score: input.score,
    comment: input.comment?.trim() || null,
  })
  if (!stored.ok) return stored
  await dependencies.conversations.sendMessages(input.conversationId, {
    messages: [
      {
        authorRole: 'bot',
        content: { type: 'text', text: renderHandOffMessage('ratingThanks', handOver.language) },
      },
    ],
    eventDetails: { handOverId: handOver.id, csatScore: input.score },
  })
  dependencies.hub.publish({
    type: 'hand-over-updated',
    conversationId: input.conversationId,
    handOverId: handOver.id,
    data: { status: handOver.status, csatScore: input.score },
  })
  return succeed(stored.value)
}

/** Reads an e-mail address or a phone number out of a shopper's message. */
export function extractContact(text: string): TicketContact | undefined {
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0]
  const phone = /\+?\d[\d\s-]{7,}\d/.exec(text)?.[0]?.replace(/[\s-]/g, '')
  if (email === undefined && phone === undefined) return undefined
  return { ...(email === undefined ? {} : { email }), ...(phone === undefined ? {} : { phone }) }
}

/** What a shopper's message meant for the hand-over, when anything. */
export type ShopperMessageEffect =
  'rating-recorded' | 'comment-recorded' | 'contact-recorded' | 'forwarded-to-agent' | 'none'

/**
 * Reacts to a shopper's message around a hand-over: a rating choice (`csat:4`, or just `4`) after a
 * resolution, the comment that follows a rating, the contact asked for a ticket, or a message the
 * agent console must show now.
 */
export async function handleShopperMessage(
  dependencies: HandOffDependencies,
  input: {
    conversationId: string
    messageId: string
    /** Reads the message's text; called only when the conversation has had a hand-over. */
    readText: () => Promise<string>
  },
): Promise<ShopperMessageEffect> {
  const handOver: HandOver | undefined = await dependencies.inbox.findLatestHandOver(
    input.conversationId,
  )
  if (handOver === undefined) return 'none'
  const text = (await input.readText()).trim()
  if (
    handOver.status === 'queued' ||
    handOver.status === 'offered' ||
    handOver.status === 'assigned'
  ) {
    dependencies.hub.publish({
      type: 'conversation-message',
      conversationId: input.conversationId,
      handOverId: handOver.id,
      data: { messageId: input.messageId },
    })
    return 'forwarded-to-agent'
  }
  if (handOver.status === 'ticket' && handOver.contact === null) {
    const contact = extractContact(text)
    if (contact === undefined) return 'none'
    await dependencies.inbox.leaveTicket(handOver.id, contact)
    await dependencies.conversations.sendMessages(input.conversationId, {
      messages: [
        {
          authorRole: 'bot',
          content: {
            type: 'text',
            text: renderHandOffMessage('contactSaved', handOver.language, {
              contact: contact.email ?? contact.phone ?? '',
            }),
          },
        },
      ],
    })
    dependencies.hub.publish({
      type: 'hand-over-updated',
      conversationId: input.conversationId,
      handOverId: handOver.id,
      data: { status: 'ticket', contact },
    })
    return 'contact-recorded'
  }
  if (handOver.status !== 'resolved') return 'none'
  const rating = new RegExp(`^(?:${csatPayloadPrefix})?([1-5])(?:\\s*★*)?$`).exec(text)
  const existing = await dependencies.inbox.findRating(handOver.id)
  if (rating?.[1] !== undefined && existing === undefined) {
    const recorded = await recordCsat(dependencies, {
      conversationId: input.conversationId,
      score: Number(rating[1]),
    })
    return recorded.ok ? 'rating-recorded' : 'none'
  }
  if (
    existing !== undefined &&
    existing.comment === null &&
    text.length > 0 &&
    dependencies.clock.now().getTime() - Date.parse(existing.createdAt) <= commentWindowMs
  ) {
    const added = await dependencies.inbox.addRatingComment(handOver.id, text)
    if (!added) return 'none'
    await dependencies.conversations.sendMessages(input.conversationId, {
      messages: [
        {
          authorRole: 'bot',
          content: { type: 'text', text: renderHandOffMessage('commentThanks', handOver.language) },
        },
      ],
    })
    return 'comment-recorded'
  }
  return 'none'
}
