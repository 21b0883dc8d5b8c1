import { findAllMatches } from '../../shared/find-all-matches.ts'
import type { Locale } from '../../shared/locale.ts'
import type { EntityType } from './intents.ts'
import type { CatalogMentionResolver, Entity, RecognitionContext } from './recognizer.ts'
import {
  chineseNumeralDigits,
  chineseNumeralUnits,
  colorNames,
  defaultStores,
  materialNames,
  nonColorChineseWords,
  nonColorHeadsAfter,
  nonColorHeadsBefore,
  numberWords,
  paymentMethodNames,
  sizeComparativesAfter,
  sizeComparativesBefore,
  sizeWords,
} from './entity-lexicons.ts'
import type { StoreEntry } from './entity-lexicons.ts'
import { productCategories, productTypes } from './product-lexicon.ts'
import { maximumAnalysedLength } from './normalize-text.ts'

/** What {@link createEntityExtractor} needs beyond the text. */
export interface EntityExtractorOptions {
  readonly mentionResolver?: CatalogMentionResolver
  readonly stores?: readonly StoreEntry[]
}

/** Extracts the contract's entities from one message. */
export type EntityExtractor = (
  text: string,
  language: Locale,
  context: RecognitionContext | undefined,
  now: Date,
) => Entity[]

interface Candidate extends Entity {
  priority: number
}

interface LexiconEntry {
  type: EntityType
  value: string
  resolvedId?: string
  priority: number
}

const priorities: Readonly<Record<EntityType, number>> = {
  email: 100,
  order_id: 90,
  money: 85,
  phone: 80,
  coupon_code: 75,
  date: 70,
  size: 65,
  quantity: 60,
  store: 55,
  payment_method: 52,
  product: 50,
  color: 45,
  option: 42,
  category: 40,
  person_name: 10,
  city: 10,
  country: 10,
  zip: 10,
  address: 10,
}

const hanSingle = /^\p{Script=Han}$/u
const hanAny = /\p{Script=Han}/u
// A single-character Chinese colour (黑, 白) counts only before these, so 明白 is not "white".
const singleColorFollowers = new Set([...'的色款鞋衣裙褲裤襪袜包那個个件雙双條条隻只T'])

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')
}

/**
 * Reads a Chinese numeral (`十二` 12, `二十五` 25, `两百` 200, `一百零五` 105, colloquial `两百五`
 * 250) as a number; `undefined` for sequences that are no number (`两三` "two or three") or 0.
 */
function parseChineseNumber(numeral: string): number | undefined {
  let total = 0
  let digit: number | undefined
  let lastUnit = 10_000
  let previousWasUnit = false
  let shortForm = false
  for (const character of numeral) {
    const digitValue = chineseNumeralDigits[character]
    if (digitValue !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined
      // 两百五 is 250: a digit right after 百 or 千 (no 零 between) counts one place down.
      shortForm = previousWasUnit && digitValue !== 0
      digit = digitValue
      previousWasUnit = false
      continue
    }
    const unit = chineseNumeralUnits[character]
    if (unit === undefined || unit >= lastUnit) return undefined
    const multiplier = digit ?? (unit === 10 && total === 0 ? 1 : undefined)
    if (multiplier === undefined || multiplier === 0) return undefined
    total += multiplier * unit
    digit = undefined
    lastUnit = unit
    previousWasUnit = true
    shortForm = false
  }
  if (digit !== undefined) total += shortForm && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit
  return total > 0 ? total : undefined
}

const nonColorAfter = new RegExp(
  `^\\s+(?:${nonColorHeadsAfter.join('|')})(?![\\p{L}\\p{N}])(?!\\s*(?:holders?|cases?|sleeves?))`,
  'iu',
)
const nonColorBefore = new RegExp(
  `(?<![\\p{L}])(?:${nonColorHeadsBefore.map(escapeForPattern).join('|')})\\s+$`,
  'iu',
)
const comparativeBefore = new RegExp(
  `(?:(?<![\\p{L}])(?:${sizeComparativesBefore.filter((word) => !hanAny.test(word)).join('|')})\\s+|${sizeComparativesBefore.filter((word) => hanAny.test(word)).join('|')})$`,
  'iu',
)
const comparativeAfter = new RegExp(`^\\s+(?:${sizeComparativesAfter.join('|')})(?![\\p{L}])`, 'iu')

