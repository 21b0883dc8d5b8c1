import { describeMessageContent } from '@kedai/contracts'
import type { ConversationService } from '../domains/conversations/index.ts'
import { handOverReasons, type HandOverReason } from '../domains/inbox/index.ts'
import type { EventBus, RecordedEvent } from '../shared/event-bus.ts'
import type { HandOffWorkflow } from '../workflows/hand-off/index.ts'

function readReasons(payload: Record<string, unknown>): HandOverReason[] {
  const candidates = [
    ...(Array.isArray(payload.reasons) ? payload.reasons : []),
    ...(typeof payload.reason === 'string' ? [payload.reason] : []),
  ]
  return candidates.filter((reason): reason is HandOverReason =>
    (handOverReasons as readonly unknown[]).includes(reason),
  )
}

/**
 * Wires the hand-off workflow to conversation events: `conversation.handed-off` (the bot, or any
 * rule, asked for a person) starts a hand-over; `intent.recognized` applies the store's hand-over
 * rules to the turn; `conversation.resolved` withdraws a hand-over nobody took yet; `message.received` lets the workflow see ratings,
 * ticket contacts and messages the agent console must show. Returns the function that unsubscribes.
 */
export function subscribeHandOff(
  eventBus: EventBus,
  workflow: HandOffWorkflow,
  conversations: Pick<ConversationService, 'listMessages'>,
): () => void {
  const unsubscribeHandedOff = eventBus.subscribe(
    'conversation.handed-off',
    async (event: RecordedEvent) => {
      await workflow.requestHandOff({
        conversationId: event.aggregateId,
        reasons: readReasons(event.payload),
      })
    },
  )
  const unsubscribeResolved = eventBus.subscribe('conversation.resolved', async (event) => {
    await workflow.cancelWaitingHandOver(event.aggregateId)
  })
  const unsubscribeRecognized = eventBus.subscribe('intent.recognized', async (event) => {
    const { messageId, intent, confidence, answeredQuestion } = event.payload
    if (typeof messageId !== 'string' || typeof intent !== 'string') return
    if (typeof confidence !== 'number') return
    await workflow.considerHandOff({
      conversationId: event.aggregateId,
      messageId,
      intent,
      confidence,
      answeredQuestion: answeredQuestion === true,
    })
  })
  const unsubscribeReceived = eventBus.subscribe('message.received', async (event) => {
    const { sequence, messageId } = event.payload
    if (typeof sequence !== 'number' || typeof messageId !== 'string') return
    // Most conversations never meet a person: the text is read only when there is a hand-over.
    await workflow.handleShopperMessage({
      conversationId: event.aggregateId,
      messageId,
      readText: async () => {
        const [message] = await conversations.listMessages(event.aggregateId, {
          after: sequence - 1,
          limit: 1,
        })
        return message === undefined || message.id !== messageId
          ? ''
          : describeMessageContent(message.content)
      },
    })
  })
  return () => {
    unsubscribeHandedOff()
    unsubscribeRecognized()
    unsubscribeResolved()
    unsubscribeReceived()
  }
}
