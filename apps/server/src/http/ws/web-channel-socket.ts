import { clientFrameSchema, type ServerFrame } from '@kedai/contracts'
import type { FastifyBaseLogger } from 'fastify'
import type { Assistant } from '../../assistant/handle-inbound-message.ts'
import type { ConversationMessage, ConversationService } from '../../domains/conversations/index.ts'
import { isAppError } from '../../shared/app-error.ts'
import { mapConversationToDto, mapMessageToDto } from './conversation-dto.ts'

/** The part of a WebSocket the web channel uses (the `ws` socket satisfies it). */
export interface FrameSocket {
  send(data: string): void
  close(code?: number, reason?: string): void
  on(
    event: 'message',
    listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void,
  ): void
  on(event: 'close', listener: () => void): void
  readonly readyState: number
}

const openState = 1
const replayPageSize = 200

/**
 * Serves one web-channel WebSocket for one conversation. Messages reach the socket in sequence
 * order, each exactly once: after a `resume` (or `afterSequence` in the URL) the server replays
 * stored messages after that sequence, then streams live ones; a live message that would leave a
 * gap triggers a read of the missing ones first, and anything already sent is skipped.
 */
export function serveWebChannelSocket(options: {
  socket: FrameSocket
  conversationId: string
  conversations: ConversationService
  assistant: Assistant
  logger: FastifyBaseLogger
  afterSequence?: number | undefined
}): void {
  const { socket, conversationId, conversations, assistant, logger } = options
  let lastSent: number | undefined
  const pending: ConversationMessage[] = []
  let chain: Promise<void> = Promise.resolve()
  const enqueue = (task: () => Promise<void>) => {
    chain = chain.then(task).catch((error: unknown) => {
      logger.error({ err: error, conversationId }, 'web channel delivery failed')
    })
  }
  const sendFrame = (frame: ServerFrame) => {
    if (socket.readyState === openState) socket.send(JSON.stringify(frame))
  }

  const deliver = async (message: ConversationMessage) => {
    if (lastSent === undefined) {
      pending.push(message)
      return
    }
    if (message.sequence <= lastSent) return
    if (message.sequence > lastSent + 1) {
      await replayUpTo(message.sequence - 1)
      if (message.sequence <= lastSent) return
    }
    sendFrame({ type: 'message', message: mapMessageToDto(message) })
    lastSent = message.sequence
  }

  const replayUpTo = async (upTo: number | undefined) => {
    for (;;) {
      const after = lastSent ?? 0
      const page = await conversations.listMessages(conversationId, {
        after,
        limit: replayPageSize,
      })
      for (const message of page) {
        if (upTo !== undefined && message.sequence > upTo) return
        if (message.sequence <= after) continue
        sendFrame({ type: 'message', message: mapMessageToDto(message) })
        lastSent = message.sequence
      }
      if (page.length < replayPageSize) return
    }
  }

  const resume = (afterSequence: number) => {
    enqueue(async () => {
      lastSent = afterSequence
      await replayUpTo(undefined)
      const buffered = pending.splice(0).sort((left, right) => left.sequence - right.sequence)
      for (const message of buffered) await deliver(message)
      sendFrame({ type: 'ready', lastSequence: lastSent })
    })
  }

  const unsubscribe = conversations.subscribe(conversationId, (update) => {
    if (update.kind === 'message') {
      const message = update.message
      enqueue(() => deliver(message))
    } else if (update.kind === 'typing') {
      const frame = {
        type: update.typing ? 'typing-start' : 'typing-end',
        role: update.role,
      } as const
      enqueue(async () => sendFrame(frame))
    } else {
      const conversation = mapConversationToDto(update.conversation)
      enqueue(async () => sendFrame({ type: 'conversation-update', conversation }))
    }
  })

  socket.on('close', unsubscribe)
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      sendFrame({
        type: 'error',
        code: 'validation',
        message: 'Frames must be JSON text, not binary.',
      })
      return
    }
    let parsedJson: unknown
    try {
      parsedJson = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data))
    } catch {
      sendFrame({ type: 'error', code: 'validation', message: 'Frames must be JSON objects.' })
      return
    }
    const parsed = clientFrameSchema.safeParse(parsedJson)
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'frame'}: ${issue.message}`,
      )
      sendFrame({
        type: 'error',
        code: 'validation',
        message: `Invalid frame: ${issues.join('; ')}`,
      })
      return
    }
    const frame = parsed.data
    switch (frame.type) {
      case 'resume':
        resume(frame.afterSequence)
        return
      case 'typing-start':
      case 'typing-end':
        // The shopper's typing is for agents' consoles; nothing to do for the bot.
        return
      case 'message':
        sendFrame({ type: 'typing-start', role: 'bot' })
        assistant
          .handleInboundMessage({
            conversationId,
            channelMessageId: `${conversationId}/${frame.clientMessageId}`,
            content: frame.content,
          })
          .catch((error: unknown) => {
            if (!isAppError(error))
              logger.error({ err: error, conversationId }, 'web channel turn failed')
            sendFrame({
              type: 'error',
              code: isAppError(error) ? error.code : 'internal',
              message: isAppError(error) ? error.message : 'Something went wrong on our side.',
              clientMessageId: frame.clientMessageId,
            })
          })
          .finally(() => {
            // After the replies (queued on the same chain), so typing ends once they are shown.
            enqueue(async () => sendFrame({ type: 'typing-end', role: 'bot' }))
          })
        return
    }
  })
  if (options.afterSequence !== undefined) resume(options.afterSequence)
}
