import type { Conversation, ConversationMessage } from './conversation.ts'

/** Something that happened in one conversation, as live channels (the web socket) need it. */
export type ConversationUpdate =
  | { readonly kind: 'message'; readonly message: ConversationMessage }
  | { readonly kind: 'conversation'; readonly conversation: Conversation }
  | { readonly kind: 'typing'; readonly role: 'bot' | 'agent'; readonly typing: boolean }

/** Listens to one conversation's updates. */
export type ConversationListener = (update: ConversationUpdate) => void

/**
 * In-process fan-out of stored messages and status changes to live connections, in the order they
 * were stored. Several server instances hear each other's through `relayConversationFeed`.
 */
export interface ConversationFeed {
  subscribe(conversationId: string, listener: ConversationListener): () => void
  publish(conversationId: string, update: ConversationUpdate): void
  /** True while something here listens to the conversation. */
  isWatched(conversationId: string): boolean
}

/** Creates a {@link ConversationFeed}; a failing listener never affects the others. */
export function createConversationFeed(
  onListenerError?: (error: unknown) => void,
): ConversationFeed {
  const listeners = new Map<string, Set<ConversationListener>>()
  return {
    subscribe(conversationId, listener) {
      const set = listeners.get(conversationId) ?? new Set<ConversationListener>()
      set.add(listener)
      listeners.set(conversationId, set)
      return () => {
        set.delete(listener)
        if (set.size === 0) listeners.delete(conversationId)
      }
    },
    isWatched: (conversationId) => listeners.has(conversationId),
    publish(conversationId, update) {
      for (const listener of listeners.get(conversationId) ?? []) {
        try {
          listener(update)
        } catch (error) {
          onListenerError?.(error)
        }
      }
    },
  }
}
