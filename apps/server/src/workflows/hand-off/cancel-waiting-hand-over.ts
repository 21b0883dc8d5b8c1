import type { HandOffDependencies } from './hand-off-dependencies.ts'

/**
 * When a conversation is closed while its hand-over still waits (queued or offered), the
 * hand-over is withdrawn so no agent picks up a conversation the shopper has left. Returns true
 * when one was withdrawn.
 */
export async function cancelWaitingHandOver(
  dependencies: HandOffDependencies,
  conversationId: string,
): Promise<boolean> {
  const handOver = await dependencies.inbox.findOpenHandOver(conversationId)
  if (handOver === undefined || handOver.status === 'assigned') return false
  const cancelled = await dependencies.inbox.cancel(handOver.id)
  dependencies.hub.publish({
    type: 'hand-over-updated',
    conversationId,
    handOverId: cancelled.id,
    data: { status: cancelled.status },
  })
  return true
}
