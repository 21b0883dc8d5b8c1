import { describe, expect, it } from 'vitest'
import { ConfigurationError, loadConfiguration } from './config.ts'
import { selectNotificationSenders, selectPaymentProviders } from './select-adapters.ts'

describe('selectPaymentProviders', () => {
  it('uses the sandbox alone when nothing else is configured', () => {
    const configuration = loadConfiguration({})
    expect(configuration.payments).toMatchObject({
      provider: 'sandbox',
      captureMode: 'automatic',
      stripe: undefined,
      paypal: undefined,
    })
    expect(selectPaymentProviders(configuration).map((provider) => provider.name)).toEqual([
      'sandbox',
    ])
  })

  it('puts the chosen provider first and keeps every configured one for webhooks', () => {
    const configuration = loadConfiguration({
      PAYMENT_PROVIDER: 'paypal',
      PAYMENT_CAPTURE: 'manual',
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
      PAYPAL_CLIENT_ID: 'id',
      PAYPAL_CLIENT_SECRET: 'secret',
      PAYPAL_WEBHOOK_ID: 'WH-1',
    })
    expect(configuration.payments.captureMode).toBe('manual')
    expect(configuration.payments.paypal?.apiBase).toBe('https://api-m.sandbox.paypal.com')
    expect(selectPaymentProviders(configuration).map((provider) => provider.name)).toEqual([
      'paypal',
      'sandbox',
      'stripe',
    ])
  })

  it('names the missing variables when the chosen provider has no credentials', () => {
    expect(() => loadConfiguration({ PAYMENT_PROVIDER: 'stripe' })).toThrow(ConfigurationError)
    expect(() => loadConfiguration({ PAYMENT_PROVIDER: 'stripe' })).toThrow(
      /STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required/,
    )
    expect(() => loadConfiguration({ PAYMENT_PROVIDER: 'cash' })).toThrow(
      /PAYMENT_PROVIDER: expected sandbox, stripe or paypal/,
    )
    expect(() => loadConfiguration({ STRIPE_SECRET_KEY: 'pk_test_123' })).toThrow(
      /STRIPE_SECRET_KEY: expected a Stripe secret key/,
    )
  })
})

describe('selectNotificationSenders', () => {
  it('has no sender without SMTP or Twilio settings, so messages stay in the outbox', () => {
    expect(selectNotificationSenders(loadConfiguration({}))).toEqual([])
  })

  it('adds e-mail and SMS senders when SMTP and Twilio are configured', () => {
    const configuration = loadConfiguration({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      TWILIO_ACCOUNT_SID: 'AC123',
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: '+60312345678',
    })
    expect(selectNotificationSenders(configuration).map((sender) => sender.channel)).toEqual([
      'email',
      'sms',
    ])
    expect(() => loadConfiguration({ SMTP_URL: 'mail.example.com' })).toThrow(
      /SMTP_URL: expected smtp:\/\/user:password@host:port/,
    )
  })
})
