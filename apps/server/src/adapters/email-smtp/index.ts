/** E-mail notifications over SMTP (nodemailer). */
export {
  createSmtpNotificationSender,
  type SmtpNotificationSenderOptions,
} from './smtp-notification-sender.ts'
