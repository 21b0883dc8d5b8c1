/** SMS notifications through Twilio's Messages API (or a compatible service). */
export { createTwilioSmsSender, type TwilioSmsSenderOptions } from './twilio-sms-sender.ts'
