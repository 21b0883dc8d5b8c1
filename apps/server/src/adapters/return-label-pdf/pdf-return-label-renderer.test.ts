import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomerService } from '../../domains/customers/index.ts'
import { createOrderService } from '../../domains/orders/index.ts'
import { createReturnService } from '../../domains/returns/index.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createTestDependencies, loadTau2TestStore } from '../../testing/tau2-test-store.ts'
import { createOrderOperations } from '../../workflows/order-operations/index.ts'
import {
  defaultReturnAddress,
  renderReturnLabel,
  startReturn,
} from '../../workflows/start-return/index.ts'
import { createSmtpNotificationSender } from '../email-smtp/index.ts'
import { createPdfReturnLabelRenderer } from './pdf-return-label-renderer.ts'

// pdf-parse 1.1's entry file runs a self-test when imported directly; its library file does not.
const pdfParse = createRequire(import.meta.url)('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>

interface ReceivedMail {
  readonly to: string[]
  readonly raw: string
}

function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/)
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ')
  const subjectLine =
    unfolded.split('\r\n').find((line) => line.toLowerCase().startsWith('subject:')) ?? ''
  const subject = subjectLine
    .slice('subject:'.length)
    .trim()
    .replace(/=\?utf-8\?b\?([^?]*)\?=\s*/gi, (_match, text: string) =>
      Buffer.from(text, 'base64').toString('utf8'),
    )
    .replace(/=\?utf-8\?q\?([^?]*)\?=\s*/gi, (_match, text: string) =>
      Buffer.from(
        text
          .replace(/_/g, ' ')
          .replace(/=([0-9a-f]{2})/gi, (_hex, code: string) =>
            String.fromCharCode(parseInt(code, 16)),
          ),
        'latin1',
      ).toString('utf8'),
    )
  const body = rest.join('\r\n\r\n')
  const text = /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /content-transfer-encoding:\s*quoted-printable/i.test(head)
      ? Buffer.from(
          body
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_hex, code: string) =>
              String.fromCharCode(parseInt(code, 16)),
            ),
          'latin1',
        ).toString('utf8')
      : body
  return { subject, text }
}

async function countImages(bytes: Uint8Array): Promise<{ count: number; widths: number[] }> {
  const document = await PDFDocument.load(bytes)
  const widths: number[] = []
  for (const page of document.getPages()) {
    const objects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict)
    for (const [, reference] of objects?.entries() ?? []) {
      const object = document.context.lookup(reference)
      if (
        object instanceof PDFRawStream &&
        object.dict.get(PDFName.of('Subtype'))?.toString() === '/Image'
      ) {
        widths.push(Number(object.dict.get(PDFName.of('Width'))?.toString()))
      }
    }
  }
  return { count: widths.length, widths }
}

describe('return label (pdf-lib + bwip-js) and return e-mail over SMTP', () => {
  const received: ReceivedMail[] = []
  let server: SMTPServer
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  let sender: ReturnType<typeof createSmtpNotificationSender>

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((address) => address.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.server.address() as AddressInfo).port
    sender = createSmtpNotificationSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Kedai Returns <returns@kedai.example>',
    })
    database = await createTestDatabase('sqlite')
    await loadTau2TestStore(database.handle)
  }, 60_000)

  afterAll(async () => {
    sender.close()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await database.dispose()
  })

  it('renders a PDF that parses back with the RMA, addresses and a barcode image when a label is rendered', async () => {
    const bytes = await createPdfReturnLabelRenderer().render({
      rmaNumber: 'RMA-2611340-1',
      orderNumber: '#W2611340',
      sender: { name: 'James Li', lines: ['1 Main St', 'Suite 2', 'Austin TX 73301', 'USA'] },
      recipient: defaultReturnAddress,
      items: ['6777246137'],
      instructions: 'Pack the items with this RMA number inside.',
      issuedAt: '2026-11-24T09:00:00.000Z',
    })
    const parsed = await pdfParse(Buffer.from(bytes))
    expect(parsed.numpages).toBe(1)
    expect(parsed.text).toContain('RMA-2611340-1')
    expect(parsed.text).toContain('James Li')
    expect(parsed.text).toContain('Kedai Returns Centre')
    const images = await countImages(bytes)
    expect(images.count).toBe(1)
    expect(images.widths[0]).toBeGreaterThan(100)
  })

  it('saves every label with a classic cross-reference table that older readers parse, whatever its content', async () => {
    const renderer = createPdfReturnLabelRenderer()
    for (let sequence = 1; sequence <= 12; sequence += 1) {
      const rmaNumber = `RMA-${String(2611340 + sequence * 7919)}-${String(sequence)}`
      const bytes = await renderer.render({
        rmaNumber,
        orderNumber: `#W${String(2611340 + sequence * 7919)}`,
        sender: {
          name: `Shopper ${String(sequence)}`,
          lines: [`${String(sequence)} Jalan Ampang`, '50450 Kuala Lumpur', 'Malaysia'],
        },
        recipient: defaultReturnAddress,
        items: Array.from({ length: (sequence % 4) + 1 }, (_, index) => String(6777246137 + index)),
        instructions: 'Pack the items with this RMA number inside.',
        issuedAt: new Date(Date.UTC(2026, 10, sequence, sequence, sequence * 3)).toISOString(),
      })
      const raw = Buffer.from(bytes).toString('latin1')
      expect(raw).not.toContain('/ObjStm')
      expect(raw).toMatch(/\nxref\n/)
      const parsed = await pdfParse(Buffer.from(bytes))
      expect(parsed.text).toContain(rmaNumber)
    }
  })

  it('e-mails the instructions with the label link in the shopper’s language when a return starts', async () => {
    const dependencies = createTestDependencies(database.handle.db)
    const customers = createCustomerService(dependencies)
    const orders = createOrderService(dependencies)
    const ava = await customers.findByHandle('ava_moore_2033')
    if (ava === undefined) throw new Error('τ² customer missing')
    await customers.setLocale(ava.id, 'zh-Hant')
    const renderer = createPdfReturnLabelRenderer()
    const workflow = {
      operations: createOrderOperations(dependencies),
      orders,
      customers,
      returns: createReturnService({
        ...dependencies,
        secret: 'a-test-secret-that-is-long-enough-to-sign',
      }),
      renderer,
      emailSender: sender,
      returnAddress: defaultReturnAddress,
      publicUrl: 'https://shop.example',
    }
    const started = await startReturn(workflow, {
      access: { kind: 'customer', customerId: ava.id },
      orderNumber: '#W4817420',
      items: ['6777246137', '4900661478'],
      paymentMethodReference: 'gift_card_8168843',
    })
    expect(started.ok).toBe(true)
    if (!started.ok) return
    expect(started.value.emailed).toBe(true)
    expect(started.value.returnRecord.rmaNumber).toBe('RMA-4817420-1')
    const mail = received.at(-1)
    expect(mail?.to).toEqual(['ava.moore6020@example.com'])
    const { subject, text } = decodeMail(mail?.raw ?? '')
    expect(subject).toBe('您的退貨 RMA-4817420-1（訂單 #W4817420）')
    expect(text).toContain('退貨步驟')
    expect(text).toContain(started.value.labelUrl)
    const pdf = await renderReturnLabel(
      workflow,
      started.value.returnRecord,
      new Date('2026-11-24T09:00:00.000Z'),
    )
    const parsed = await pdfParse(Buffer.from(pdf))
    expect(parsed.text).toContain('RMA-4817420-1')
    expect(parsed.text).toContain('Ava Moore')
    expect((await countImages(pdf)).count).toBe(1)
  })
})
