import type { SupportedLocale } from '@kedai/contracts'

/** The storefront's own words in each language. */
export interface StorefrontText {
  readonly search: string
  readonly searchPlaceholder: string
  readonly shop: string
  readonly cart: string
  readonly heroTitle: string
  readonly heroText: string
  readonly results: (count: number) => string
  readonly noResults: string
  readonly priceFrom: (price: string) => string
  readonly inStock: string
  readonly soldOut: string
  readonly addToCart: string
  readonly added: string
  readonly quantity: string
  readonly availability: string
  readonly online: string
  readonly units: (count: number) => string
  readonly unavailable: string
  readonly emptyCart: string
  readonly continueShopping: string
  readonly subtotal: string
  readonly remove: string
  readonly checkoutInChat: string
  readonly checkoutHint: string
  /** What the checkout button says to the assistant on the shopper's behalf. */
  readonly checkoutMessage: string
  readonly notFound: string
  readonly loading: string
  readonly problem: string
  readonly language: string
  readonly chooseOptions: string
}

/** {@link StorefrontText} per locale. */
export const storefrontText: Record<SupportedLocale, StorefrontText> = {
  en: {
    search: 'Search',
    searchPlaceholder: 'Search sneakers, jackets, headphones…',
    shop: 'Shop',
    cart: 'Cart',
    heroTitle: 'Everything for every day',
    heroText:
      'Free delivery over RM 150 · Pick up today at Mid Valley, Gurney Plaza or Xinyi · Ask our assistant anything',
    results: (count) => `${count} products`,
    noResults: 'Nothing matches that search. Try another word, or ask our assistant.',
    priceFrom: (price) => `from ${price}`,
    inStock: 'In stock',
    soldOut: 'Sold out',
    addToCart: 'Add to cart',
    added: 'Added to cart',
    quantity: 'Quantity',
    availability: 'Availability',
    online: 'Online',
    units: (count) => (count === 1 ? '1 left' : `${count} in stock`),
    unavailable: 'Not available',
    emptyCart: 'Your cart is empty.',
    continueShopping: 'Continue shopping',
    subtotal: 'Subtotal',
    remove: 'Remove',
    checkoutInChat: 'Check out with our assistant',
    checkoutHint: 'Our assistant confirms your address and payment in the chat.',
    checkoutMessage: 'I would like to check out my cart',
    notFound: 'We could not find that product.',
    loading: 'Loading…',
    problem: 'Something went wrong. Please try again.',
    language: 'Language',
    chooseOptions: 'Choose the options to see availability.',
  },
  'zh-Hant': {
    search: '搜尋',
    searchPlaceholder: '搜尋休閒鞋、外套、耳機…',
    shop: '商店',
    cart: '購物車',
    heroTitle: '日常所需，一站購足',
    heroText: '滿 RM 150 免運 · 谷中城、Gurney Plaza、信義門市當日取貨 · 有問題隨時問小幫手',
    results: (count) => `共 ${count} 件商品`,
    noResults: '找不到符合的商品，換個關鍵字，或問問購物小幫手。',
    priceFrom: (price) => `${price} 起`,
    inStock: '有現貨',
    soldOut: '已售完',
    addToCart: '加入購物車',
    added: '已加入購物車',
    quantity: '數量',
    availability: '庫存狀況',
    online: '網路商店',
    units: (count) => `尚有 ${count} 件`,
    unavailable: '無庫存',
    emptyCart: '購物車是空的。',
    continueShopping: '繼續購物',
    subtotal: '小計',
    remove: '移除',
    checkoutInChat: '由購物小幫手協助結帳',
    checkoutHint: '小幫手會在對話中確認地址和付款方式。',
    checkoutMessage: '我想結帳',
    notFound: '找不到這件商品。',
    loading: '載入中…',
    problem: '發生問題，請再試一次。',
    language: '語言',
    chooseOptions: '請選擇規格以查看庫存。',
  },
  'zh-Hans': {
    search: '搜索',
    searchPlaceholder: '搜索休闲鞋、外套、耳机…',
    shop: '商店',
    cart: '购物车',
    heroTitle: '日常所需，一站购齐',
    heroText: '满 RM 150 包邮 · 谷中城、Gurney Plaza、信义门店当日自提 · 有问题随时问购物助手',
    results: (count) => `共 ${count} 件商品`,
    noResults: '没有找到相关商品，换个关键词，或问问购物助手。',
    priceFrom: (price) => `${price} 起`,
    inStock: '有货',
    soldOut: '已售罄',
    addToCart: '加入购物车',
    added: '已加入购物车',
    quantity: '数量',
    availability: '库存情况',
    online: '网店',
    units: (count) => `剩 ${count} 件`,
    unavailable: '无货',
    emptyCart: '购物车是空的。',
    continueShopping: '继续购物',
    subtotal: '小计',
    remove: '删除',
    checkoutInChat: '由购物助手协助结账',
    checkoutHint: '购物助手会在对话中确认地址和付款方式。',
    checkoutMessage: '我想结账',
    notFound: '找不到这件商品。',
    loading: '加载中…',
    problem: '出了点问题，请再试一次。',
    language: '语言',
    chooseOptions: '请选择规格以查看库存。',
  },
  ms: {
    search: 'Cari',
    searchPlaceholder: 'Cari kasut sneaker, jaket, fon kepala…',
    shop: 'Kedai',
    cart: 'Troli',
    heroTitle: 'Semua keperluan harian anda',
    heroText:
      'Penghantaran percuma melebihi RM 150 · Ambil hari ini di Mid Valley, Gurney Plaza atau Xinyi · Tanya pembantu kami apa sahaja',
    results: (count) => `${count} produk`,
    noResults: 'Tiada produk sepadan. Cuba perkataan lain, atau tanya pembantu kami.',
    priceFrom: (price) => `dari ${price}`,
    inStock: 'Ada stok',
    soldOut: 'Habis dijual',
    addToCart: 'Tambah ke troli',
    added: 'Ditambah ke troli',
    quantity: 'Kuantiti',
    availability: 'Ketersediaan',
    online: 'Dalam talian',
    units: (count) => `${count} dalam stok`,
    unavailable: 'Tiada stok',
    emptyCart: 'Troli anda kosong.',
    continueShopping: 'Teruskan membeli-belah',
    subtotal: 'Jumlah kecil',
    remove: 'Buang',
    checkoutInChat: 'Bayar dengan pembantu kami',
    checkoutHint: 'Pembantu kami mengesahkan alamat dan pembayaran anda dalam sembang.',
    checkoutMessage: 'Saya mahu bayar untuk troli saya',
    notFound: 'Produk itu tidak dijumpai.',
    loading: 'Memuatkan…',
    problem: 'Ada masalah. Sila cuba lagi.',
    language: 'Bahasa',
    chooseOptions: 'Pilih pilihan untuk melihat ketersediaan.',
  },
}
