import { isLocale, type Locale } from '../../shared/locale.ts'

/** What the bot says around a hand-over, in every supported language. */
const catalog = {
  queued: {
    en: 'I have asked a colleague to help you. You are number {position} in the queue{wait}.',
    ms: 'Saya telah meminta rakan sekerja untuk membantu anda. Anda nombor {position} dalam giliran{wait}.',
    'zh-Hant': '我已請同事協助您。您目前排在第 {position} 位{wait}。',
    'zh-Hans': '我已请同事协助您。您目前排在第 {position} 位{wait}。',
  },
  waitMinutes: {
    en: ' — the wait is about {minutes} min',
    ms: ' — anggaran menunggu kira-kira {minutes} minit',
    'zh-Hant': '，預計等候約 {minutes} 分鐘',
    'zh-Hans': '，预计等候约 {minutes} 分钟',
  },
  waitUnknown: {
    en: ' — I cannot estimate the wait yet',
    ms: ' — saya belum dapat menganggarkan masa menunggu',
    'zh-Hant': '，目前無法估計等候時間',
    'zh-Hans': '，目前无法估计等候时间',
  },
  closed: {
    en: 'Our team is not available right now. Leave your e-mail or phone number here and we will get back to you.',
    ms: 'Pasukan kami tidak tersedia sekarang. Tinggalkan e-mel atau nombor telefon anda di sini dan kami akan menghubungi anda.',
    'zh-Hant': '我們的團隊目前無法接聽。請在此留下您的電郵或電話號碼，我們會盡快回覆您。',
    'zh-Hans': '我们的团队目前无法接听。请在此留下您的电邮或电话号码，我们会尽快回复您。',
  },
  contactSaved: {
    en: 'Thank you. We will contact you at {contact}.',
    ms: 'Terima kasih. Kami akan menghubungi anda di {contact}.',
    'zh-Hant': '謝謝。我們會透過 {contact} 聯絡您。',
    'zh-Hans': '谢谢。我们会通过 {contact} 联系您。',
  },
  joined: {
    en: '{name} ({team}) joined the conversation.',
    ms: '{name} ({team}) telah menyertai perbualan.',
    'zh-Hant': '{name}（{team}）已加入對話。',
    'zh-Hans': '{name}（{team}）已加入对话。',
  },
  transferred: {
    en: 'Let me find another colleague for you.',
    ms: 'Biar saya cari rakan sekerja lain untuk anda.',
    'zh-Hant': '讓我為您轉介另一位同事。',
    'zh-Hans': '让我为您转介另一位同事。',
  },
  resolved: {
    en: '{name} has marked your request as resolved{note}. Is there anything else I can help you with?',
    ms: '{name} telah menandakan permintaan anda sebagai selesai{note}. Ada apa-apa lagi yang boleh saya bantu?',
    'zh-Hant': '{name} 已將您的請求標記為已解決{note}。還有什麼我可以幫忙的嗎？',
    'zh-Hans': '{name} 已将您的请求标记为已解决{note}。还有什么我可以帮忙的吗？',
  },
  ratingQuestion: {
    en: 'How would you rate the help you got? (1 = poor, 5 = excellent)',
    ms: 'Bagaimana anda menilai bantuan yang diterima? (1 = lemah, 5 = cemerlang)',
    'zh-Hant': '您會如何評價這次的協助？（1 = 很差，5 = 非常好）',
    'zh-Hans': '您会如何评价这次的协助？（1 = 很差，5 = 非常好）',
  },
  ratingThanks: {
    en: 'Thank you for your rating! If you like, tell us in a few words how it went.',
    ms: 'Terima kasih atas penilaian anda! Jika mahu, ceritakan sedikit pengalaman anda.',
    'zh-Hant': '感謝您的評分！如您願意，可以簡單告訴我們這次的體驗。',
    'zh-Hans': '感谢您的评分！如您愿意，可以简单告诉我们这次的体验。',
  },
  commentThanks: {
    en: 'Thank you, we have passed that on to the team.',
    ms: 'Terima kasih, kami telah menyampaikannya kepada pasukan.',
    'zh-Hant': '謝謝，我們已轉告團隊。',
    'zh-Hans': '谢谢，我们已转告团队。',
  },
  discount: {
    en: 'Good news: {name} approved a special discount for you. Use the code {code} at checkout ({percent}% off, one use, valid until {until}).',
    ms: 'Berita baik: {name} telah meluluskan diskaun istimewa untuk anda. Gunakan kod {code} semasa pembayaran ({percent}% diskaun, sekali guna, sah sehingga {until}).',
    'zh-Hant':
      '好消息：{name} 為您批准了特別折扣。結帳時請使用代碼 {code}（{percent}% 折扣，限用一次，有效至 {until}）。',
    'zh-Hans':
      '好消息：{name} 为您批准了特别折扣。结账时请使用代码 {code}（{percent}% 折扣，限用一次，有效至 {until}）。',
  },
} as const satisfies Record<string, Record<Locale, string>>

/** Keys of the hand-over message catalog. */
export type HandOffMessageKey = keyof typeof catalog

/** The message `key` in `language` (English for an unknown language) with `{placeholders}` filled. */
export function renderHandOffMessage(
  key: HandOffMessageKey,
  language: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const locale: Locale = isLocale(language) ? language : 'en'
  return catalog[key][locale].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  )
}
