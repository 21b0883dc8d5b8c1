/** Colour words in English, Chinese (both scripts) and Malay, mapped to canonical English names. */
export const colorNames: Readonly<Record<string, readonly string[]>> = {
  black: ['black', 'blk', '黑色', '黑', 'hitam', 'itam'],
  white: ['white', 'wht', '白色', '白', 'putih'],
  red: ['red', '紅色', '红色', '紅', '红', 'merah'],
  blue: ['blue', '藍色', '蓝色', '藍', '蓝', 'biru'],
  navy: [
    'navy',
    'navy blue',
    'dark blue',
    '海軍藍',
    '海军蓝',
    '深藍色',
    '深蓝色',
    '深藍',
    '深蓝',
    '藏青色',
    'biru gelap',
    'biru tua',
    'biru laut',
  ],
  green: ['green', '綠色', '绿色', '綠', '绿', 'hijau'],
  yellow: ['yellow', '黃色', '黄色', '黃', '黄', 'kuning'],
  pink: ['pink', '粉紅色', '粉红色', '粉紅', '粉红', '粉色', 'merah jambu', 'merah muda'],
  purple: ['purple', 'violet', '紫色', '紫', 'ungu'],
  orange: ['orange', '橙色', '橘色', '橙', 'oren', 'jingga', 'oranye'],
  grey: ['grey', 'gray', '灰色', '灰', 'kelabu', 'abu-abu', 'abu'],
  'space grey': ['space grey', 'space gray', '太空灰'],
  brown: ['brown', '棕色', '咖啡色', '啡色', '褐色', 'coklat', 'cokelat', 'perang'],
  beige: ['beige', 'cream', '米色', '米白色', '奶茶色', 'krim', 'kuning air'],
  'rose gold': ['rose gold', '玫瑰金', 'emas mawar'],
  gold: ['gold', 'golden', '金色', 'emas', 'keemasan'],
  silver: ['silver', '銀色', '银色', 'perak'],
}

/**
 * Words that, right after a colour word, make it part of a name for something that is not a
 * product's colour: a membership tier or card (`gold member`), a flavour or drink (`white
 * chocolate`, `green tea`), an event (`black friday`). English puts the modifier first.
 */
export const nonColorHeadsAfter: readonly string[] = [
  'member',
  'members',
  'membership',
  'card',
  'cards',
  'tier',
  'level',
  'status',
  'plan',
  'account',
  'friday',
  'chocolate',
  'juice',
  'wine',
  'tea',
  'coffee',
]

/**
 * Malay head nouns that, right before a colour word, make it a flavour or a tier rather than a
 * colour (`kek coklat` chocolate cake, `ahli emas` gold member). Malay puts the head noun first;
 * clothing nouns (`kasut coklat`, brown shoes) are not listed, so their colour still counts.
 */
export const nonColorHeadsBefore: readonly string[] = [
  'kek',
  'susu',
  'air',
  'minuman',
  'teh',
  'kopi',
  'jus',
  'aiskrim',
  'ais krim',
  'biskut',
  'roti',
  'ahli',
  'keahlian',
  'kad',
  'tahap',
  'member',
]

/** Chinese words that start with a colour character but name no colour (red packet, Black Friday). */
export const nonColorChineseWords: readonly string[] = ['紅包', '红包', '黑色星期五']

/**
 * Comparative words right before a size word that make it relative (`saiz lagi besar`, a bigger
 * size; `更大號`) rather than the size L or S. English says `bigger`, which is no size word.
 */
export const sizeComparativesBefore: readonly string[] = [
  'lagi',
  'lebih',
  'paling',
  'makin',
  'semakin',
  'agak',
  '更',
  '再',
  '比較',
  '比较',
]

/**
 * Malay words right after a size word that make it relative (`besar sikit`, a bit bigger). Not
 * `lagi`: `ada saiz besar lagi?` asks whether size L is still there.
 */
export const sizeComparativesAfter: readonly string[] = ['sikit', 'sedikit', 'skit']

/** Spoken size words mapped to size labels, in every language. */
export const sizeWords: Readonly<Record<string, readonly string[]>> = {
  XS: ['extra small', 'x-small', 'xs', '特小碼', '特小码', '特小號', '特小号', 'sangat kecil'],
  S: ['small', 's size', '小碼', '小码', '小號', '小号', 'saiz kecil', 'kecil'],
  M: ['medium', 'm size', '中碼', '中码', '中號', '中号', 'saiz sederhana', 'sederhana', 'saiz m'],
  L: ['large', 'l size', '大碼', '大码', '大號', '大号', 'saiz besar', 'besar'],
  XL: [
    'extra large',
    'x-large',
    'xl',
    '加大碼',
    '加大码',
    '特大碼',
    '特大码',
    '加大號',
    '加大号',
    'sangat besar',
  ],
  XXL: ['xxl', '2xl', 'double xl', '加加大', '特特大'],
}

/**
 * Chinese numeral characters: digits (`两`/`兩` is 2 before a measure word) and the place units
 * 十, 百, 千, read together by `parseChineseNumber`.
 */
