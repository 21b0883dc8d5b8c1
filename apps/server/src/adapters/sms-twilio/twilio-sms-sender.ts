import type { NotificationSender } from '../../domains/notifications/index.ts'
import { twilioErrorSchema, twilioMessageSchema } from './twilio-api.ts'

/** Options of the Twilio-compatible SMS sender. */
export interface TwilioSmsSenderOptions {
  readonly accountSid: string
  readonly authToken: string
  /** Sender number (E.164) or alphanumeric sender id. */
  readonly from: string
  /** `https://api.twilio.com` by default; any server speaking the Messages API works. */
  readonly baseUrl?: string
  readonly fetch?: typeof fetch
}

/**
 * Sends SMS through Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, basic
 * auth, form-encoded), or any compatible service.
 */
export function createTwilioSmsSender(options: TwilioSmsSenderOptions): NotificationSender {
  const baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/$/, '')
  const fetchImplementation = options.fetch ?? fetch
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`
  return {
    channel: 'sms',
    async send(message) {
      let response: Response
      try {
        response = await fetchImplementation(
          `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`,
          {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              To: message.to,
              From: options.from,
              Body: message.text,
            }).toString(),
            signal: AbortSignal.timeout(10_000),
          },
        )
      } catch (error) {
        return {
          ok: false,
          reason: 'unavailable',
          message: error instanceof Error ? error.message : String(error),
        }
      }
      const body: unknown = await response.json().catch(() => undefined)
      if (!response.ok) {
        const parsedError = twilioErrorSchema.safeParse(body)
        return {
          ok: false,
          reason: response.status >= 500 || response.status === 429 ? 'unavailable' : 'rejected',
          message: parsedError.success
            ? `${parsedError.data.code ?? response.status}: ${parsedError.data.message}`
            : `HTTP ${response.status}`,
        }
      }
      const parsed = twilioMessageSchema.safeParse(body)
      if (!parsed.success)
        return {
          ok: false,
          reason: 'unavailable',
          message: 'unexpected answer from the SMS service',
        }
      if (parsed.data.status === 'failed' || parsed.data.status === 'undelivered') {
        return {
          ok: false,
          reason: 'rejected',
          message: parsed.data.error_message ?? parsed.data.status,
        }
      }
      return { ok: true, providerReference: parsed.data.sid }
    },
  }
}
