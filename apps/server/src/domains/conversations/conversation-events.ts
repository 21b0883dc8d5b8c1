/** Types of the events the conversations domain publishes. */
export const conversationEventTypes = {
  started: 'conversation.started',
  resolved: 'conversation.resolved',
  handedOff: 'conversation.handed-off',
  statusChanged: 'conversation.status-changed',
  messageReceived: 'message.received',
  messageSent: 'message.sent',
  identityLinked: 'shopper-identity.linked',
} as const
