import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNotificationsService } from '../../domains/notifications/index.ts'
import { createManualClock } from '../../shared/clock.ts'
import { createSequentialIdGenerator } from '../../shared/ids.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createSmtpNotificationSender } from './smtp-notification-sender.ts'

interface ReceivedMail {
  readonly from: string
  readonly to: string[]
  readonly raw: string
}

function decodeEncodedWords(header: string): string {
  return header.replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi,
    (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_hex, code: string) =>
                String.fromCharCode(parseInt(code, 16)),
              ),
            'latin1',
          ).toString('utf8'),
  )
}

function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r\n\r\n/)[0] ?? ''
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ')
  const line = unfolded
    .split('\r\n')
    .find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return decodeEncodedWords(line?.slice(name.length + 1).trim() ?? '')
}

/** The decoded text/plain part of a (possibly multipart) message. */
function textPartOf(raw: string): string {
  const parts = raw.split(/\r\n--[^\r\n]+/)
  const part = parts.find((candidate) => /content-type:\s*text\/plain/i.test(candidate)) ?? raw
  const [head = '', ...rest] = part.split(/\r\n\r\n/)
  const body = rest.join('\r\n\r\n')
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8')
  }
  return body
}

const confirmation = {
  orderNumber: '#W2378156',
  customerName: '陳小明',
  items: [
    { name: 'Stride 路跑鞋', quantity: 1, unitPrice: { amount: 32900, currency: 'MYR' } },
    { name: '運動襪（三雙裝）', quantity: 2, unitPrice: { amount: 2990, currency: 'MYR' } },
  ],
  total: { amount: 38880, currency: 'MYR' },
  deliveryEstimate: { earliestDate: '2026-11-26', latestDate: '2026-11-30' },
  trackingUrl: 'https://track.kedai.example/poslaju/KD0001',
}

describe('createSmtpNotificationSender', () => {
  const received: ReceivedMail[] = []
  let refuseNext = 0
  let server: SMTPServer
  let port = 0

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuseNext > 0) {
          refuseNext -= 1
          const error = Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 })
          return callback(error)
        }
        callback()
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((address) => address.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('delivers the zh-Hant order confirmation with a UTF-8 subject and body when the server accepts it', async () => {
    const { handle, dispose } = await createTestDatabase('sqlite')
    const sender = createSmtpNotificationSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Kedai <orders@kedai.example>',
    })
    try {
      const notifications = createNotificationsService({
        db: handle.db,
        clock: createManualClock(),
        createId: createSequentialIdGenerator(),
        senders: [sender],
      })
      const notification = await notifications.send({
        channel: 'email',
        to: 'chen@example.com',
        locale: 'zh-Hant',
        template: 'order-confirmation',
        data: confirmation,
      })
      expect(notification).toMatchObject({ status: 'sent', attempts: 1 })
      const mail = received.at(-1)
      if (mail === undefined) throw new Error('no mail received')
      expect(mail.to).toEqual(['chen@example.com'])
      expect(headerOf(mail.raw, 'Subject')).toBe('您的 Kedai 訂單 #W2378156 已確認')
      const text = textPartOf(mail.raw)
      expect(text).toContain('陳小明 您好：')
      expect(text).toContain('2 × 運動襪（三雙裝）')
      expect(text).toMatch(/總計：MYR\s388\.80/)
      expect(text).toContain('預計送達：11月26日 至 11月30日')
      expect(text).toContain('追蹤包裹：https://track.kedai.example/poslaju/KD0001')
    } finally {
      sender.close()
      await dispose()
    }
  })

  it('keeps a refused e-mail in the outbox and sends it on retry when the server accepts again', async () => {
    const { handle, dispose } = await createTestDatabase('sqlite')
    const sender = createSmtpNotificationSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'orders@kedai.example',
    })
    const clock = createManualClock()
    try {
      const notifications = createNotificationsService({
        db: handle.db,
        clock,
        createId: createSequentialIdGenerator(),
        senders: [sender],
      })
      refuseNext = 1
      const before = received.length
      const failed = await notifications.send({
        channel: 'email',
        to: 'aina@example.com',
        locale: 'ms',
        template: 'order-confirmation',
        data: confirmation,
      })
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        nextAttemptAt: '2026-11-24T09:01:00.000Z',
      })
      expect(failed.lastError).toMatch(/Mailbox busy/)
      expect(await notifications.retryFailed()).toEqual({ attempted: 0, sent: 0 })
      clock.advance(60_000)
      expect(await notifications.retryFailed()).toEqual({ attempted: 1, sent: 1 })
      expect(received.length).toBe(before + 1)
      expect(headerOf(received.at(-1)?.raw ?? '', 'Subject')).toBe(
        'Pesanan Kedai #W2378156 anda telah disahkan',
      )
      const [stored] = await notifications.listNotifications({ recipient: 'aina@example.com' })
      expect(stored).toMatchObject({ status: 'sent', attempts: 2 })
    } finally {
      sender.close()
      await dispose()
    }
  })

  it('records to the outbox only when no sender is configured for the channel', async () => {
    const { handle, dispose } = await createTestDatabase('sqlite')
    try {
      const notifications = createNotificationsService({
        db: handle.db,
        clock: createManualClock(),
        createId: createSequentialIdGenerator(),
        senders: [],
      })
      const logged = await notifications.send({
        channel: 'sms',
        to: '+60123456789',
        locale: 'zh-Hans',
        template: 'order-confirmation',
        data: confirmation,
      })
      expect(logged.status).toBe('logged')
      expect(logged.body).toMatch(/^Kedai：订单 #W2378156 已确认，总计 MYR\s388\.80。/)
      await expect(
        notifications.send({
          channel: 'email',
          to: 'not-an-address',
          locale: 'en',
          template: 'order-confirmation',
          data: confirmation,
        }),
      ).rejects.toThrow(/Invalid e-mail address/)
    } finally {
      await dispose()
    }
  })
})
