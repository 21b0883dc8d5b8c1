import type { MessageCatalog } from './en.ts'

/** Malay replies. */
export const malayMessages: MessageCatalog = {
  greeting:
    'Hai! Saya pembantu beli-belah Kedai. Saya boleh cari produk, semak saiz dan stok, jejak pesanan dan jawab soalan tentang kedai. Apa yang boleh saya bantu?',
  thanks: 'Sama-sama! Ada apa-apa lagi yang boleh saya bantu?',
  goodbye: 'Terima kasih kerana berbual dengan kami. Selamat tinggal!',
  'affirm-idle': 'Bagus! Apa yang anda mahu buat seterusnya?',
  'deny-idle': 'Tiada masalah. Ada apa-apa lagi yang boleh saya bantu?',
  fallback:
    'Maaf, saya tidak faham. Anda boleh tanya tentang produk, pesanan atau polisi kedai kami.',
  clarify: 'Untuk pastikan, yang mana satu maksud anda?',
  'hand-over-explicit':
    'Baik, saya sambungkan anda dengan kakitangan kami. Seseorang akan menyertai perbualan ini sebentar lagi.',
  'hand-over-low-confidence':
    'Saya kurang faham, jadi saya panggil kakitangan kami. Seseorang akan menyertai perbualan ini sebentar lagi.',
  'hand-over-complaint':
    'Maaf atas kesulitan ini. Saya serahkan perkara ini kepada pasukan kami, dan seseorang akan menyertai perbualan ini sebentar lagi.',
  'hand-over-fraud':
    'Terima kasih kerana memberitahu kami. Demi keselamatan anda, kakitangan kami akan mengambil alih sebentar lagi.',
  'hand-over-special-discount':
    'Harga istimewa ditentukan oleh pasukan kami, jadi saya sambungkan anda dengan kakitangan kami. Sila tunggu sebentar.',
  'hand-over-waiting':
    'Kakitangan kami akan bersama anda tidak lama lagi. Mesej anda telah disimpan.',
  'policy-answer': '{documentTitle} — {title}:\n{quote}',
  'policy-english-only': 'Bahagian polisi ini hanya ada dalam bahasa Inggeris:',
  'policy-not-found':
    'Saya tidak jumpa perkara itu dalam polisi kedai kami. Mahu saya sambungkan dengan kakitangan kami?',
  'flow-cancelled': 'Baik, saya sudah hentikan. Apa lagi yang boleh saya bantu?',
  'nothing-to-cancel':
    'Tiada apa-apa yang sedang berjalan untuk dibatalkan. Apa yang boleh saya bantu?',
  'flow-resumed': 'Sekarang, kita sambung semula.',
  'too-many-attempts':
    'Kita tangguhkan dulu perkara ini. Mahu saya sambungkan dengan kakitangan kami?',
  'ask-email': 'Alamat e-mel mana yang patut kami gunakan?',
  'invalid-email': 'Itu bukan alamat e-mel yang sah. Sila taip seperti nama@contoh.com.',
  'newsletter-confirm': 'Langgan surat berita kami dengan {email}?',
  'newsletter-done':
    'Siap! {email} akan menerima surat berita kami. Anda boleh berhenti melanggan bila-bila masa.',
  'confirm-again': 'Sila jawab ya atau tidak.',
  'not-yet-available':
    'Saya belum boleh buat itu dalam sembang. Mahu saya sambungkan dengan kakitangan kami?',
  'empty-message': 'Mesej anda kosong. Apa yang anda mahu tanya?',
  'attachment-received':
    'Terima kasih, fail anda sudah disimpan. Apa yang anda mahu tanya tentangnya?',
  'choice-yes': 'Ya',
  'choice-no': 'Tidak',
  'choice-cancel': 'Batal',
  'choice-talk-to-person': 'Bercakap dengan orang',
  'choice-find-product': 'Cari produk',
  'choice-track-order': 'Jejak pesanan',
  'choice-store-policies': 'Pemulangan & penghantaran',
  'intent-greeting': 'Bertegur sapa',
  'intent-goodbye': 'Tamatkan sembang',
  'intent-thanks': 'Ucap terima kasih',
  'intent-affirm': 'Ya',
  'intent-deny': 'Tidak',
  'intent-product_search': 'Cari produk',
  'intent-product_availability': 'Semak saiz dan stok',
  'intent-product_info': 'Butiran dan harga produk',
  'intent-recommendation': 'Dapatkan cadangan',
  'intent-add_to_cart': 'Tambah ke troli',
  'intent-view_cart': 'Lihat troli saya',
  'intent-remove_from_cart': 'Buang dari troli',
  'intent-checkout': 'Bayar',
  'intent-apply_coupon': 'Guna kupon',
  'intent-restock_alert': 'Makluman stok semula',
  'intent-store_availability': 'Cari di kedai',
  'intent-track_order': 'Jejak pesanan',
  'intent-cancel_order': 'Batalkan pesanan',
  'intent-change_order': 'Ubah pesanan',
  'intent-change_shipping_address': 'Tukar alamat penghantaran',
  'intent-request_return': 'Pulangkan barang',
  'intent-exchange_item': 'Tukar barang',
  'intent-track_refund': 'Status bayaran balik',
  'intent-get_invoice': 'Dapatkan invois',
  'intent-shipping_info': 'Penghantaran',
  'intent-payment_methods': 'Kaedah pembayaran',
  'intent-payment_issue': 'Masalah pembayaran',
  'intent-store_policy': 'Polisi kedai',
  'intent-manage_account': 'Akaun saya',
  'intent-newsletter_subscription': 'Surat berita',
  'intent-loyalty_points': 'Mata ganjaran',
  'intent-feedback': 'Beri maklum balas',
  'intent-complaint': 'Buat aduan',
  'intent-report_fraud': 'Laporkan penipuan',
  'intent-request_special_discount': 'Minta diskaun',
  'intent-contact_human_agent': 'Bercakap dengan orang',
  'intent-out_of_scope': 'Lain-lain',
}
