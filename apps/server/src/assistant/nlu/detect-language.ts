import type { Locale } from '../../shared/locale.ts'
import { detectChineseScript, hasHanCharacters } from './chinese-script.ts'
import { maximumAnalysedLength } from './normalize-text.ts'

// Words that mark Malay (and Indonesian, read as Malay). Particles and pronouns weigh most because
// code-switched Malaysian chat keeps them while borrowing English nouns and verbs.
const malayParticles = new Set(
  (
    'tak x tk tdk nak nk mau mahu boleh blh bole bisa lah ke kah je jer dah sudah udah pun ni tu ' +
    'saya sy aku awak kamu anda ada takde tiada mana mane apa ape camne macam gimana bagaimana ' +
    'berapa brp nggak gak enggak dong sih deh kok aja kat dekat'
  ).split(' '),
)
const malayWords = new Set(
  (
    'ini itu yang yg dan di dalam dari kepada pada untuk utk dengan dgn belum blm lagi lg sahaja ' +
    'saja tolong tlg terima kasih selamat pagi petang malam tengah hari jumpa barang pesanan ' +
    'beli membeli bayar harga murah mahal saiz warna kasut baju seluar stok kedai cawangan hantar ' +
    'penghantaran sampai tukar ganti pulang pulangkan wang duit baik hitam putih merah biru hijau ' +
    'kuning ungu coklat kelabu besar kecil sederhana satu dua tiga empat lima enam tujuh lapan ' +
    'sembilan sepuluh akaun kata laluan langganan mata ganjaran diskaun potongan kod kupon baucar ' +
    'troli bakul tambah buang keluarkan batal batalkan semak jejak tempahan pulangan bayaran kad ' +
    'kredit nombor alamat rumah juga sangat sikit sedikit banyak semua mohon encik cik tuan puan ' +
    'apakah akan esok besok semalam kemarin lusa cuaca hujan panas lagu muzik musik putar mainkan ' +
    'pengingat ingatkan pukul bangunkan cuba coba sebentar minggu bulan tahun kerja kantor pejabat ' +
    'jalan ramalan cerah mendung sejuk dingin berikan beritahu bagi kasi nanti sekarang jika kalau ' +
    'kalo bisakah bolehkah adakah sudahkah bila bile kapan kenapa mengapa siapa bagaimanakah ' +
    'hendak ingin perlu mahukah sila bantu bantuan maaf salah rosak pelanggan khidmat manusia ' +
    'ejen cakap bercakap orang baru lama cepat lambat pasang sepasang helai biji unit buah ' +
    'sampai tiba stokin gaun jaket topi beg jam tangan kamera komputer riba telefon pintar ' +
    'pembersih minyak wangi teko cerek kerusi meja lampu rak buku basikal payung hadiah kunci ' +
    'lupa tidak sudah tunggu lebih kurang mana-mana apa-apa sesuatu nombor nomor pesan pesanan ' +
    'kirim dikirim penghantaran pengiriman ongkir refund-kan masih ataupun atau tetapi tapi ' +
    'kerana karena sebab supaya agar hai helo salam jumpa lagi'
  ).split(' '),
)
const englishWords = new Set(
  (
    'the a an i you my your me is are am was were do does did have has had can could would will ' +
    'shall should want need please what where when how why which who this that these those it in ' +
    'on for to of with and or not no yes hi hello hey thanks thank bye buy get got be been if ' +
    'about just from at by up out so also still only they we our us he she him her them their ' +
    'its like tell show give find looking look know let make go send see new any some much many ' +
    'there here than then too very really would could may might must put take wanna gonna ' +
    'anything something nothing everything again soon today tomorrow yesterday week month year ' +
    'time morning evening night good great nice bad wrong right left more less most least same ' +
    'other another each every all both either neither none own ever never always sometimes ' +
    'usually often guys guy pair pairs two three four five six seven eight nine ten black white ' +
    'red blue green grey gray pink brown big small large medium shoes shirt dress sneakers'
  ).split(' '),
)
// Loanwords Malaysians use inside Malay sentences: they say little about the language.
const sharedLoanwords = new Set(
  (
    'order track tracking size cart refund cancel check color colour delivery online shipping ' +
    'stock voucher promo code item items account password email card status ' +
    'parcel payment return exchange discount sale'
  ).split(' '),
)
const malaySuffixPattern = /^[a-z]{3,}(nya|kan|lah|kah)$/
const latinWordPattern = /[a-z]+(?:-[a-z]+)?/g

/**
 * The locale a message is written in. Chinese is split into `zh-Hant` / `zh-Hans` from the
 * characters themselves (OpenCC tables); Latin text is scored against Malay and English word
 * lists, with Malay particles weighing most so Malaysian code-switching (`boleh track my order
 * tak`) reads as Malay and Indonesian reads as Malay. When the text gives no evidence (`ok`, `9`,
 * an emoji, `你好` for the script) the conversation keeps `previous`.
 */
export function detectLanguage(text: string, previous?: Locale): Locale {
  const analysed = typeof text === 'string' ? text.slice(0, maximumAnalysedLength) : ''
  const lower = analysed.normalize('NFKC').toLowerCase()
  const words = lower.match(latinWordPattern) ?? []
  if (hasHanCharacters(analysed)) {
    const hanCount = (analysed.match(/\p{Script=Han}/gu) ?? []).length
    // A Chinese message with a few English words (`我想 check 訂單`) is still Chinese.
    if (hanCount >= words.length) {
      const script = detectChineseScript(analysed)
      if (script !== undefined) return script
      if (previous === 'zh-Hant' || previous === 'zh-Hans') return previous
      return 'zh-Hans'
    }
  }
  let malayScore = 0
  let englishScore = 0
  for (const word of words) {
    if (malayParticles.has(word)) malayScore += 3
    else if (sharedLoanwords.has(word)) englishScore += 0.5
    else if (malayWords.has(word)) malayScore += 2
    else if (englishWords.has(word)) englishScore += 1
    else if (malaySuffixPattern.test(word)) malayScore += 1.5
  }
  if (malayScore > englishScore) return 'ms'
  if (englishScore > malayScore) return 'en'
  if (previous !== undefined) return previous
  return 'en'
}
