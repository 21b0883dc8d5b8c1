import type { HandOver } from '../../domains/inbox/index.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'

/** Why a hand-over could not be resolved by this person. */
export type ResolveRefusal = 'not-your-conversation' | 'not-open'

/** Payload prefix of the rating choices (`csat:5`). */
export const csatPayloadPrefix = 'csat:'

/**
 * The agent resolves: the hand-over is closed, the conversation returns to the bot, and the bot
 * confirms the resolution, offers more help and asks for a 1–5 rating.
 */
export async function resolveHandOver(
  dependencies: HandOffDependencies,
  input: { handOverId: string; agentId: string; isAdmin: boolean; note?: string | undefined },
): Promise<Result<HandOver, ResolveRefusal>> {
  const current = await dependencies.inbox.getHandOver(input.handOverId)
  if (current.status === 'resolved' || current.status === 'cancelled') {
    return fail('not-open' as const)
  }
  if (!input.isAdmin && current.assignedAgentId !== input.agentId) {
    return fail('not-your-conversation' as const)
  }
  const handOver = await dependencies.inbox.resolve(current.id)
  const member = await dependencies.staff.findMember(current.assignedAgentId ?? input.agentId)
  await dependencies.conversations.changeStatus(handOver.conversationId, 'returned-to-bot', {
    handOverId: handOver.id,
    agentId: input.agentId,
  })
  const note = input.note?.trim()
  const language = handOver.language
  await dependencies.conversations.sendMessages(handOver.conversationId, {
    messages: [
      {
        authorRole: 'bot',
        content: {
          type: 'text',
          text: renderHandOffMessage('resolved', language, {
            name: member?.displayName ?? 'Our team',
            note: note === undefined || note.length === 0 ? '' : `: ${note}`,
          }),
        },
      },
      {
        authorRole: 'bot',
        content: {
          type: 'quick-replies',
          text: renderHandOffMessage('ratingQuestion', language),
          choices: [1, 2, 3, 4, 5].map((score) => ({
            label: `${score} ${'★'.repeat(score)}`,
            payload: `${csatPayloadPrefix}${score}`,
          })),
        },
      },
    ],
    eventDetails: { handOverId: handOver.id, csatRequested: true },
  })
  dependencies.hub.publish({
    type: 'hand-over-updated',
    conversationId: handOver.conversationId,
    handOverId: handOver.id,
    data: { status: handOver.status },
  })
  return succeed(handOver)
}
