import type { AcceptRefusal, HandOver } from '../../domains/inbox/index.ts'
import { AppError } from '../../shared/app-error.ts'
import type { Result } from '../../shared/result.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'

/**
 * An agent takes a hand-over (offered to them, or picked from the queue): the conversation becomes
 * `agent-active`, so the bot stays silent, and the shopper sees "Aisha (support) joined".
 */
export async function agentJoins(
  dependencies: HandOffDependencies,
  input: { handOverId: string; agentId: string },
): Promise<Result<HandOver, AcceptRefusal>> {
  const member = await dependencies.staff.findMember(input.agentId)
  if (member === undefined) throw new AppError('not-found', `No agent ${input.agentId}.`)
  const accepted = await dependencies.inbox.accept(input.handOverId, input.agentId)
  if (!accepted.ok) return accepted
  const handOver = accepted.value
  const { conversation, changed } = await dependencies.conversations.changeStatus(
    handOver.conversationId,
    'agent-joined',
    { handOverId: handOver.id, agentId: member.id },
  )
  // After a transfer the conversation is already agent-active; the new agent is still announced.
  if (changed || conversation.status === 'agent-active') {
    await dependencies.conversations.sendMessages(handOver.conversationId, {
      messages: [
        {
          authorRole: 'agent',
          content: {
            type: 'system-notice',
            text: renderHandOffMessage('joined', handOver.language, {
              name: member.displayName,
              team: member.team ?? 'support',
            }),
            notice: 'agent-joined',
          },
        },
      ],
      eventDetails: { agentId: member.id, agentName: member.displayName },
    })
  }
  dependencies.hub.publish({
    type: 'hand-over-updated',
    conversationId: handOver.conversationId,
    handOverId: handOver.id,
    data: { status: handOver.status, assignedAgentId: member.id },
  })
  return accepted
}
