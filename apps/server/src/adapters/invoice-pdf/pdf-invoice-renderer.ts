import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import type { InvoiceRenderer } from '../../domains/invoices/index.ts'
import { minorUnitDigits } from '../../shared/money.ts'

// The standard PDF fonts encode WinAnsi only; other characters would make pdf-lib throw.
function printable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
}

function formatAmount(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  const text = new Intl.NumberFormat('en-MY', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits)
  return printable(text.replace(/\u00a0/g, ' '))
}

function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeZone: 'Asia/Kuala_Lumpur',
  }).format(date)
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  let fitted = printable(text)
  if (font.widthOfTextAtSize(fitted, size) <= width) return fitted
  while (fitted.length > 1 && font.widthOfTextAtSize(`${fitted}...`, size) > width)
    fitted = fitted.slice(0, -1)
  return `${fitted.trimEnd()}...`
}

const pageSize: [number, number] = [595, 842]
const margin = 48
const columns = { description: margin, quantity: 330, unit: 430, amount: 547 }

/**
 * Renders an A4 invoice with pdf-lib: the store and the customer, invoice and order numbers and the
 * date, one row per line (description, quantity, unit price, amount), subtotal, discount, shipping,
 * tax and total, then the payment and any refunds. Text is printed in the standard Helvetica font.
 */
export function createPdfInvoiceRenderer(): InvoiceRenderer {
  return {
    async render(invoice) {
      const document = await PDFDocument.create()
      document.setTitle(`Invoice ${invoice.invoiceNumber}`)
      document.setSubject(`Invoice of order ${invoice.orderNumber}`)
      document.setAuthor(printable(invoice.seller.name))
      const issuedAt = new Date(invoice.issuedAt)
      if (!Number.isNaN(issuedAt.getTime())) {
        document.setCreationDate(issuedAt)
        document.setModificationDate(issuedAt)
      }
      const regular = await document.embedFont(StandardFonts.Helvetica)
      const bold = await document.embedFont(StandardFonts.HelveticaBold)
      const money = (amount: number) => formatAmount(amount, invoice.currency)
      let page: PDFPage = document.addPage(pageSize)
      let y = pageSize[1] - margin

      const write = (text: string, x: number, size: number, font: PDFFont = regular) =>
        page.drawText(printable(text), { x, y, size, font, color: rgb(0, 0, 0) })
      const writeRight = (text: string, right: number, size: number, font: PDFFont = regular) => {
        const shown = printable(text)
        page.drawText(shown, {
          x: right - font.widthOfTextAtSize(shown, size),
          y,
          size,
          font,
          color: rgb(0, 0, 0),
        })
      }
      const rule = () =>
        page.drawLine({
          start: { x: margin, y: y + 10 },
          end: { x: pageSize[0] - margin, y: y + 10 },
          thickness: 0.5,
          color: rgb(0.4, 0.4, 0.4),
        })
      const newLine = (height: number) => {
        y -= height
        if (y < margin + 40) {
          page = document.addPage(pageSize)
          y = pageSize[1] - margin
        }
      }

      write(invoice.seller.name, margin, 18, bold)
      writeRight('INVOICE', pageSize[0] - margin, 18, bold)
      newLine(18)
      for (const line of invoice.seller.lines.filter((text) => printable(text).length > 0)) {
        write(line, margin, 9)
        newLine(12)
      }
      newLine(10)
      const facts: [string, string][] = [
        ['Invoice number', invoice.invoiceNumber],
        ['Order number', invoice.orderNumber],
        ['Date', formatDate(invoice.issuedAt)],
      ]
      for (const [label, value] of facts) {
        write(`${label}:`, margin, 10, bold)
        write(value, margin + 100, 10)
        newLine(14)
      }
      newLine(8)
      write('Bill to:', margin, 10, bold)
      newLine(14)
      // Names and addresses in other scripts cannot be printed in Helvetica: they are left out.
      if (printable(invoice.billTo.name).length > 0) {
        write(invoice.billTo.name, margin, 10)
        newLine(13)
      }
      for (const line of invoice.billTo.lines.filter((text) => printable(text).length > 0)) {
        write(line, margin, 9)
        newLine(12)
      }
      newLine(16)

      write('Description', columns.description, 9, bold)
      writeRight('Qty', columns.quantity + 20, 9, bold)
      writeRight('Unit price', columns.unit + 40, 9, bold)
      writeRight('Amount', columns.amount, 9, bold)
      newLine(6)
      rule()
      newLine(10)
      for (const line of invoice.lines) {
        const description = line.description.length > 0 ? line.description : line.sku
        write(fit(description, regular, 9, columns.quantity - margin - 20), margin, 9)
        writeRight(String(line.quantity), columns.quantity + 20, 9)
        writeRight(money(line.unitAmount), columns.unit + 40, 9)
        writeRight(money(line.amount), columns.amount, 9)
        newLine(11)
        write(`SKU ${line.sku}`, margin, 7)
        newLine(14)
      }
      rule()
      newLine(6)

      const totals: [string, string][] = [['Subtotal', money(invoice.subtotalAmount)]]
      if (invoice.discountAmount > 0) totals.push(['Discount', `-${money(invoice.discountAmount)}`])
      totals.push(['Shipping', money(invoice.shippingAmount)])
      totals.push([invoice.taxIncluded ? 'Tax (included)' : 'Tax', money(invoice.taxAmount)])
      for (const [label, value] of totals) {
        writeRight(label, columns.unit + 40, 10)
        writeRight(value, columns.amount, 10)
        newLine(14)
      }
      writeRight('Total', columns.unit + 40, 11, bold)
      writeRight(money(invoice.totalAmount), columns.amount, 11, bold)
      newLine(26)

      for (const payment of invoice.payments) {
        const label =
          payment.kind === 'payment'
            ? `Paid with ${payment.method}`
            : `Refunded to ${payment.method} (${payment.status})`
        write(label, margin, 9)
        writeRight(
          payment.kind === 'payment' ? money(payment.amount) : `-${money(payment.amount)}`,
          columns.amount,
          9,
        )
        newLine(13)
      }
      newLine(14)
      write(`Thank you for shopping with ${invoice.seller.name}.`, margin, 9)
      // Classic cross-reference tables: older readers (pdf.js 1.x) fail on some object streams.
      return document.save({ useObjectStreams: false })
    },
  }
}
