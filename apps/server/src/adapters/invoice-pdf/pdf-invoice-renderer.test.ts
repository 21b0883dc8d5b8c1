import { createRequire } from 'node:module'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomerService } from '../../domains/customers/index.ts'
import { createOrderService } from '../../domains/orders/index.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createTestDependencies, loadTau2TestStore } from '../../testing/tau2-test-store.ts'
import { buildOrderInvoice, renderOrderInvoice } from '../../workflows/issue-invoice/index.ts'
import { createPdfInvoiceRenderer } from './pdf-invoice-renderer.ts'

// pdf-parse 1.1's entry file runs a self-test when imported directly; its library file does not.
const pdfParse = createRequire(import.meta.url)('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>

const seller = { name: 'Kedai Demo', lines: ['help@kedai.example'] }

describe('invoice PDF (pdf-lib)', () => {
  it('prints the store, numbers, date, lines, tax, shipping and total so they parse back', async () => {
    const bytes = await createPdfInvoiceRenderer().render({
      invoiceNumber: 'INV-KAB12CD34EF',
      orderNumber: '#KAB12CD34EF',
      issuedAt: '2026-11-24T09:00:00.000Z',
      currency: 'MYR',
      seller,
      billTo: {
        name: 'Mei Lin',
        lines: ['mei@example.com', '12 Jalan Ampang', '50450 Kuala Lumpur', 'MY'],
      },
      lines: [
        {
          description: 'Urban Sneakers (9, black)',
          sku: 'SNK-9-BLK',
          quantity: 2,
          unitAmount: 25_900,
          amount: 51_800,
        },
        {
          description: 'Sport Socks (3 pairs)',
          sku: 'SOCK-3',
          quantity: 1,
          unitAmount: 2_900,
          amount: 2_900,
        },
      ],
      subtotalAmount: 54_700,
      discountAmount: 5_470,
      shippingAmount: 800,
      taxAmount: 2_954,
      taxIncluded: false,
      totalAmount: 52_984,
      payments: [{ kind: 'payment', method: 'card', amount: 52_984, status: 'succeeded' }],
    })
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-')
    const parsed = await pdfParse(Buffer.from(bytes))
    expect(parsed.numpages).toBe(1)
    for (const text of [
      'Kedai Demo',
      'INVOICE',
      'INV-KAB12CD34EF',
      '#KAB12CD34EF',
      '24 November 2026',
      'Mei Lin',
      '12 Jalan Ampang',
      'Urban Sneakers (9, black)',
      'SKU SNK-9-BLK',
      'RM 518.00',
      'Sport Socks (3 pairs)',
      'Subtotal',
      'RM 547.00',
      'Discount',
      '-RM 54.70',
      'Shipping',
      'RM 8.00',
      'Tax',
      'RM 29.54',
      'Total',
      'RM 529.84',
      'Paid with card',
    ])
      expect(parsed.text).toContain(text)
    expect(parsed.text).not.toContain('Tax (included)')
    const document = await PDFDocument.load(bytes)
    expect(document.getTitle()).toBe('Invoice INV-KAB12CD34EF')
  })

  it('leaves out text it cannot print and continues on a new page when the lines run long', async () => {
    const line = {
      description: '運動襪 Sport Socks',
      sku: 'SOCK-3',
      quantity: 1,
      unitAmount: 2_900,
      amount: 2_900,
    }
    const bytes = await createPdfInvoiceRenderer().render({
      invoiceNumber: 'INV-K1',
      orderNumber: '#K1',
      issuedAt: '2026-11-24T09:00:00.000Z',
      currency: 'MYR',
      seller,
      billTo: { name: '林美美', lines: ['信義路五段', '110 台北'] },
      lines: Array.from({ length: 40 }, () => line),
      subtotalAmount: 116_000,
      discountAmount: 0,
      shippingAmount: 0,
      taxAmount: 6_566,
      taxIncluded: true,
      totalAmount: 116_000,
      payments: [],
    })
    const parsed = await pdfParse(Buffer.from(bytes))
    expect(parsed.numpages).toBeGreaterThan(1)
    expect(parsed.text).toContain('Sport Socks')
    expect(parsed.text).toContain('110')
    expect(parsed.text).toContain('Tax (included)')
    expect(parsed.text).toContain('RM 1,160.00')
  })
})

describe('invoice of a stored order (issue-invoice workflow)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await loadTau2TestStore(database.handle)
  }, 60_000)
  afterAll(async () => {
    await database.dispose()
  })

  it('renders the order’s lines with English product names, its total and its payment', async () => {
    const dependencies = createTestDependencies(database.handle.db)
    const orders = createOrderService(dependencies)
    const customers = createCustomerService(dependencies)
    const order = await orders.getOrderByNumber('#W4817420')
    if (order === undefined) throw new Error('τ² order missing')
    const invoice = await buildOrderInvoice({ orders, customers, seller }, order)
    expect(invoice.invoiceNumber).toBe('INV-W4817420')
    expect(invoice.billTo.name).toBe('Ava Moore')
    expect(invoice.lines).toHaveLength(order.items.length)
    expect(invoice.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(order.subtotalAmount)
    const bytes = await renderOrderInvoice(
      { orders, customers, seller, renderer: createPdfInvoiceRenderer() },
      order,
    )
    const parsed = await pdfParse(Buffer.from(bytes))
    expect(parsed.text).toContain('INV-W4817420')
    expect(parsed.text).toContain('Ava Moore')
    expect(parsed.text).toContain(order.items[0]?.sku ?? 'missing')
    expect(parsed.text).toContain(invoice.lines[0]?.description.slice(0, 12) ?? 'missing')
    expect(parsed.text).toContain('Paid with gift card 8168843')
  })
})
