import type { ConversationDto, MessageDto } from '@kedai/contracts'
import type { Conversation, ConversationMessage } from '../../domains/conversations/index.ts'

/** The API shape of a stored message. */
export function mapMessageToDto(message: ConversationMessage): MessageDto {
  return {
    id: message.id,
    conversationId: message.conversationId,
    sequence: message.sequence,
    direction: message.direction,
    authorRole: message.authorRole,
    ...(message.authorName === null ? {} : { authorName: message.authorName }),
    content: message.content,
    channelMessageId: message.channelMessageId,
    createdAt: message.createdAt,
  }
}

/** The API shape of a conversation. */
export function mapConversationToDto(conversation: Conversation): ConversationDto {
  return {
    id: conversation.id,
    channel: conversation.channel,
    status: conversation.status,
    locale: conversation.locale,
    customerId: conversation.customerId,
    lastSequence: conversation.lastSequence,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  }
}
