import type { HandOver } from '../../domains/inbox/index.ts'
import { AppError } from '../../shared/app-error.ts'
import { fail, succeed, type Result } from '../../shared/result.ts'
import type { HandOffDependencies } from './hand-off-dependencies.ts'
import { renderHandOffMessage } from './hand-off-messages.ts'
import { routeHandOver } from './route-hand-over.ts'

/**
 * Transfers a hand-over to a named agent (offered to them) or to a team (routed among its agents).
 * The conversation stays with people, so the bot keeps silent during the transfer.
 */
export async function transferHandOver(
  dependencies: HandOffDependencies,
  input: {
    handOverId: string
    fromAgentId: string
    isAdmin: boolean
    toAgentId?: string | undefined
    toTeam?: string | undefined
  },
): Promise<Result<HandOver, 'not-your-conversation' | 'not-open'>> {
  const { inbox, staff, clock, settings } = dependencies
  const current = await inbox.getHandOver(input.handOverId)
  if (!['queued', 'offered', 'assigned'].includes(current.status)) return fail('not-open' as const)
  if (
    !input.isAdmin &&
    current.assignedAgentId !== input.fromAgentId &&
    current.offeredAgentId !== input.fromAgentId
  ) {
    return fail('not-your-conversation' as const)
  }
  if (input.toAgentId === undefined && input.toTeam === undefined) {
    throw new AppError('validation', 'Name an agent or a team to transfer to.')
  }
  if (input.toAgentId !== undefined && (await staff.findMember(input.toAgentId)) === undefined) {
    throw new AppError('not-found', `No agent ${input.toAgentId}.`)
  }
  let handOver = await inbox.requeue(current.id, {
    team: input.toTeam ?? null,
    ...(input.toAgentId === undefined ? { excludeAgentId: input.fromAgentId } : {}),
  })
  await dependencies.conversations.sendMessages(handOver.conversationId, {
    messages: [
      {
        authorRole: 'agent',
        content: {
          type: 'system-notice',
          text: renderHandOffMessage('transferred', handOver.language),
          notice: 'hand-over-transferred',
        },
      },
    ],
  })
  if (input.toAgentId !== undefined) {
    const expiresAt = new Date(clock.now().getTime() + settings.acceptTimeoutMs).toISOString()
    handOver = await inbox.offer(handOver.id, input.toAgentId, expiresAt, undefined)
    dependencies.hub.publish({
      type: 'hand-over-updated',
      conversationId: handOver.conversationId,
      handOverId: handOver.id,
      agentId: input.toAgentId,
      data: { status: handOver.status },
    })
    return succeed(handOver)
  }
  return succeed((await routeHandOver(dependencies, handOver.id, { announce: false })).handOver)
}
