import nodemailer from 'nodemailer'
import type { NotificationSender } from '../../domains/notifications/index.ts'

/** Options of the SMTP sender. */
export interface SmtpNotificationSenderOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`. */
  readonly url: string
  /** The From header (`Kedai <orders@kedai.example>`). */
  readonly from: string
}

/** Sends e-mail over SMTP with nodemailer (UTF-8 subjects and bodies, text and HTML). */
export function createSmtpNotificationSender(
  options: SmtpNotificationSenderOptions,
): NotificationSender & { close(): void } {
  const transport = nodemailer.createTransport(options.url)
  return {
    channel: 'email',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
        })
        if (info.rejected.length > 0) {
          return {
            ok: false,
            reason: 'rejected',
            message: `rejected by the mail server: ${info.response}`,
          }
        }
        return { ok: true, providerReference: info.messageId }
      } catch (error) {
        const responseCode = (error as { responseCode?: number }).responseCode
        return {
          ok: false,
          reason: responseCode !== undefined && responseCode >= 500 ? 'rejected' : 'unavailable',
          message: error instanceof Error ? error.message : String(error),
        }
      }
    },
    close() {
      transport.close()
    },
  }
}
