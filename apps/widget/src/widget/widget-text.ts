import type { SupportedLocale } from '@kedai/contracts'

/** The widget's own words (the bot's words come translated from the server). */
export interface WidgetText {
  readonly openChat: string
  readonly closeChat: string
  readonly chatWith: string
  readonly placeholder: string
  readonly send: string
  readonly language: string
  readonly typing: string
  readonly agentAnswering: string
  /** Label of a person's message when the server sends no name. */
  readonly teamMember: string
  readonly assistant: string
  readonly you: string
  readonly sending: string
  readonly notSent: string
  readonly retry: string
  readonly offline: string
  readonly unreachable: string
  readonly cart: string
  readonly poweredBy: string
  readonly messages: string
  readonly suggestions: string
  readonly newShopper: string
  readonly products: string
  readonly previous: string
  readonly next: string
  readonly order: string
  readonly total: string
}

/** {@link WidgetText} in every supported locale. */
export const widgetText: Record<SupportedLocale, WidgetText> = {
  en: {
    openChat: 'Chat with us',
    closeChat: 'Close chat',
    chatWith: 'Chat with',
    placeholder: 'Type your message…',
    send: 'Send',
    language: 'Language',
    typing: 'typing',
    agentAnswering: 'A team member is answering',
    teamMember: 'Team member',
    assistant: 'Shopping assistant · replies instantly',
    you: 'You',
    sending: 'Sending…',
    notSent: 'Not sent.',
    retry: 'Retry',
    offline: 'Reconnecting…',
    unreachable: 'We can’t reach the store right now. Your messages will be sent when we’re back.',
    cart: 'Cart',
    poweredBy: 'Powered by Kedai',
    messages: 'Conversation',
    suggestions: 'Suggested replies',
    newShopper: 'New shopper',
    products: 'Products',
    previous: 'Previous',
    next: 'Next',
    order: 'Order',
    total: 'Total',
  },
  'zh-Hant': {
    openChat: '線上客服',
    closeChat: '關閉對話',
    chatWith: '與',
    placeholder: '輸入訊息…',
    send: '傳送',
    language: '語言',
    typing: '正在輸入',
    agentAnswering: '客服人員正在為您服務',
    teamMember: '客服人員',
    assistant: '購物小幫手 · 即時回覆',
    you: '您',
    sending: '傳送中…',
    notSent: '未能傳送。',
    retry: '重試',
    offline: '重新連線中…',
    unreachable: '暫時無法連線到商店，恢復連線後會自動傳送您的訊息。',
    cart: '購物車',
    poweredBy: '由 Kedai 提供',
    messages: '對話內容',
    suggestions: '建議回覆',
    newShopper: '新顧客',
    products: '商品',
    previous: '上一個',
    next: '下一個',
    order: '訂單',
    total: '總計',
  },
  'zh-Hans': {
    openChat: '在线客服',
    closeChat: '关闭对话',
    chatWith: '与',
    placeholder: '输入消息…',
    send: '发送',
    language: '语言',
    typing: '正在输入',
    agentAnswering: '客服人员正在为您服务',
    teamMember: '客服人员',
    assistant: '购物助手 · 即时回复',
    you: '您',
    sending: '发送中…',
    notSent: '未能发送。',
    retry: '重试',
    offline: '正在重新连接…',
    unreachable: '暂时无法连接到商店，恢复连接后会自动发送您的消息。',
    cart: '购物车',
    poweredBy: '由 Kedai 提供',
    messages: '对话内容',
    suggestions: '建议回复',
    newShopper: '新顾客',
    products: '商品',
    previous: '上一个',
    next: '下一个',
    order: '订单',
    total: '合计',
  },
  ms: {
    openChat: 'Sembang dengan kami',
    closeChat: 'Tutup sembang',
    chatWith: 'Sembang dengan',
    placeholder: 'Taip mesej anda…',
    send: 'Hantar',
    language: 'Bahasa',
    typing: 'sedang menaip',
    agentAnswering: 'Ahli pasukan kami sedang menjawab',
    teamMember: 'Ahli pasukan',
    assistant: 'Pembantu beli-belah · balas serta-merta',
    you: 'Anda',
    sending: 'Menghantar…',
    notSent: 'Tidak dihantar.',
    retry: 'Cuba lagi',
    offline: 'Menyambung semula…',
    unreachable:
      'Kedai tidak dapat dihubungi sekarang. Mesej anda akan dihantar apabila sambungan pulih.',
    cart: 'Troli',
    poweredBy: 'Dikuasakan oleh Kedai',
    messages: 'Perbualan',
    suggestions: 'Cadangan balasan',
    newShopper: 'Pembeli baharu',
    products: 'Produk',
    previous: 'Sebelumnya',
    next: 'Seterusnya',
    order: 'Pesanan',
    total: 'Jumlah',
  },
}