/**
 * Whether the colour word at `start`–`end` is part of a name for something that is not a
 * product's colour: `gold member`, `white chocolate`, `kek coklat`, `红包`, `黑色星期五`.
 */
function namesNoColor(text: string, start: number, end: number): boolean {
  if (hanAny.test(text.slice(start, end))) {
    return nonColorChineseWords.some((word) => text.startsWith(word, start))
  }
  return nonColorAfter.test(text.slice(end)) || nonColorBefore.test(text.slice(0, start))
}

/**
 * Whether the size word at `start`–`end` is relative ("a bigger size": `saiz lagi besar`,
 * `besar sikit`, `更大號`), which names no size label.
 */
function isComparativeSize(text: string, start: number, end: number): boolean {
  return comparativeBefore.test(text.slice(0, start)) || comparativeAfter.test(text.slice(end))
}

/** Folds full-width ASCII to half-width without changing the text's length (offsets stay valid). */
export function foldWidth(text: string): string {
  let folded = ''
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code >= 0xff01 && code <= 0xff5e) folded += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000) folded += ' '
    else folded += text.charAt(index)
  }
  return folded
}

interface Lexicon {
  latinPattern: RegExp
  hanPattern: RegExp
  entries: Map<string, LexiconEntry>
}

function buildLexicon(stores: readonly StoreEntry[]): Lexicon {
  const entries = new Map<string, LexiconEntry>()
  const add = (term: string, entry: LexiconEntry): void => {
    const key = term.toLowerCase()
    const existing = entries.get(key)
    if (existing === undefined || existing.priority < entry.priority) entries.set(key, entry)
  }
  for (const [value, names] of Object.entries(colorNames)) {
    for (const name of names) add(name, { type: 'color', value, priority: priorities.color })
  }
  for (const [value, names] of Object.entries(sizeWords)) {
    for (const name of names) add(name, { type: 'size', value, priority: priorities.size })
  }
  for (const [value, names] of Object.entries(paymentMethodNames)) {
    for (const name of names) {
      add(name, { type: 'payment_method', value, priority: priorities.payment_method })
    }
  }
  for (const [value, names] of Object.entries(materialNames)) {
    for (const name of names) {
      add(name, { type: 'option', value: `material=${value}`, priority: priorities.option })
    }
  }
  for (const category of productCategories) {
    for (const name of category.names) {
      add(name, { type: 'category', value: category.name, priority: priorities.category })
    }
  }
  for (const product of productTypes) {
    for (const name of product.names) {
      add(name, { type: 'product', value: product.name, priority: priorities.product })
    }
  }
  for (const store of stores) {
    for (const name of store.names) {
      add(name, {
        type: 'store',
        value: store.names[0] ?? name,
        resolvedId: store.id,
        priority: priorities.store,
      })
    }
  }
  const terms = [...entries.keys()].sort((left, right) => right.length - left.length)
  const latinTerms = terms.filter((term) => !hanAny.test(term)).map(escapeForPattern)
  const hanTerms = terms.filter((term) => hanAny.test(term)).map(escapeForPattern)
  return {
    latinPattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${latinTerms.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    hanPattern: new RegExp(`(?:${hanTerms.join('|')})`, 'gu'),
    entries,
  }
}

const orderIdPatterns: readonly RegExp[] = [
  /#\s?([A-Za-z]?)(\d{4,})/g,
  /(?<![\p{L}\p{N}])([Ww])(\d{7})(?!\p{N})/gu,
  /(?:order|purchase|pesanan|tempahan|訂單|订单|單號|单号)(?:\s*(?:no|number|num|id|#|nombor|號碼|号码|編號|编号)\.?)?\D{0,10}?(?<![\p{N}])()(\d{4,})(?!\p{N})/giu,
]
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const phonePattern = /(?<![\p{N}\w])(\+?\d[\d\s-]{7,16}\d)(?!\p{N})/gu
const moneyBefore =
  /(?<![\p{L}])(rm|myr|nt\$|ntd|twd|us\$|usd|s\$|sgd|hk\$|hkd|\$|¥|￥)\s?(\d+(?:[.,]\d+)?)(k?)(?![\p{N}])/giu
const moneyAfter =
  /(?<![\p{N}.])(\d+(?:[.,]\d+)?)(k?)\s?(ringgit|rm|dollars?|bucks|usd|myr|twd|ntd|sgd|新台幣|新台币|台幣|台币|令吉|美元|美金|港幣|港币|元|塊|块|蚊)(?![a-z])/giu
const couponAfterKeyword =
  /(?:code|coupon|promo|voucher|kod|kupon|baucar|優惠碼|优惠码|折扣碼|折扣码|優惠券|优惠券|折價券|折价券|代碼|代码)\s*(?:code|kod|碼|码)?\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9-]{2,19})(?![A-Za-z0-9])/giu
const couponShape = /(?<![\p{L}\p{N}#])([A-Z][A-Z0-9]{2,15})(?![\p{L}\p{N}])/gu
const notCoupons =
  /^(?:RM\d.*|MYR\d.*|NT\d.*|USD?\d.*|SGD?\d.*|W\d{7}|IPX\d|USB\d?|HDMI\d?|PS\d|MP\d|[SMLX]+|\d*XL|RGB|LED|SSD)$/
const sizeAfterKeyword =
  /(?<![\p{L}])(?:size|sz|saiz|ukuran|尺寸|尺碼|尺码|碼數|码数|號碼|号码|us|uk|eu)\s*[:#]?\s*(?:是|要|為|为)?\s*(\d{1,2}(?:\.5)?|xxs|xs|s|m|l|xl|xxl|2xl|3xl)(?![\p{L}\p{N}])/giu
const sizeBeforeMark =
  /(?<![\p{N}.])(\d{1,2}(?:\.5)?|xxl|xl|xs|[sml])\s*(?:號|号|碼|码)(?!碼|码)/giu
const quantityBeforeUnit =
  /(?<![\p{N}.#])(?<!第\s*)(\d{1,3})\s*(?:pcs|pc|pieces?|pairs?|units?|items?|sets?|boxes|bottles?|helai|pasang|biji|unit|buah|keping|kotak|botol|件|個|个|雙|双|條|条|支|台|部|盒|瓶|對|对|套|張|张|份|隻|只|副|顆|颗|根|把|顶|頂|本|罐|袋|片|枝|包)(?![a-z])/giu
const quantityAfterX = /(?<![\p{L}\p{N}])(?:x\s?(\d{1,3})|(\d{1,3})\s?x)(?![\p{L}\p{N}])/giu
const quantityAfterVerb =
  /(?:add|want|take|buy|get|need|order|grab|beli|nak|mahu|ambil|tambah|masukkan|要|買|买|加|拿|訂|订)\s*(?:me\s+|in\s+)?(\d{1,3})(?!\s*(?:號|号|碼|码|%|\.\d|\d|rm|ringgit|dollars?|\$|元|塊|块))(?![\p{N}])/giu
const chineseNumeral = '[零〇一二两兩三四五六七八九十百千]'
// 第二件 (the second one) and 另一個 (another one) are not quantities.
const chineseNumberWithUnit = new RegExp(
  `(?<!${chineseNumeral}|第|另|另外)(${chineseNumeral}+)\\s*(?:件|個|个|雙|双|條|条|支|台|部|盒|瓶|對|对|套|張|张|份|隻|只|副|顆|颗|根|把|顶|頂|本|罐|袋|片|枝|包)`,
  'gu',
)
const chineseNumberAfterWord = new RegExp(
  `(?:數量|数量|改成|改為|改为)\\s*(?:要|是|為|为)?\\s*(${chineseNumeral}+)(?!${chineseNumeral}|\\s*(?:號|号|碼|码|月|日|點|点|%))`,
  'gu',
)
const chineseNumeralAnywhere = new RegExp(chineseNumeral, 'u')
const noMatches: readonly RegExpExecArray[] = []
const bareChineseNumber = new RegExp(`(?<!${chineseNumeral}|第|另)(${chineseNumeral}+)`, 'gu')
// 這一件 (this one), 哪一個 (which one), 每一件 (each one): 一 after these is not a quantity.
const determinersBeforeOne = /(?:這|这|那|哪|每|同|某|唯|其中|任何)\s*$/u
const quantityAfterWord =
  /(?:quantity|qty|kuantiti|jumlah|數量|数量|jadikan|jadi|改成|改為|改为)\D{0,20}?(?<![\p{N}#])(\d{1,3})(?![\p{N}]|\s*(?:號|号|碼|码|%))/giu
const numberBeforeThing =
  /(?<![\p{N}.#$])(\d{1,2})\s+(?:of\s+(?:the|these|those|your)\s+|x\s+)?(?=[\p{L}])/gu
const sizeLetterAfterWord =
  /(?:from|to|an?|for|換成|换成|改成|換|换|jadi|kepada|tukar)\s*(XXL|XL|XS|S|M|L)(?![\p{L}\p{N}])/gu
const sizeLetterBeforeChange =
  /(?<![\p{L}])(XXL|XL|XS|S|M|L)\s*(?:換成|换成|改成|to|jadi|ke)(?![\p{L}])/gu
const waistSize =
  /(?:腰圍|腰围|waist|pinggang)\s*(\d{2})(?!\p{N})|(?<!\p{N})(\d{2})\s*(?:腰|吋腰|inch waist)/gu
const capitalCouponAfterVerb =
  /(?:用|使用|輸入|输入|use|apply|pakai|guna|masukkan|enter|redeem)\s*([A-Z][A-Z0-9]{3,19})(?![A-Za-z0-9])/gu
const capitalWordsNotCoupons = new Set([
  'PAYPAL',
  'LINE',
  'GRAB',
  'FPX',
  'COD',
  'VISA',
  'BOOST',
  'ATOME',
  'APPLE',
  'GOOGLE',
  'THE',
  'THIS',
  'THAT',
  'CODE',
])
const numberWordPattern = new RegExp(
  `(?<![\\p{L}])(${Object.keys(numberWords)
    .sort((left, right) => right.length - left.length)
    .join('|')})(?![\\p{L}])`,
  'giu',
)
const bareNumber = /(?<![\p{N}.#])(\d{1,3}(?:\.5)?)(?![\p{N}])/gu
const bareSizeLetter = /(?<![\p{L}])(xxl|xl|xs|s|m|l)(?![\p{L}])/giu
const anaphorPattern =
  /(?<![\p{L}])(?:one|it|this|that|these|those|them|ini|itu|yang ni|yang tu)(?![\p{L}])|這|这|那|此/giu
const isoDate = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g
const slashDate = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/g
const chineseDate = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日|號|号)/g
const monthNames: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  januari: 1,
  feb: 2,
  february: 2,
  februari: 2,
  mar: 3,
  march: 3,
  mac: 3,
  apr: 4,
  april: 4,
  may: 5,
  mei: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  julai: 7,
  aug: 8,
  august: 8,
  ogos: 8,
  agustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  oktober: 10,
  okt: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  disember: 12,
  dis: 12,
  desember: 12,
}
const monthAlternation = Object.keys(monthNames)
  .sort((left, right) => right.length - left.length)
  .join('|')
const dayMonthDate = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?\\s+(${monthAlternation})(?:\\s+(\\d{4}))?(?![\\p{L}])`,
  'giu',
)
const monthDayDate = new RegExp(
  `(?<![\\p{L}])(${monthAlternation})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`,
  'giu',
)
const relativeDays: readonly [RegExp, number][] = [
  [/(?<![\p{L}])(?:day after tomorrow|lusa)(?![\p{L}])|後天|后天/giu, 2],
  [/(?<![\p{L}])(?:today|tonight|hari ini|harini)(?![\p{L}])|今天|今日|今晚/giu, 0],
  [/(?<![\p{L}])(?:tomorrow|tmr|tmrw|esok|besok)(?![\p{L}])|明天|明日/giu, 1],
  [/(?<![\p{L}])(?:yesterday|semalam|kelmarin|kemarin)(?![\p{L}])|昨天|昨日/giu, -1],
]
const weekdayNames: readonly [RegExp, number][] = [
  [
    /(?<![\p{L}])(?:next\s+)?(?:sunday|ahad|minggu)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)(?:日|天)/giu,
    0,
  ],
  [/(?<![\p{L}])(?:next\s+)?(?:monday|isnin|senin)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)一/giu, 1],
  [/(?<![\p{L}])(?:next\s+)?(?:tuesday|selasa)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)二/giu, 2],
  [/(?<![\p{L}])(?:next\s+)?(?:wednesday|rabu)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)三/giu, 3],
  [/(?<![\p{L}])(?:next\s+)?(?:thursday|khamis|kamis)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)四/giu, 4],
  // Black Friday (黑色星期五) is a sale, not next Friday.
  [
    /(?<![\p{L}])(?<!black\s+)(?:next\s+)?(?:friday|jumaat|jumat)(?![\p{L}])|(?<!黑色)(?:星期|週|周|禮拜|礼拜)五/giu,
    5,
  ],
  [/(?<![\p{L}])(?:next\s+)?(?:saturday|sabtu)(?![\p{L}])|(?:星期|週|周|禮拜|礼拜)六/giu, 6],
]

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days))
}

function buildDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return undefined
  return isoDay(date)
}

function normalizeYear(year: string | undefined, now: Date): number {
  if (year === undefined || year === '') return now.getUTCFullYear()
  const value = Number(year)
  return value < 100 ? 2000 + value : value
}

function currencyOf(symbol: string): string | undefined {
  const lower = symbol.toLowerCase()
  if (['rm', 'myr', 'ringgit', '令吉'].includes(lower)) return 'MYR'
  if (['nt$', 'ntd', 'twd', '新台幣', '新台币', '台幣', '台币'].includes(lower)) return 'TWD'
  if (['us$', 'usd', '$', 'dollar', 'dollars', 'bucks', '美元', '美金'].includes(lower))
    return 'USD'
  if (['s$', 'sgd'].includes(lower)) return 'SGD'
  if (['hk$', 'hkd', '港幣', '港币'].includes(lower)) return 'HKD'
  if (['¥', '￥'].includes(lower)) return 'CNY'
  return undefined
}

function formatAmount(amount: string, thousands: string): string {
  const numeric = Number(amount.replace(',', '.')) * (thousands === '' ? 1 : 1000)
  return String(Math.round(numeric * 100) / 100)
}

/**
 * Creates the rule- and lexicon-based entity extractor: regular expressions for ids, e-mails,
 * phones, money, dates, sizes and quantities, and one multilingual lexicon (colours, sizes,
 * payment methods, stores, materials, product types, categories) matched longest-first.
 * Overlapping candidates are settled by type priority, then length. Offsets refer to `text`.
 */
export function createEntityExtractor(options: EntityExtractorOptions = {}): EntityExtractor {
  const lexicon = buildLexicon(options.stores ?? defaultStores)
  return (rawText, language, context, now) => {
    const text = foldWidth(rawText.slice(0, maximumAnalysedLength))
    const candidates: Candidate[] = []
    const push = (
      type: EntityType,
      value: string,
      start: number,
      end: number,
      resolvedId?: string,
    ): void => {
      const candidate: Candidate = {
        type,
        value,
        text: rawText.slice(start, end),
        start,
        end,
        priority: priorities[type],
      }
      if (resolvedId !== undefined) candidate.resolvedId = resolvedId
      candidates.push(candidate)
    }
    const expectedSlot = context?.expectedSlot
    // Most messages have no digit, capital or Chinese numeral: the patterns that need one are skipped.
    const hasDigit = /\d/.test(text)
    const hasUpper = /[A-Z]/.test(text)
    const hasAt = text.includes('@')
    const hasChineseNumeral = chineseNumeralAnywhere.test(text)
    const scan = (needed: boolean, pattern: RegExp): Iterable<RegExpExecArray> =>
      needed ? findAllMatches(pattern, text) : noMatches

    for (const match of scan(hasAt, emailPattern)) {
      push('email', match[0], match.index, match.index + match[0].length)
    }
    for (const pattern of orderIdPatterns) {
      for (const match of scan(hasDigit, pattern)) {
        const prefix = match[1] ?? ''
        const digits = match[2] ?? ''
        const start = match.index + match[0].length - digits.length - (prefix === '' ? 0 : 1)
        const hashStart = text[start - 1] === '#' ? start - 1 : start
        const value = prefix === '' ? digits : `#${prefix.toUpperCase()}${digits}`
        push(
          'order_id',
          value,
          pattern === orderIdPatterns[0] ? match.index : hashStart,
          match.index + match[0].length,
        )
      }
    }
    if (expectedSlot === 'order_id') {
      for (const match of scan(hasDigit, /(?<![\p{N}])(\d{4,})(?![\p{N}])/gu)) {
        push('order_id', match[1] ?? '', match.index, match.index + match[0].length)
      }
    }
    for (const match of scan(hasDigit, moneyBefore)) {
      const currency = currencyOf(match[1] ?? '')
      const amount = formatAmount(match[2] ?? '0', match[3] ?? '')
      push(
        'money',
        currency === undefined ? amount : `${amount} ${currency}`,
        match.index,
        match.index + match[0].length,
      )
    }
    for (const match of scan(hasDigit, moneyAfter)) {
      const currency = currencyOf(match[3] ?? '')
      const amount = formatAmount(match[1] ?? '0', match[2] ?? '')
      push(
        'money',
        currency === undefined ? amount : `${amount} ${currency}`,
        match.index,
        match.index + match[0].length,
      )
    }
    for (const match of scan(hasDigit, phonePattern)) {
      const written = match[1] ?? ''
      const digitCount = written.replace(/\D/g, '').length
      if (
        digitCount >= 9 &&
        digitCount <= 14 &&
        (written.startsWith('+') || written.startsWith('0'))
      ) {
        push('phone', written, match.index, match.index + written.length)
      }
    }
    for (const match of findAllMatches(couponAfterKeyword, text)) {
      const code = match[1] ?? ''
      if (!/\d/.test(code) && code !== code.toUpperCase()) continue
      if (notCoupons.test(code.toUpperCase())) continue
      const start = match.index + match[0].length - code.length
      push('coupon_code', code.toUpperCase(), start, start + code.length)
    }
    for (const match of scan(hasUpper, couponShape)) {
      const code = match[1] ?? ''
      const letters = code.replace(/[^A-Z]/g, '').length
      if (!/\d/.test(code) || letters < 2 || notCoupons.test(code)) continue
      push('coupon_code', code, match.index, match.index + code.length)
    }
    for (const [pattern, offset] of relativeDays) {
      for (const match of findAllMatches(pattern, text)) {
        push('date', isoDay(addDays(now, offset)), match.index, match.index + match[0].length)
      }
    }
    for (const [pattern, weekday] of weekdayNames) {
      for (const match of findAllMatches(pattern, text)) {
        const ahead = (weekday - now.getUTCDay() + 7) % 7 || 7
        push('date', isoDay(addDays(now, ahead)), match.index, match.index + match[0].length)
      }
    }
    for (const match of scan(hasDigit, isoDate)) {
      const value = buildDate(Number(match[1]), Number(match[2]), Number(match[3]))
      if (value !== undefined) push('date', value, match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, slashDate)) {
      const value = buildDate(normalizeYear(match[3], now), Number(match[2]), Number(match[1]))
      if (value !== undefined) push('date', value, match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, chineseDate)) {
      const value = buildDate(normalizeYear(match[1], now), Number(match[2]), Number(match[3]))
      if (value !== undefined) push('date', value, match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, dayMonthDate)) {
      const month = monthNames[(match[2] ?? '').toLowerCase()] ?? 0
      const value = buildDate(normalizeYear(match[3], now), month, Number(match[1]))
      if (value !== undefined) push('date', value, match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, monthDayDate)) {
      const month = monthNames[(match[1] ?? '').toLowerCase()] ?? 0
      const value = buildDate(normalizeYear(match[3], now), month, Number(match[2]))
      if (value !== undefined) push('date', value, match.index, match.index + match[0].length)
    }
    for (const match of findAllMatches(sizeAfterKeyword, text)) {
      const size = (match[1] ?? '').toUpperCase()
      push('size', size === '2XL' ? 'XXL' : size, match.index, match.index + match[0].length)
    }
    for (const match of findAllMatches(sizeBeforeMark, text)) {
      push('size', (match[1] ?? '').toUpperCase(), match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, quantityBeforeUnit)) {
      push('quantity', String(Number(match[1])), match.index, match.index + match[0].length)
    }
    for (const match of scan(hasDigit, quantityAfterX)) {
      push(
        'quantity',
        String(Number(match[1] ?? match[2])),
        match.index,
        match.index + match[0].length,
      )
    }
    for (const match of scan(hasDigit, quantityAfterVerb)) {
      const digits = match[1] ?? ''
      const start = match.index + match[0].length - digits.length
      push('quantity', String(Number(digits)), start, start + digits.length)
    }
    for (const match of scan(hasChineseNumeral, chineseNumberWithUnit)) {
      const numeral = match[1] ?? ''
      if (numeral === '一' && determinersBeforeOne.test(text.slice(0, match.index))) continue
      const value = parseChineseNumber(numeral)
      if (value !== undefined) {
        push('quantity', String(value), match.index, match.index + match[0].length)
      }
    }
    for (const match of scan(hasChineseNumeral, chineseNumberAfterWord)) {
      const numeral = match[1] ?? ''
      const value = parseChineseNumber(numeral)
      const start = match.index + match[0].length - numeral.length
      if (value !== undefined) push('quantity', String(value), start, start + numeral.length)
    }
    for (const match of scan(hasDigit, quantityAfterWord)) {
      const digits = match[1] ?? ''
      const start = match.index + match[0].length - digits.length
      push('quantity', String(Number(digits)), start, start + digits.length)
    }
    for (const match of scan(hasUpper, sizeLetterAfterWord)) {
      const size = match[1] ?? ''
      const start = match.index + match[0].length - size.length
      push('size', size, start, start + size.length)
    }
    for (const match of scan(hasUpper, sizeLetterBeforeChange)) {
      const size = match[1] ?? ''
      push('size', size, match.index, match.index + size.length)
    }
    for (const match of scan(hasDigit, waistSize)) {
      push('size', match[1] ?? match[2] ?? '', match.index, match.index + match[0].length)
    }
    for (const match of scan(hasUpper, capitalCouponAfterVerb)) {
      const code = match[1] ?? ''
      if (capitalWordsNotCoupons.has(code) || notCoupons.test(code)) continue
      const start = match.index + match[0].length - code.length
      push('coupon_code', code, start, start + code.length)
    }
    for (const match of findAllMatches(numberWordPattern, text)) {
      const value = numberWords[(match[1] ?? '').toLowerCase()]
      if (value !== undefined)
        push('quantity', String(value), match.index, match.index + match[0].length)
    }
    if (expectedSlot === 'size') {
      for (const match of scan(hasDigit, bareNumber)) {
        push('size', match[1] ?? '', match.index, match.index + match[0].length)
      }
      for (const match of findAllMatches(bareSizeLetter, text)) {
        push('size', (match[1] ?? '').toUpperCase(), match.index, match.index + match[0].length)
      }
    }
    if (expectedSlot === 'quantity') {
      for (const match of scan(hasChineseNumeral, bareChineseNumber)) {
        const value = parseChineseNumber(match[1] ?? '')
        if (value !== undefined) {
          push('quantity', String(value), match.index, match.index + match[0].length)
        }
      }
      for (const match of scan(hasDigit, bareNumber)) {
        if (!(match[1] ?? '').includes('.')) {
          // Outranks a size reading of the same digits: the bot asked how many.
          candidates.push({
            type: 'quantity',
            value: String(Number(match[1])),
            text: rawText.slice(match.index, match.index + match[0].length),
            start: match.index,
            end: match.index + match[0].length,
            priority: priorities.size + 1,
          })
        }
      }
    }
    const lexiconMatches = [
      ...findAllMatches(lexicon.latinPattern, text),
      ...scan(hanAny.test(text), lexicon.hanPattern),
    ]
    for (const match of lexiconMatches) {
      const written = match[0].toLowerCase().replace(/\s+/g, ' ')
      const entry =
        lexicon.entries.get(written) ??
        lexicon.entries.get(written.replace(/s$/, '')) ??
        lexicon.entries.get(written.replace(/es$/, ''))
      if (entry === undefined) continue
      const end = match.index + match[0].length
      if (entry.type === 'color' && hanSingle.test(match[0])) {
        const next = text.charAt(end)
        const wholeMessage = text.trim() === match[0]
        if (!wholeMessage && !singleColorFollowers.has(next)) continue
      }
      if (entry.type === 'color' && namesNoColor(text, match.index, end)) continue
      // Bare size letters are too ambiguous outside a size question; size words are not.
      if (entry.type === 'size' && /^[sml]$/i.test(match[0]) && expectedSlot !== 'size') continue
      if (entry.type === 'size' && isComparativeSize(text, match.index, end)) continue
      const candidate: Candidate = {
        type: entry.type,
        value: entry.value,
        text: rawText.slice(match.index, end),
        start: match.index,
        end,
        priority: entry.priority,
      }
      if (entry.resolvedId !== undefined) candidate.resolvedId = entry.resolvedId
      candidates.push(candidate)
    }
    if (options.mentionResolver !== undefined) {
      try {
        for (const mention of options.mentionResolver.findMentions(
          rawText.slice(0, maximumAnalysedLength),
          language,
        )) {
          const candidate: Candidate = { ...mention, priority: priorities[mention.type] + 1 }
          candidates.push(candidate)
        }
      } catch {
        // A failing catalog search must not stop recognition: the built-in lexicon still answers.
      }
    }

    // "3 red water bottles", "5 of the socks": a small number right before a product or colour.
    for (const match of scan(hasDigit, numberBeforeThing)) {
      const after = match.index + match[0].length
      const followedByThing = candidates.some(
        (candidate) =>
          candidate.start === after &&
          ['product', 'category', 'color', 'option'].includes(candidate.type),
      )
      if (followedByThing) {
        const digits = match[1] ?? ''
        push('quantity', String(Number(digits)), match.index, match.index + digits.length)
      }
    }
    candidates.sort(
      (left, right) =>
        right.priority - left.priority ||
        right.end - right.start - (left.end - left.start) ||
        left.start - right.start,
    )
    const taken = new Uint8Array(text.length + 1)
    const accepted: Entity[] = []
    for (const candidate of candidates) {
      let free = true
      for (let index = candidate.start; index < candidate.end; index += 1) {
        if (taken[index] === 1) {
          free = false
          break
        }
      }
      if (!free) continue
      taken.fill(1, candidate.start, candidate.end)
      const { priority: _priority, ...entity } = candidate
      accepted.push(entity)
    }
    const focus = context?.productInFocus
    if (focus !== undefined && !accepted.some((entity) => entity.type === 'product')) {
      const anaphor = findAllMatches(anaphorPattern, text)[0]
      const onlyAttributes =
        accepted.length > 0 &&
        accepted.every((entity) => ['color', 'size', 'quantity', 'option'].includes(entity.type))
      if (anaphor !== undefined || onlyAttributes) {
        const start = anaphor?.index ?? 0
        const end = anaphor === undefined ? 0 : start + anaphor[0].length
        accepted.push({
          type: 'product',
          value: focus.name,
          text: rawText.slice(start, end),
          start,
          end,
          resolvedId: focus.productId,
        })
      }
    }
    return accepted.sort((left, right) => left.start - right.start || left.end - right.end)
  }
}
