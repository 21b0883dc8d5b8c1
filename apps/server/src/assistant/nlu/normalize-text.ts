import { convertToSimplified } from './chinese-script.ts'

/** The recognizer never analyses more than this many characters of a message. */
export const maximumAnalysedLength = 2000

// Chat spellings and variants that mean the same word, mapped to one form so they share features.
// Malay and Indonesian variants are folded together because shoppers mix them freely.
const chatSpellings: Readonly<Record<string, string>> = {
  u: 'you',
  yu: 'you',
  ya: 'ya',
  ur: 'your',
  yr: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  pleas: 'please',
  plez: 'please',
  plis: 'please',
  pliss: 'please',
  thx: 'thanks',
  thks: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  tq: 'thanks',
  tqvm: 'thanks',
  ty: 'thanks',
  tks: 'thanks',
  tenkiu: 'thanks',
  thankyou: 'thanks',
  wat: 'what',
  wht: 'what',
  wut: 'what',
  whr: 'where',
  wer: 'where',
  hw: 'how',
  cn: 'can',
  im: 'i am',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  havent: 'have not',
  ive: 'i have',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  thats: 'that is',
  msg: 'message',
  acc: 'account',
  acct: 'account',
  addr: 'address',
  pwd: 'password',
  pw: 'password',
  ordr: 'order',
  oder: 'order',
  odr: 'order',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  asap: 'as soon as possible',
  ok: 'ok',
  okay: 'ok',
  okey: 'ok',
  oke: 'ok',
  okie: 'ok',
  k: 'ok',
  kk: 'ok',
  tak: 'tak',
  x: 'tak',
  tk: 'tak',
  tdk: 'tak',
  tidak: 'tak',
  gak: 'tak',
  ga: 'tak',
  nggak: 'tak',
  enggak: 'tak',
  ndak: 'tak',
  nak: 'nak',
  nk: 'nak',
  mau: 'nak',
  mahu: 'nak',
  hendak: 'nak',
  ingin: 'nak',
  sy: 'saya',
  sya: 'saya',
  sye: 'saya',
  saye: 'saya',
  aku: 'saya',
  yg: 'yang',
  dgn: 'dengan',
  utk: 'untuk',
  brp: 'berapa',
  brape: 'berapa',
  berape: 'berapa',
  blh: 'boleh',
  bole: 'boleh',
  bleh: 'boleh',
  bisa: 'boleh',
  mcm: 'macam',
  camne: 'macam mana',
  cmne: 'macam mana',
  camana: 'macam mana',
  macamana: 'macam mana',
  gimana: 'macam mana',
  bagaimana: 'macam mana',
  dah: 'dah',
  sudah: 'dah',
  udah: 'dah',
  sdh: 'dah',
  blm: 'belum',
  lg: 'lagi',
  je: 'je',
  jer: 'je',
  aja: 'je',
  saja: 'je',
  tlg: 'tolong',
  bila: 'bila',
  bile: 'bila',
  kapan: 'bila',
  knp: 'kenapa',
  napa: 'kenapa',
  kenape: 'kenapa',
  ni: 'ini',
  tu: 'itu',
  mane: 'mana',
  ape: 'apa',
  trima: 'terima',
  kaseh: 'kasih',
  brg: 'barang',
  bz: 'busy',
}

const elongationPattern = /(\p{L})\1{2,}/gu
const separatorPattern = /[^\p{L}\p{N}]+/gu
const digitRunPattern = /\p{Nd}+/gu
const emailPattern = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g
const apostrophePattern = /['’]/g
const hanRunPattern = /(\p{Script=Han}+)/gu

/**
 * Folds a message into the form the classifier reads: Unicode NFKC (full-width → ASCII),
 * lower case, Traditional → Simplified Chinese, digits → `0`, punctuation → space, elongations
 * (`pleaseee`) shortened, and chat spellings (`u`, `pls`, `x`, `tak`) mapped to one word each.
 * Chinese runs are set apart by spaces so word features never glue Latin and Han together.
 */
export function normalizeText(text: string): string {
  const folded = convertToSimplified(
    text.slice(0, maximumAnalysedLength).normalize('NFKC').toLowerCase(),
  )
    .replace(emailPattern, ' email ')
    .replace(apostrophePattern, '')
    .replace(digitRunPattern, '0')
    .replace(separatorPattern, ' ')
    .replace(elongationPattern, '$1')
    .replace(hanRunPattern, ' $1 ')
  const words: string[] = []
  for (const word of folded.split(' ')) {
    if (word === '') continue
    words.push(chatSpellings[word] ?? word)
  }
  return words.join(' ')
}
