/** Channels a notification can go through. */
export const notificationChannels = ['email', 'sms'] as const

/** One of {@link notificationChannels}. */
export type NotificationChannel = (typeof notificationChannels)[number]

/** A rendered message ready to deliver. */
export interface OutgoingMessage {
  readonly channel: NotificationChannel
  /** E-mail address or E.164 phone number. */
  readonly to: string
  /** E-mail subject (unused for SMS). */
  readonly subject?: string | undefined
  readonly text: string
  readonly html?: string | undefined
}

/** What a delivery attempt gave. A refusal is an outcome; the outbox keeps the message to retry. */
export type DeliveryOutcome =
  | { readonly ok: true; readonly providerReference: string }
  | { readonly ok: false; readonly reason: 'rejected' | 'unavailable'; readonly message: string }

/**
 * The notifications port, owned by the notifications domain: delivers one rendered message on one
 * channel. Implemented by `adapters/email-smtp` (nodemailer) and `adapters/sms-twilio`.
 */
export interface NotificationSender {
  readonly channel: NotificationChannel
  /** Delivers the message; never throws for a refused or failed delivery (returns the outcome). */
  send(message: OutgoingMessage): Promise<DeliveryOutcome>
}
