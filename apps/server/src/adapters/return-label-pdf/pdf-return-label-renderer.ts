import bwipjs from 'bwip-js/node'
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib'
import type { ReturnLabel, ReturnLabelRenderer } from '../../domains/returns/index.ts'

// The standard PDF fonts encode WinAnsi only; other characters would make pdf-lib throw.
function printable(text: string): string {
  return text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '')
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of printable(text).split(/\s+/)) {
    const candidate = current.length === 0 ? word : `${current} ${word}`
    if (font.widthOfTextAtSize(candidate, size) > width && current.length > 0) {
      lines.push(current)
      current = word
    } else current = candidate
  }
  if (current.length > 0) lines.push(current)
  return lines
}

/**
 * Renders a 4×6 inch return label with pdf-lib: return and sender addresses, the RMA and order
 * numbers, a Code 128 barcode of the RMA number (drawn by bwip-js), the items and short instructions.
 */
export function createPdfReturnLabelRenderer(): ReturnLabelRenderer {
  return {
    async render(label: ReturnLabel) {
      const document = await PDFDocument.create()
      document.setTitle(`Return label ${label.rmaNumber}`)
      document.setSubject(`Return of order ${label.orderNumber}`)
      document.setCreationDate(new Date(label.issuedAt))
      document.setModificationDate(new Date(label.issuedAt))
      const page = document.addPage([288, 432])
      const regular = await document.embedFont(StandardFonts.Helvetica)
      const bold = await document.embedFont(StandardFonts.HelveticaBold)
      let y = 410
      const write = (text: string, size: number, font: PDFFont = regular) => {
        page.drawText(printable(text), { x: 16, y, size, font, color: rgb(0, 0, 0) })
        y -= size + 4
      }
      write('RETURN LABEL', 14, bold)
      write(`RMA: ${label.rmaNumber}`, 11, bold)
      write(`Order: ${label.orderNumber}`, 9)
      y -= 4
      write('SHIP TO (return address):', 8, bold)
      write(label.recipient.name, 10, bold)
      for (const line of label.recipient.lines) write(line, 9)
      y -= 4
      write('FROM:', 8, bold)
      write(label.sender.name, 9)
      for (const line of label.sender.lines) write(line, 8)
      const barcode = await bwipjs.toBuffer({
        bcid: 'code128',
        text: label.rmaNumber,
        scale: 3,
        height: 12,
        includetext: true,
        textxalign: 'center',
      })
      const image = await document.embedPng(barcode)
      const width = 256
      const height = (image.height / image.width) * width
      y -= height + 4
      page.drawImage(image, { x: 16, y, width, height })
      y -= 16
      write(`Items: ${label.items.join(', ')}`, 8)
      for (const line of wrap(label.instructions, regular, 8, 256)) write(line, 8)
      page.drawRectangle({
        x: 8,
        y: 8,
        width: 272,
        height: 416,
        borderColor: rgb(0, 0, 0),
        borderWidth: 1,
      })
      // Classic cross-reference tables, like the invoice: pdf.js 1.x (pdf-parse) fails on some
      // compressed object streams, and so do other older readers a shopper may open the label with.
      return document.save({ useObjectStreams: false })
    },
  }
}
