import type { ConversationMessage } from '../../domains/conversations/index.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import { agentJoins } from './agent-joins.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'

/** Why an agent's reply was not sent. */
export type ReplyRefusal = 'no-open-hand-over' | 'not-your-conversation'

/**
 * Posts an agent's message into the shopper's conversation as the agent participant. An agent who
 * replies to a hand-over offered to them (or waiting in the queue) takes it first.
 */
export async function agentReplies(
  dependencies: HandOffDependencies,
  input: { conversationId: string; agentId: string; text: string },
): Promise<Result<ConversationMessage, ReplyRefusal>> {
  let handOver = await dependencies.inbox.findOpenHandOver(input.conversationId)
  if (handOver === undefined) return fail('no-open-hand-over' as const)
  if (handOver.status !== 'assigned') {
    const joined = await agentJoins(dependencies, {
      handOverId: handOver.id,
      agentId: input.agentId,
    })
    if (!joined.ok) return fail('not-your-conversation' as const)
    handOver = joined.value
  }
  if (handOver.assignedAgentId !== input.agentId) return fail('not-your-conversation' as const)
  const member = await dependencies.staff.findMember(input.agentId)
  dependencies.shopperSignals.setAgentTyping(input.conversationId, false)
  const [message] = await dependencies.conversations.sendMessages(input.conversationId, {
    messages: [
      {
        authorRole: 'agent',
        ...(member === undefined ? {} : { authorName: member.displayName }),
        content: { type: 'text', text: input.text },
      },
    ],
    eventDetails: { agentId: input.agentId, agentName: member?.displayName ?? null },
  })
  if (message === undefined) throw new Error('the reply was not stored')
  dependencies.hub.publish({
    type: 'conversation-message',
    conversationId: input.conversationId,
    handOverId: handOver.id,
    data: { messageId: message.id },
  })
  return succeed(message)
}
