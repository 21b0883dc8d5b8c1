import { AppError } from '../../shared/app-error.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'

/**
 * The agent handling the conversation (or an admin) approves a special discount: a single-use
 * coupon for this customer is created and the bot sends the code in the conversation; a private
 * note records who approved what. Anyone else gets `AppError('forbidden')`.
 */
export async function approveSpecialDiscount(
  dependencies: HandOffDependencies,
  input: {
    conversationId: string
    agentId: string
    isAdmin: boolean
    percent: number
    validDays: number
  },
): Promise<{ code: string; expiresAt: string }> {
  const { coupons, conversations, inbox, clock } = dependencies
  if (coupons === undefined) {
    throw new AppError('unavailable', 'Coupons are not available on this server.')
  }
  const handOver = await inbox.findOpenHandOver(input.conversationId)
  const handles =
    handOver !== undefined &&
    (handOver.assignedAgentId === input.agentId || handOver.offeredAgentId === input.agentId)
  if (!input.isAdmin && !handles) {
    throw new AppError('forbidden', 'Only the agent handling this conversation can approve it.', {
      details: { reason: 'not-your-conversation' },
    })
  }
  const conversation = await conversations.getConversation(input.conversationId)
  const member = await dependencies.staff.findMember(input.agentId)
  const expiresAt = new Date(
    clock.now().getTime() + input.validDays * 24 * 60 * 60 * 1000,
  ).toISOString()
  const coupon = await coupons.createSingleUseCoupon({
    action: { code: 'order-percentage-off', args: { percent: input.percent } },
    customerId: conversation.customerId,
    expiresAt,
    createdBy: input.agentId,
    prefix: 'VIP',
  })
  await conversations.sendMessages(conversation.id, {
    messages: [
      {
        authorRole: 'bot',
        content: {
          type: 'text',
          text: renderHandOffMessage('discount', conversation.locale, {
            name: member?.displayName ?? 'Our team',
            code: coupon.code,
            percent: input.percent,
            until: expiresAt.slice(0, 10),
          }),
        },
      },
    ],
    eventDetails: { agentId: input.agentId, couponCode: coupon.code },
  })
  await inbox.addNote({
    conversationId: conversation.id,
    authorId: input.agentId,
    body: `Approved ${input.percent}% special discount: code ${coupon.code}, valid until ${expiresAt.slice(0, 10)}.`,
  })
  dependencies.hub.publish({ type: 'conversation-message', conversationId: conversation.id })
  return { code: coupon.code, expiresAt }
}
