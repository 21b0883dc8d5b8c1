import { describe, expect, it } from 'vitest'
import { renderChargeFailed } from './charge-failed-template.ts'

const data = {
  orderNumber: '#K91234',
  customerName: 'Aina',
  amount: { amount: 2000, currency: 'MYR' },
  cardLastFour: '4242',
}

describe('renderChargeFailed', () => {
  it('names the order, the amount in ringgit and the card, and says how to pay, in English', () => {
    const message = renderChargeFailed(data, 'en')
    expect(message.subject).toBe('Payment needed for your Kedai order #K91234')
    expect(message.text).toMatch(
      /We could not charge the price difference of RM\s20\.00 for order #K91234 to your card ending 4242\./,
    )
    expect(message.text).toContain('chat with us to pay it another way')
    expect(message.sms).toMatch(/^Kedai: we could not charge RM\s20\.00 for order #K91234\./)
  })

  it('writes each shopper language in its own script, without a card when none is known', () => {
    const withoutCard = { ...data, cardLastFour: null }
    expect(renderChargeFailed(data, 'zh-Hant').text).toMatch(
      /訂單 #K91234 的差價 (MYR|RM)\s?20\.00（尾號 4242 的卡片）扣款未成功。/,
    )
    expect(renderChargeFailed(withoutCard, 'zh-Hans').text).toMatch(
      /订单 #K91234 的差价 (MYR|RM)\s?20\.00扣款未成功。/,
    )
    expect(renderChargeFailed(withoutCard, 'ms').subject).toBe(
      'Bayaran diperlukan untuk pesanan Kedai #K91234',
    )
    expect(renderChargeFailed(withoutCard, 'en').text).not.toContain('ending')
  })

  it('escapes names in the HTML part', () => {
    const message = renderChargeFailed({ ...data, customerName: '<b>Aina</b>' }, 'en')
    expect(message.html).toContain('Hi &#60;b&#62;Aina&#60;/b&#62;,')
    expect(message.html).not.toContain('<b>Aina')
  })
})
