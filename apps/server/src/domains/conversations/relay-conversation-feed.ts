import { z } from 'zod'
import type { ClusterLink } from '../../shared/cluster-link.ts'
import type { Conversation, ConversationMessage } from './conversation.ts'
import type { ConversationFeed, ConversationUpdate } from './conversation-feed.ts'

/** The cluster topic conversation updates travel on. */
export const conversationFeedTopic = 'conversation-feed'

/**
 * What travels between instances: which conversation changed and how, not the message itself (a
 * message can be bigger than a notification); the instance that has listeners reads it back.
 */
const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), conversationId: z.string(), sequence: z.number().int() }),
  z.object({ kind: z.literal('conversation'), conversationId: z.string() }),
  z.object({
    kind: z.literal('typing'),
    conversationId: z.string(),
    role: z.enum(['bot', 'agent']),
    typing: z.boolean(),
  }),
])

type Notice = z.infer<typeof noticeSchema>

/** How the relay reads back what another instance stored. */
export interface StoredConversationReader {
  /** The conversation's message with this sequence, when stored. */
  findMessage(conversationId: string, sequence: number): Promise<ConversationMessage | undefined>
  findConversation(conversationId: string): Promise<Conversation | undefined>
}

/**
 * Wraps this instance's `feed` so several instances on one database share live updates: what is
 * published here is also broadcast on `cluster`, and what another instance broadcasts is read back
 * from the database and published here — only for conversations someone here listens to, one
 * conversation's updates in the order they were sent. A message missed meanwhile (the link was
 * down) is not lost to a listener: the web channel fills gaps in sequence from the database.
 * Returns the feed and the function that stops hearing the other instances.
 */
export function relayConversationFeed(options: {
  feed: ConversationFeed
  cluster: ClusterLink
  reader: StoredConversationReader
  onError: (error: unknown) => void
}): { feed: ConversationFeed; stop: () => void } {
  const { feed, cluster, reader, onError } = options
  const chains = new Map<string, Promise<void>>()

  async function publishHere(notice: Notice): Promise<void> {
    const { conversationId } = notice
    if (notice.kind === 'typing') {
      feed.publish(conversationId, notice)
      return
    }
    if (notice.kind === 'message') {
      const message = await reader.findMessage(conversationId, notice.sequence)
      if (message !== undefined) feed.publish(conversationId, { kind: 'message', message })
      return
    }
    const conversation = await reader.findConversation(conversationId)
    if (conversation !== undefined)
      feed.publish(conversationId, { kind: 'conversation', conversation })
  }

  const stop = cluster.listen(conversationFeedTopic, (data) => {
    const parsed = noticeSchema.safeParse(data)
    if (!parsed.success || !feed.isWatched(parsed.data.conversationId)) return
    const notice = parsed.data
    const previous = chains.get(notice.conversationId) ?? Promise.resolve()
    const next = previous.then(() => publishHere(notice)).catch(onError)
    chains.set(notice.conversationId, next)
    void next.then(() => {
      if (chains.get(notice.conversationId) === next) chains.delete(notice.conversationId)
    })
  })

  return {
    stop,
    feed: {
      subscribe: (conversationId, listener) => feed.subscribe(conversationId, listener),
      isWatched: (conversationId) => feed.isWatched(conversationId),
      publish(conversationId, update) {
        feed.publish(conversationId, update)
        cluster.broadcast(conversationFeedTopic, toNotice(conversationId, update))
      },
    },
  }
}

function toNotice(conversationId: string, update: ConversationUpdate): Notice {
  switch (update.kind) {
    case 'message':
      return { kind: 'message', conversationId, sequence: update.message.sequence }
    case 'conversation':
      return { kind: 'conversation', conversationId }
    case 'typing':
      return { kind: 'typing', conversationId, role: update.role, typing: update.typing }
  }
}