export const chineseNumeralDigits: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** Chinese place units, see {@link chineseNumeralDigits}. */
export const chineseNumeralUnits: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/** Number words (up to twelve) in English and Malay; Chinese numerals are parsed instead. */
export const numberWords: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  lapan: 8,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  'dua belas': 12,
}

/** Payment-method names, mapped to the contract's payment-method values. */
export const paymentMethodNames: Readonly<Record<string, readonly string[]>> = {
  credit_card: [
    'credit card',
    'credit cards',
    'visa',
    'mastercard',
    'amex',
    'american express',
    '信用卡',
    'kad kredit',
    'kartu kredit',
  ],
  debit_card: [
    'debit card',
    'debit cards',
    '扣賬卡',
    '扣账卡',
    '金融卡',
    '簽帳金融卡',
    '借記卡',
    '借记卡',
    'kad debit',
    'kartu debit',
  ],
  paypal: ['paypal', 'pay pal'],
  gift_card: [
    'gift card',
    'gift cards',
    'giftcard',
    'gift voucher',
    '禮品卡',
    '礼品卡',
    '禮物卡',
    '礼物卡',
    '禮券',
    '礼券',
    'kad hadiah',
    'baucar hadiah',
  ],
  fpx: [
    'fpx',
    'online banking',
    'internet banking',
    '網上銀行',
    '网上银行',
    '網銀',
    '网银',
    'perbankan dalam talian',
    'perbankan internet',
  ],
  grabpay: ['grabpay', 'grab pay'],
  touch_n_go: ['touch n go', "touch 'n go", 'tng', 'tng ewallet', 'touchngo'],
  boost: ['boost'],
  shopeepay: ['shopeepay', 'shopee pay'],
  alipay: ['alipay', '支付寶', '支付宝'],
  wechat_pay: ['wechat pay', 'wechatpay', '微信支付'],
  apple_pay: ['apple pay', 'applepay'],
  google_pay: ['google pay', 'gpay'],
  line_pay: ['line pay', 'linepay'],
  jko_pay: ['jkopay', '街口支付', '街口'],
  bank_transfer: [
    'bank transfer',
    'wire transfer',
    '銀行轉帳',
    '银行转账',
    '轉帳',
    '转账',
    'pindahan bank',
    'transfer bank',
  ],
  cash_on_delivery: [
    'cash on delivery',
    'cod',
    '貨到付款',
    '货到付款',
    'bayar semasa terima',
    'bayar di tempat',
    'tunai semasa penghantaran',
  ],
  cash: ['cash', '現金', '现金', 'tunai'],
}

/** A physical store and the names shoppers call it by. */
export interface StoreEntry {
  readonly id: string
  readonly names: readonly string[]
}

/**
 * The demo stores, used when the caller gives no store list. `id` is the demo's store id; a live
 * deployment passes its own stores to `createRecognizer`.
 */
export const defaultStores: readonly StoreEntry[] = [
  {
    id: 'store-mid-valley',
    names: ['mid valley', 'midvalley', 'mid valley megamall', '谷中城', 'mid valley store'],
  },
  { id: 'store-pavilion', names: ['pavilion', 'pavilion kl', '柏威年'] },
  { id: 'store-klcc', names: ['klcc', 'suria klcc', '雙峰塔', '双峰塔'] },
  { id: 'store-sunway-pyramid', names: ['sunway pyramid', 'sunway', '双威', '雙威'] },
  { id: 'store-one-utama', names: ['1 utama', 'one utama', '1u', '万达广场'] },
  {
    id: 'store-gurney',
    names: ['gurney plaza', 'gurney', 'penang store', 'penang', '槟城', '檳城', 'pulau pinang'],
  },
  { id: 'store-johor-bahru', names: ['johor bahru', 'jb store', 'jb', '新山'] },
  { id: 'store-kl', names: ['kl store', 'kuala lumpur', 'kl', '吉隆坡'] },
  {
    id: 'store-taipei',
    names: ['taipei', 'taipei store', 'xinyi', '台北', '臺北', '信義', '信义'],
  },
  { id: 'store-causeway-bay', names: ['causeway bay', '銅鑼灣', '铜锣湾'] },
  { id: 'store-mong-kok', names: ['mong kok', 'mongkok', '旺角'] },
  {
    id: 'store-singapore',
    names: ['singapore', 'orchard', 'orchard road', '新加坡', '乌节路', '烏節路'],
  },
]

/** Material words, reported as `option` entities `material=<english>`. */
export const materialNames: Readonly<Record<string, readonly string[]>> = {
  leather: ['leather', '皮革', '真皮', 'kulit'],
  cotton: ['cotton', '純棉', '纯棉', '棉質', '棉质', 'kapas', 'kain kapas'],
  glass: ['glass', '玻璃', 'kaca'],
  metal: ['metal', 'stainless steel', '金屬', '金属', '不鏽鋼', '不锈钢', 'logam', 'besi'],
  wood: ['wood', 'wooden', '木頭', '木头', '實木', '实木', 'kayu'],
  nylon: ['nylon', '尼龍', '尼龙'],
  rubber: ['rubber', '橡膠', '橡胶', 'getah'],
  silicone: ['silicone', '矽膠', '硅胶', 'silikon'],
}
