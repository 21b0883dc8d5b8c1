import { describe, it, expect } from 'vitest'
import { detectLanguage } from './detect-language.ts'

describe('detectLanguage', () => {
  it('reads English when the message is plain English', () => {
    expect(detectLanguage('where is my order?')).toBe('en')
    expect(detectLanguage('do you have these sneakers in size 9')).toBe('en')
  })

  it('reads Traditional Chinese when the characters are Traditional', () => {
    expect(detectLanguage('你們有 9 號的運動鞋嗎?')).toBe('zh-Hant')
    expect(detectLanguage('我的訂單在哪裡')).toBe('zh-Hant')
  })

  it('reads Simplified Chinese when the characters are Simplified', () => {
    expect(detectLanguage('你们有9码的运动鞋吗')).toBe('zh-Hans')
    expect(detectLanguage('我的订单在哪里')).toBe('zh-Hans')
  })

  it('keeps the previous Chinese script when the characters are shared by both', () => {
    expect(detectLanguage('你好', 'zh-Hant')).toBe('zh-Hant')
    expect(detectLanguage('你好', 'zh-Hans')).toBe('zh-Hans')
  })

  it('reads Malay when the message is Malay', () => {
    expect(detectLanguage('di mana pesanan saya')).toBe('ms')
    expect(detectLanguage('ada tak gaun ini dalam saiz lain')).toBe('ms')
  })

  it('reads Malaysian code-switching as Malay when Malay particles carry the sentence', () => {
    expect(detectLanguage('boleh track my order tak')).toBe('ms')
    expect(detectLanguage('saya nak cancel order')).toBe('ms')
  })

  it('reads Indonesian as Malay when the message is Indonesian', () => {
    expect(detectLanguage('apakah besok akan hujan')).toBe('ms')
    expect(detectLanguage('gimana cara bikin akun baru?')).toBe('ms')
  })

  it('reads Chinese when a Chinese sentence borrows an English word', () => {
    expect(detectLanguage('我想 check 一下訂單')).toBe('zh-Hant')
  })

  it('keeps the conversation language when the message gives no evidence', () => {
    expect(detectLanguage('9', 'ms')).toBe('ms')
    expect(detectLanguage('ok', 'zh-Hans')).toBe('zh-Hans')
    expect(detectLanguage('👍', 'ms')).toBe('ms')
  })

  it('switches language when the shopper switches', () => {
    expect(detectLanguage('where is my parcel', 'ms')).toBe('en')
  })
})
