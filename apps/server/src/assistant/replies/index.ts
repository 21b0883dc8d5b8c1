export { englishMessages, type MessageCatalog, type MessageKey } from './en.ts'
export {
  formatReplyMoney,
  formattingLocales,
  messageCatalogs,
  renderReply,
  renderText,
  type Reply,
  type ReplyCard,
  type ReplyChoice,
  type ReplyValue,
} from './render-reply.ts'
