import { describe, it, expect } from 'vitest'
import type { Locale } from '../../shared/locale.ts'
import { createEntityExtractor } from './extract-entities.ts'
import type { Entity, RecognitionContext } from './recognizer.ts'

const now = new Date('2026-11-24T09:00:00.000Z')
const extract = createEntityExtractor()

function values(
  text: string,
  type: Entity['type'],
  language: Locale = 'en',
  context?: RecognitionContext,
): string[] {
  return extract(text, language, context, now)
    .filter((entity) => entity.type === type)
    .map((entity) => entity.value)
}

describe('createEntityExtractor', () => {
  it('reads sizes when they are written in any of the four languages', () => {
    expect(values('do you have these in size 9?', 'size')).toEqual(['9'])
    expect(values('你們有 9 號的運動鞋嗎?', 'size', 'zh-Hant')).toEqual(['9'])
    expect(values('有没有42码的', 'size', 'zh-Hans')).toEqual(['42'])
    expect(values('ada saiz 9 tak', 'size', 'ms')).toEqual(['9'])
    expect(values('我要中碼', 'size', 'zh-Hant')).toEqual(['M'])
    expect(values('大码还有吗', 'size', 'zh-Hans')).toEqual(['L'])
    expect(values('ada yang besar?', 'size', 'ms')).toEqual(['L'])
    expect(values('in extra large please', 'size')).toEqual(['XL'])
  })

  it('maps colours to canonical English when written in any language', () => {
    expect(values('the black one', 'color')).toEqual(['black'])
    expect(values('我要黑色的', 'color', 'zh-Hant')).toEqual(['black'])
    expect(values('有藍色嗎', 'color', 'zh-Hant')).toEqual(['blue'])
    expect(values('有蓝色吗', 'color', 'zh-Hans')).toEqual(['blue'])
    expect(values('warna hitam ada?', 'color', 'ms')).toEqual(['black'])
    expect(values('merah jambu', 'color', 'ms')).toEqual(['pink'])
  })

  it('does not read a colour when a colour character is part of another word', () => {
    expect(values('我明白了', 'color', 'zh-Hans')).toEqual([])
  })

  it('reads quantities when written as digits or number words', () => {
    expect(values('add 2 to my cart', 'quantity')).toEqual(['2'])
    expect(values('i want two of them', 'quantity')).toEqual(['2'])
    expect(values('我要兩件', 'quantity', 'zh-Hant')).toEqual(['2'])
    expect(values('来两个', 'quantity', 'zh-Hans')).toEqual(['2'])
    expect(values('nak dua helai', 'quantity', 'ms')).toEqual(['2'])
    expect(values('3 red water bottles please', 'quantity')).toEqual(['3'])
  })

  it('reads Chinese numerals with tens and hundreds as whole quantities', () => {
    expect(values('我要二十件', 'quantity', 'zh-Hans')).toEqual(['20'])
    expect(values('十二件', 'quantity', 'zh-Hans')).toEqual(['12'])
    expect(values('买二十五个', 'quantity', 'zh-Hans')).toEqual(['25'])
    expect(values('訂兩百個', 'quantity', 'zh-Hant')).toEqual(['200'])
    expect(values('一百零五瓶', 'quantity', 'zh-Hans')).toEqual(['105'])
    expect(values('两百五个', 'quantity', 'zh-Hans')).toEqual(['250'])
    expect(values('三十双袜子', 'quantity', 'zh-Hans')).toEqual(['30'])
    expect(values('要十件', 'quantity', 'zh-Hans')).toEqual(['10'])
    expect(values('数量改成二十', 'quantity', 'zh-Hans')).toEqual(['20'])
    expect(values('二十', 'quantity', 'zh-Hans', { expectedSlot: 'quantity' })).toEqual(['20'])
  })

  it('reads no quantity when a Chinese numeral is not a number of items', () => {
    expect(values('第二个', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('第三件', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('第二十件半价吗', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('第 2 件半价', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('换另一个', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('另一個顏色有嗎', 'quantity', 'zh-Hant')).toEqual([])
    expect(values('要另外一件', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('这一件多少钱', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('两三件', 'quantity', 'zh-Hans')).toEqual([])
    expect(values('那两双', 'quantity', 'zh-Hans')).toEqual(['2'])
  })

  it('reads no colour when the colour word names a tier, a flavour or an event', () => {
    expect(values('I am a gold member', 'color')).toEqual([])
    expect(values('my gold membership points', 'color')).toEqual([])
    expect(values('silver card perks', 'color')).toEqual([])
    expect(values('white chocolate', 'color')).toEqual([])
    expect(values('black friday deals', 'color')).toEqual([])
    expect(values('black friday deals', 'date')).toEqual([])
    expect(values('ada kek coklat?', 'color', 'ms')).toEqual([])
    expect(values('saya ahli emas', 'color', 'ms')).toEqual([])
    expect(values('红包可以抵扣吗', 'color', 'zh-Hans')).toEqual([])
    expect(values('黑色星期五有折扣吗', 'color', 'zh-Hans')).toEqual([])
  })

  it('still reads the colour of a product next to such words', () => {
    expect(values('the gold one', 'color')).toEqual(['gold'])
    expect(values('a black card holder', 'color')).toEqual(['black'])
    expect(values('kasut coklat saiz 9', 'color', 'ms')).toEqual(['brown'])
    expect(values('红色包包', 'color', 'zh-Hans')).toEqual(['red'])
    expect(values('deliver on friday', 'date')).toEqual(['2026-11-27'])
  })

  it('reads no size label when a size word is comparative', () => {
    expect(values('saiz lagi besar ada?', 'size', 'ms')).toEqual([])
    expect(values('nak saiz yang lebih besar', 'size', 'ms')).toEqual([])
    expect(values('besar sikit boleh?', 'size', 'ms')).toEqual([])
    expect(values('有更大号的吗', 'size', 'zh-Hans')).toEqual([])
    expect(values('ada saiz besar lagi tak', 'size', 'ms')).toEqual(['L'])
    expect(values('大号的有吗', 'size', 'zh-Hans')).toEqual(['L'])
  })

  it('reads order ids when written with the store prefix or after the word order', () => {
    expect(values('where is #W2378156', 'order_id')).toEqual(['#W2378156'])
    expect(values('order W2378156 pls', 'order_id')).toEqual(['#W2378156'])
    expect(values('cancel order 113542617735902', 'order_id')).toEqual(['113542617735902'])
    expect(values('我的訂單 2378156 到哪了', 'order_id', 'zh-Hant')).toEqual(['2378156'])
    expect(values('pesanan #W2378156 saya', 'order_id', 'ms')).toEqual(['#W2378156'])
  })

  it('reads e-mails and phone numbers when given', () => {
    expect(values('mail me at siti.aminah@example.my', 'email')).toEqual(['siti.aminah@example.my'])
    expect(values('call me on 012-345 6789', 'phone')).toEqual(['012-345 6789'])
    expect(values('我的電話 +886 912 345 678', 'phone', 'zh-Hant')).toEqual(['+886 912 345 678'])
  })

  it('reads coupon codes in upper case when written in any language', () => {
    expect(values('can I use save10?', 'coupon_code')).toEqual([])
    expect(values('can I use code save10?', 'coupon_code')).toEqual(['SAVE10'])
    expect(values('apply SAVE10', 'coupon_code')).toEqual(['SAVE10'])
    expect(values('優惠碼 RAYA2026 可以用嗎', 'coupon_code', 'zh-Hant')).toEqual(['RAYA2026'])
    expect(values('boleh guna kod WELCOME5?', 'coupon_code', 'ms')).toEqual(['WELCOME5'])
  })

  it('does not take money, order ids or sizes for coupon codes', () => {
    expect(values('under RM100 and #W2378156 in XL', 'coupon_code')).toEqual([])
  })

  it('reads money with its currency when the currency is said', () => {
    expect(values('anything under RM100?', 'money')).toEqual(['100 MYR'])
    expect(values('預算 NT$500', 'money', 'zh-Hant')).toEqual(['500 TWD'])
    expect(values('below $50', 'money')).toEqual(['50 USD'])
    expect(values('about 50 dollars', 'money')).toEqual(['50 USD'])
    expect(values('bawah 200 ringgit', 'money', 'ms')).toEqual(['200 MYR'])
    expect(values('300元以内', 'money', 'zh-Hans')).toEqual(['300'])
  })

  it('reads dates as ISO dates when relative or absolute', () => {
    expect(values('can it arrive tomorrow', 'date')).toEqual(['2026-11-25'])
    expect(values('明天到得了嗎', 'date', 'zh-Hant')).toEqual(['2026-11-25'])
    expect(values('boleh sampai esok?', 'date', 'ms')).toEqual(['2026-11-25'])
    expect(values('delivered on 2026-12-01', 'date')).toEqual(['2026-12-01'])
    expect(values('12月3日前', 'date', 'zh-Hans')).toEqual(['2026-12-03'])
    expect(values('by 5 dec', 'date')).toEqual(['2026-12-05'])
  })

  it('reads payment methods when named in any language', () => {
    expect(values('can i pay with paypal', 'payment_method')).toEqual(['paypal'])
    expect(values('可以用信用卡嗎', 'payment_method', 'zh-Hant')).toEqual(['credit_card'])
    expect(values('boleh bayar guna kad debit', 'payment_method', 'ms')).toEqual(['debit_card'])
    expect(values('貨到付款可以嗎', 'payment_method', 'zh-Hant')).toEqual(['cash_on_delivery'])
  })

  it('resolves physical stores to store ids when named', () => {
    const entities = extract('is it in stock at the Mid Valley store?', 'en', undefined, now)
    const store = entities.find((entity) => entity.type === 'store')
    expect(store?.resolvedId).toBe('store-mid-valley')
  })

  it('finds product mentions when named in any of the four languages', () => {
    expect(values('show me sneakers', 'product')).toEqual(['sneakers'])
    expect(values('運動鞋', 'product', 'zh-Hant')).toEqual(['sneakers'])
    expect(values('运动鞋', 'product', 'zh-Hans')).toEqual(['sneakers'])
    expect(values('kasut sukan', 'product', 'ms')).toEqual(['sneakers'])
    expect(values('跑鞋', 'product', 'zh-Hant')).toEqual(['running shoes'])
    expect(values('kasut lari', 'product', 'ms')).toEqual(['running shoes'])
    expect(values('looking for a dress', 'product')).toEqual(['dress'])
    expect(values('洋裝', 'product', 'zh-Hant')).toEqual(['dress'])
    expect(values('连衣裙', 'product', 'zh-Hans')).toEqual(['dress'])
    expect(values('gaun', 'product', 'ms')).toEqual(['dress'])
    expect(values('any espresso machines?', 'product')).toEqual(['espresso machine'])
  })

  it('uses the catalog resolver when one is given', () => {
    const withCatalog = createEntityExtractor({
      mentionResolver: {
        findMentions: (text) => {
          const start = text.indexOf('Aurora')
          return start < 0
            ? []
            : [
                {
                  type: 'product',
                  value: 'Aurora Runner',
                  text: 'Aurora',
                  start,
                  end: start + 6,
                  resolvedId: 'prod_1',
                },
              ]
        },
      },
    })
    const product = withCatalog('do you have the Aurora in 9', 'en', undefined, now).find(
      (entity) => entity.type === 'product',
    )
    expect(product?.resolvedId).toBe('prod_1')
  })

  it('keeps working when the catalog resolver throws', () => {
    const failing = createEntityExtractor({
      mentionResolver: {
        findMentions: () => {
          throw new Error('search down')
        },
      },
    })
    expect(failing('black sneakers', 'en', undefined, now).map((entity) => entity.type)).toEqual([
      'color',
      'product',
    ])
  })

  it('reads a bare number as a size when the bot asked for a size', () => {
    expect(values('9', 'size', 'en', { expectedSlot: 'size' })).toEqual(['9'])
    expect(values('9', 'quantity', 'en', { expectedSlot: 'size' })).toEqual([])
  })

  it('reads a bare number as a quantity when the bot asked how many', () => {
    expect(values('9', 'quantity', 'en', { expectedSlot: 'quantity' })).toEqual(['9'])
    expect(values('9', 'size', 'en', { expectedSlot: 'quantity' })).toEqual([])
  })

  it('reads bare digits as an order id when the bot asked for the order number', () => {
    expect(values('2378156', 'order_id', 'en', { expectedSlot: 'order_id' })).toEqual(['2378156'])
  })

  it('resolves "the black one" to the product in focus when the conversation has one', () => {
    const entities = extract(
      'the black one',
      'en',
      { productInFocus: { productId: 'prod_42', name: 'Sneakers' } },
      now,
    )
    expect(entities.find((entity) => entity.type === 'color')?.value).toBe('black')
    expect(entities.find((entity) => entity.type === 'product')?.resolvedId).toBe('prod_42')
  })

  it('gives offsets that point at the written words', () => {
    const text = '你們有 9 號的運動鞋嗎?'
    for (const entity of extract(text, 'zh-Hant', undefined, now)) {
      expect(text.slice(entity.start, entity.end)).toBe(entity.text)
    }
  })
})
