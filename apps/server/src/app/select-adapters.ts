import { createSmtpNotificationSender } from '../adapters/email-smtp/index.ts'
import { createPaypalPaymentProvider } from '../adapters/payment-paypal/index.ts'
import { createSandboxPaymentProvider } from '../adapters/payment-sandbox/index.ts'
import { createStripePaymentProvider } from '../adapters/payment-stripe/index.ts'
import { createTwilioSmsSender } from '../adapters/sms-twilio/index.ts'
import type { NotificationSender } from '../domains/notifications/index.ts'
import type { PaymentProvider } from '../domains/payments/index.ts'
import type { Configuration } from './config.ts'

/**
 * The only place vendor names are switched on: which payment providers and message senders the
 * configuration asks for.
 */

/**
 * Every payment provider the configuration enables, the default (`PAYMENT_PROVIDER`) first. The
 * sandbox is always there (its hosted test pages and test cards), so webhooks of every configured
 * provider are understood.
 */
export function selectPaymentProviders(
  configuration: Pick<Configuration, 'payments' | 'publicUrl' | 'secret'>,
): PaymentProvider[] {
  const providers: PaymentProvider[] = [
    createSandboxPaymentProvider({
      publicUrl: configuration.publicUrl,
      webhookSecret: configuration.secret,
    }),
  ]
  const { stripe, paypal } = configuration.payments
  if (stripe !== undefined) providers.push(createStripePaymentProvider(stripe))
  if (paypal !== undefined) providers.push(createPaypalPaymentProvider(paypal))
  const preferred = providers.find((provider) => provider.name === configuration.payments.provider)
  return preferred === undefined
    ? providers
    : [preferred, ...providers.filter((provider) => provider !== preferred)]
}

/** The message senders the configuration enables (none: messages are recorded in the outbox only). */
export function selectNotificationSenders(
  configuration: Pick<Configuration, 'notifications'>,
): NotificationSender[] {
  const { smtpUrl, mailFrom, twilio } = configuration.notifications
  const senders: NotificationSender[] = []
  if (smtpUrl !== undefined)
    senders.push(createSmtpNotificationSender({ url: smtpUrl, from: mailFrom }))
  if (twilio !== undefined) senders.push(createTwilioSmsSender(twilio))
  return senders
}
