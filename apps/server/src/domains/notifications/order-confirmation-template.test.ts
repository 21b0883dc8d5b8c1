import { describe, expect, it } from 'vitest'
import { renderOrderConfirmation } from './order-confirmation-template.ts'

const data = {
  orderNumber: '#W2378156',
  customerName: 'Aina',
  items: [{ name: 'Sport Socks', quantity: 3, unitPrice: { amount: 2990, currency: 'MYR' } }],
  total: { amount: 8970, currency: 'MYR' },
  deliveryEstimate: { earliestDate: '2026-11-26', latestDate: '2026-11-30' },
  trackingUrl: null,
}

describe('renderOrderConfirmation', () => {
  it('writes the order number, items, total in ringgit and the delivery window in English', () => {
    const message = renderOrderConfirmation(data, 'en')
    expect(message.subject).toBe('Your Kedai order #W2378156 is confirmed')
    expect(message.text).toMatch(/3 × Sport Socks — RM\s29\.90/)
    expect(message.text).toMatch(/Total: RM\s89\.70/)
    expect(message.text).toContain('Estimated delivery: 26 November – 30 November')
    expect(message.text).toContain('We will send the tracking link as soon as your parcel ships.')
  })

  it('writes Malay when the customer reads Malay', () => {
    const message = renderOrderConfirmation(
      { ...data, trackingUrl: 'https://track.kedai.example/dhl/1' },
      'ms',
    )
    expect(message.subject).toBe('Pesanan Kedai #W2378156 anda telah disahkan')
    expect(message.text).toContain('Jejak bungkusan anda: https://track.kedai.example/dhl/1')
    expect(message.sms).toMatch(
      /^Kedai: pesanan #W2378156 disahkan, jumlah RM\s89\.70\. Tiba 26 November–30 November\./,
    )
  })

  it('escapes names in the HTML part', () => {
    const message = renderOrderConfirmation({ ...data, customerName: '<b>Aina</b>' }, 'en')
    expect(message.html).toContain('Hi &#60;b&#62;Aina&#60;/b&#62;,')
    expect(message.html).not.toContain('<b>Aina')
  })
})
