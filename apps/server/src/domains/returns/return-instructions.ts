import { pickText, type Locale, type LocalizedText } from '../../shared/locale.ts'

/** The pieces of a return's instructions filled into each locale's text. */
export interface ReturnInstructionValues {
  readonly rmaNumber: string
  readonly orderNumber: string
  readonly items: readonly string[]
  readonly labelUrl: string
  readonly expiresAt: string
}

const subjects: LocalizedText = {
  en: 'Your return {rma} for order {order}',
  'zh-Hant': '您的退貨 {rma}（訂單 {order}）',
  'zh-Hans': '您的退货 {rma}（订单 {order}）',
  ms: 'Pemulangan anda {rma} untuk pesanan {order}',
}

const bodies: LocalizedText = {
  en: 'We have received your return request {rma} for order {order}.\n\nItems to return:\n{items}\n\nHow to return them:\n1. Print your return label: {link} (the link works until {expires}).\n2. Pack the items securely, with the RMA number {rma} inside the parcel.\n3. Stick the label on the parcel and drop it at any post office or courier point.\n\nYour refund is issued once we receive and check the items.',
  'zh-Hant':
    '我們已收到您訂單 {order} 的退貨申請 {rma}。\n\n要退回的商品：\n{items}\n\n退貨步驟：\n1. 列印退貨標籤：{link}（連結有效至 {expires}）。\n2. 妥善包裝商品，並在包裹內附上退貨授權號碼 {rma}。\n3. 將標籤貼在包裹上，送到任何郵局或快遞點。\n\n我們收到並檢查商品後會為您退款。',
  'zh-Hans':
    '我们已收到您订单 {order} 的退货申请 {rma}。\n\n要退回的商品：\n{items}\n\n退货步骤：\n1. 打印退货标签：{link}（链接有效至 {expires}）。\n2. 妥善包装商品，并在包裹内附上退货授权号码 {rma}。\n3. 将标签贴在包裹上，送到任何邮局或快递点。\n\n我们收到并检查商品后会为您退款。',
  ms: 'Kami telah menerima permintaan pemulangan {rma} untuk pesanan {order}.\n\nBarang untuk dipulangkan:\n{items}\n\nCara memulangkan:\n1. Cetak label pemulangan anda: {link} (pautan sah sehingga {expires}).\n2. Bungkus barang dengan selamat, bersama nombor RMA {rma} di dalam bungkusan.\n3. Lekatkan label pada bungkusan dan hantar ke mana-mana pejabat pos atau kaunter kurier.\n\nBayaran balik dibuat selepas kami menerima dan memeriksa barang.',
}

/** Short instructions printed on the label itself (Latin script only: the label uses a standard PDF font). */
export const labelInstructions: LocalizedText = {
  en: 'Pack the items with this RMA number inside. Stick this label on the parcel and drop it at any post office.',
  ms: 'Bungkus barang bersama nombor RMA ini. Lekatkan label ini pada bungkusan dan hantar ke mana-mana pejabat pos.',
}

function fill(template: string, values: ReturnInstructionValues): string {
  return template
    .replaceAll('{rma}', values.rmaNumber)
    .replaceAll('{order}', values.orderNumber)
    .replaceAll('{items}', values.items.map((item) => `- ${item}`).join('\n'))
    .replaceAll('{link}', values.labelUrl)
    .replaceAll('{expires}', values.expiresAt.slice(0, 10))
}

/** The return e-mail's subject and text in the shopper's locale (English when not translated). */
export function renderReturnInstructions(
  locale: Locale,
  values: ReturnInstructionValues,
): { subject: string; text: string } {
  return {
    subject: fill(pickText(subjects, locale), values),
    text: fill(pickText(bodies, locale), values),
  }
}
