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
  'store-stock-here':
    'Ya, {product} ada stok di {store} ({units} lagi). Anda boleh dapatkannya di {aisle}.',
  'store-stock-elsewhere': '{product} tiada di rak {store} sekarang. Ada stok di {others}.',
  'store-stock-list': '{product} ada stok di {stores}.',
  'store-stock-none':
    '{product} tiada stok di mana-mana kedai kami sekarang, tetapi anda boleh memesannya dalam talian.',
  'store-hours': '{store} dibuka hari ini {hours}. Alamat: {address}.',
  'store-closed-today': '{store} ditutup hari ini.',
  'store-list': 'Kedai kami dan waktu operasi hari ini: {stores}.',
  'not-yet-available':
    'Saya belum boleh buat itu dalam sembang. Mahu saya sambungkan dengan kakitangan kami?',
  'empty-message': 'Mesej anda kosong. Apa yang anda mahu tanya?',
  'attachment-received':
    'Terima kasih, fail anda sudah disimpan. Apa yang anda mahu tanya tentangnya?',
  'search-results': 'Ini yang saya jumpa untuk “{query}”:',
  'search-none': 'Saya tidak jumpa apa-apa untuk “{query}”. Cuba perkataan atau kategori lain.',
  'ask-product': 'Produk yang mana? Beritahu saya namanya, contohnya “kasut sukan”.',
  'product-details': '{product}: {description} Dari {price}.',
  'availability-sizes': '{product} ada dalam saiz {sizes}. Saiz mana yang anda mahu?',
  'availability-in-stock':
    'Ada! {product} saiz {size} ada stok pada harga {price}, dalam warna {colors}.',
  'availability-out-of-stock':
    'Maaf, {product} saiz {size} telah habis dijual. Saya boleh maklumkan apabila ada stok semula, atau tunjukkan gaya yang serupa.',
  'availability-no-such-size': '{product} tiada saiz {size}. Saiz yang ada: {sizes}.',
  'stock-in': '{product} ada stok.',
  'stock-out': '{product} habis dijual buat masa ini.',
  'similar-products': 'Gaya serupa yang mungkin anda suka:',
  'restock-alert-done': 'Baik! Saya akan maklumkan di sini apabila {product} ada stok semula.',
  'cart-added': '{product} ({options}) telah ditambah ke troli. Jumlah troli: {total}.',
  'cart-add-failed':
    'Maaf, saya tidak dapat menambahnya ke troli: barang itu mungkin baru habis dijual.',
  'cart-empty': 'Troli anda kosong. Apa yang anda cari?',
  'cart-summary': 'Troli anda: {lines}. Jumlah: {total}.',
  'choice-details': 'Butiran',
  'choice-check-sizes': 'Saiz dan stok',
  'choice-add-to-cart': 'Tambah ke troli',
  'choice-add-colour': 'Tambah {color} ke troli',
  'choice-view-cart': 'Lihat troli',
  'choice-checkout': 'Bayar',
  'choice-notify-me': 'Maklumkan saya',
  'choice-show-similar': 'Tunjuk gaya serupa',
  'choice-size': 'Saiz {size}',
  'ask-order-number': 'Apakah nombor pesanan anda? Contohnya #W1234567.',
  'invalid-order-number': 'Itu bukan nombor pesanan. Contohnya #W1234567.',
  'ask-verification-email':
    'Untuk melindungi privasi anda, alamat e-mel mana yang anda gunakan semasa membuat pesanan?',
  'verification-failed':
    'Butiran itu tidak sepadan dengan rekod kami. Anda ada {attemptsLeft} cubaan lagi.',
  'verification-locked':
    'Demi keselamatan anda, saya tidak boleh menyemaknya di sini. Kakitangan kami akan membantu anda sebentar lagi.',
  'order-not-found': 'Saya tidak jumpa pesanan {number} untuk anda. Sila semak nombornya.',
  'order-status-with-eta': 'Pesanan {number} {status}. Jangkaan penghantaran: {eta}.',
  'order-status-plain': 'Pesanan {number} {status}.',
  'order-tracking-link': 'Jejak bungkusan di sini: {url}',
  'order-status-pending': 'belum diproses',
  'order-status-processed': 'sedang disediakan',
  'order-status-shipped': 'dalam perjalanan',
  'order-status-delivered': 'telah dihantar',
  'order-status-cancelled': 'telah dibatalkan',
  'order-status-return-requested': 'menunggu pemulangan anda',
  'order-status-return-received': 'telah dipulangkan dan sedang disemak',
  'order-status-refunded': 'telah dibayar balik',
  'order-status-exchange-requested': 'menunggu pertukaran anda',
  'return-confirm':
    'Mulakan pemulangan untuk semua barang pesanan {number}? Bayaran balik ke kaedah pembayaran asal.',
  'return-started':
    'Pemulangan {rma} telah dibuka. Cetak label, bungkus barang dan hantar bungkusan ke mana-mana Pos Malaysia atau kedai Kedai dalam 14 hari.',
  'return-label-fee':
    '{fee} untuk label pemulangan prabayar akan ditolak daripada bayaran balik anda, seperti dalam polisi pemulangan kami.',
  'return-label': 'Label pemulangan {rma} (PDF)',
  'return-not-allowed':
    'Pesanan {number} tidak boleh dipulangkan dalam sembang kerana {status}. Kakitangan kami boleh membantu.',
  'ask-coupon': 'Kod kupon mana yang anda mahu guna?',
  'invalid-coupon-code': 'Itu bukan kod kupon. Contohnya SAVE10.',
  'coupon-noted': 'Kupon {code} akan digunakan semasa anda membayar.',
  'ask-full-name': 'Pesanan atas nama siapa? Sila beri nama pertama dan nama akhir.',
  'invalid-full-name': 'Sila beri nama pertama dan nama akhir, contohnya Siti Aminah.',
  'ask-address': 'Ke mana kami patut hantar? Tulis: jalan, bandar, poskod, negara.',
  'invalid-address': 'Sila tulis alamat seperti: jalan, bandar, poskod, negara.',
  'checkout-confirm':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, dihantar ke {city}?',
  'ask-card':
    'Untuk membayar, taip nombor kad (kad ujian sandbox sahaja, contohnya 4242 4242 4242 4242).',
  'invalid-card': 'Nombor kad itu tidak sah. Sila semak digitnya.',
  'order-placed':
    'Terima kasih! Pesanan {number} telah dibuat dan {total} telah dibayar. Jangkaan penghantaran: {eta}.',
  'order-placed-no-eta': 'Terima kasih! Pesanan {number} telah dibuat dan {total} telah dibayar.',
  'checkout-declined': 'Pembayaran ditolak, jadi tiada pesanan dibuat. Anda boleh cuba kad lain.',
  'checkout-coupon-refused':
    'Kupon {code} tidak boleh digunakan untuk pesanan ini, jadi tiada pesanan dibuat. Bayar semula tanpanya?',
  'checkout-failed':
    'Saya tidak dapat membuat pesanan ({reason}). Tiada caj dibuat. Kakitangan kami boleh membantu.',
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
  // cart changes, loyalty, account, feedback, payment choices
  'choice-remove-line': 'Buang {product}',
  'choice-change-quantity': 'Tukar kuantiti: {product}',
  'choice-cart-line': '{product}',
  'choice-quantity': '{quantity}',
  'choice-remove-it': 'Buang',
  'cart-ask-line': 'Barang mana yang hendak dibuang?',
  'cart-ask-line-quantity': 'Barang mana yang hendak ditukar?',
  'cart-ask-quantity': 'Berapa {product} yang anda mahu? (0 untuk buang)',
  'cart-invalid-quantity': 'Sila beri nombor dari 0 hingga 99.',
  'cart-line-not-found': 'Barang itu tiada dalam troli anda. Yang mana satu?',
  'cart-quantity-unavailable': 'Maaf, hanya {available} {product} ada dalam stok.',
  'cart-change-failed': 'Maaf, troli tidak dapat ditukar sekarang. Sila cuba lagi.',
  'cart-line-removed': '{product} telah dibuang dari troli anda.',
  'cart-quantity-changed': 'Siap: {quantity} × {product} dalam troli anda.',
  'ask-account-email': 'Butiran akaun adalah peribadi, jadi dulu: apakah alamat e-mel akaun anda?',
  'ask-account-order-number': 'Dan nombor salah satu pesanan anda? Contohnya #W1234567.',
  'loyalty-ask-verify':
    'Baki mata anda adalah maklumat peribadi, jadi saya perlu pastikan ini anda (e-mel dan nombor pesanan). Boleh?',
  'choice-check-its-me': 'Ya, sahkan saya',
  'choice-how-points-work': 'Cara mata berfungsi',
  'loyalty-tier-silver': 'Silver',
  'loyalty-tier-gold': 'Gold',
  'loyalty-tier-platinum': 'Platinum',
  'loyalty-balance':
    'Anda ada {points} mata (ahli {tier}), bernilai potongan {worth} semasa pembayaran.',
  'loyalty-balance-next-tier':
    'Anda ada {points} mata (ahli {tier}), bernilai potongan {worth} semasa pembayaran. Perlu {needed} mata lagi untuk ke tahap {nextTier}.',
  'account-ask-topic': 'Apa yang anda ingin buat dengan akaun anda?',
  'choice-account-sign-in': 'Log masuk atau kata laluan',
  'choice-account-addresses': 'Alamat tersimpan',
  'choice-account-payment-methods': 'Kad tersimpan',
  'choice-account-language': 'Bahasa',
  'choice-account-marketing': 'E-mel pemasaran',
  'choice-account-export': 'Salinan data saya',
  'choice-account-delete': 'Padam data saya',
  'account-sign-in-help':
    'Tekan "Lupa kata laluan?" di halaman log masuk dan kami akan e-melkan pautan set semula (semak folder spam juga). Masih tak boleh? Kakitangan kami boleh membantu.',
  'account-addresses': 'Alamat tersimpan anda: {addresses}.',
  'account-no-addresses':
    'Anda belum ada alamat tersimpan. Ia akan disimpan semasa pembayaran seterusnya.',
  'account-payment-methods': 'Kaedah pembayaran tersimpan anda: {methods}.',
  'account-no-payment-methods': 'Anda tiada kaedah pembayaran tersimpan.',
  'account-gift-card': 'Kad hadiah',
  'account-card': 'Kad',
  'account-ask-language': 'Bahasa apa yang patut kami gunakan untuk mesej dan e-mel anda?',
  'language-name-en': 'English',
  'language-name-zh-hant': '繁體中文',
  'language-name-zh-hans': '简体中文',
  'language-name-ms': 'Bahasa Melayu',
  'account-language-set': 'Siap: kami akan menghubungi anda dalam {language}.',
  'account-ask-marketing': 'Mahu terima e-mel pemasaran kami (tawaran dan barangan baharu)?',
  'choice-subscribe': 'Ya, langgan',
  'choice-unsubscribe': 'Tidak, berhenti langgan',
  'account-marketing-on': 'Siap: anda telah melanggan e-mel pemasaran kami.',
  'account-marketing-off':
    'Siap: anda tidak akan terima e-mel pemasaran lagi. E-mel pesanan tetap dihantar.',
  'account-export-ready':
    'Ini salinan data peribadi anda (profil, alamat, kaedah pembayaran tersimpan, pesanan). Pautan ini sah selama 15 minit.',
  'account-export-file': 'Data peribadi saya (JSON)',
  'account-delete-confirm':
    'Ini akan memadam nama, e-mel, telefon dan alamat anda secara kekal; rekod pesanan disimpan untuk akaun kami. Padam data peribadi anda?',
  'choice-delete-my-data': 'Ya, padam data saya',
  'choice-keep-my-data': 'Tidak, simpan',
  'account-deleted':
    'Data peribadi anda telah dipadam. Terima kasih kerana membeli-belah dengan kami.',
  'account-delete-kept': 'Baik, tiada apa-apa dipadam.',
  'feedback-thanks':
    'Terima kasih atas maklum balas anda! Pasukan kami membaca setiap mesej. Berapa bintang untuk kami?',
  'feedback-thanks-rated':
    'Terima kasih atas maklum balas anda! Pasukan kami membaca setiap mesej.',
  'feedback-rated': 'Terima kasih atas penilaian anda!',
  'choice-rating': '{stars}',
  'payment-issue-help':
    "Kami terima Visa, Mastercard, Amex, PayPal, FPX, GrabPay, Touch 'n Go dan kad hadiah. Kad yang ditolak tidak dicaj: cuba kad lain, atau bayar di halaman pembayaran selamat kami.",
  'payment-issue-failed-order':
    'Pesanan anda {number} ({total}) sedang menunggu bayaran: bayaran terakhir tidak berjaya dan tiada caj dibuat. Cuba kad lain atau halaman pembayaran selamat, atau minta bantuan kakitangan.',
  'choice-pay-on-secure-page': 'Bayar di halaman selamat',
  'checkout-ask-payment': 'Bagaimana anda mahu membayar?',
  'choice-saved-card': '{card}',
  'choice-another-card': 'Kad lain',
  'checkout-confirm-saved':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, dihantar ke {city}, dibayar dengan {card}?',
  'checkout-confirm-link':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, dihantar ke {city}? Saya akan hantar pautan pembayaran selamat.',
  'checkout-pay-link':
    'Bayar {total} di halaman pembayaran selamat kami. Pesanan anda disahkan di sini sebaik sahaja dibayar.',
  'choice-pay-now': 'Bayar sekarang',
  'newsletter-unsubscribe-how':
    'Untuk berhenti menerima e-mel kami, tekan "Unsubscribe" di bahagian bawah mana-mana e-mel kami: ia berkuat kuasa serta-merta. Jika anda ada akaun, saya juga boleh matikan e-mel pemasaran di sini.',
  // order care (cancel, change, exchange, refunds, invoices)
  'order-care-failed':
    'Saya tidak dapat melakukannya untuk pesanan {number} ({reason}). Tiada apa-apa yang diubah. Kakitangan kami boleh membantu.',
  'ask-cancel-reason': 'Kenapa anda mahu membatalkan pesanan {number}?',
  'invalid-cancel-reason': 'Sila pilih salah satu sebab ini.',
  'choice-reason-no-longer-needed': 'Saya tak perlukannya lagi',
  'choice-reason-ordered-by-mistake': 'Saya tersilap pesan',
  'cancel-confirm':
    'Batalkan pesanan {number}? {refund} akan dibayar balik ke kaedah pembayaran asal.',
  'order-cancelled':
    'Pesanan {number} telah dibatalkan. {refund} dikembalikan ke kaedah pembayaran asal: kad hadiah serta-merta, kad bank dalam 5–7 hari bekerja.',
  'order-cancelled-points-both':
    '{spent} mata yang anda guna telah dikembalikan ke baki anda, dan {earned} mata yang diperoleh daripada pesanan ini ditarik balik.',
  'order-cancelled-points-back': '{spent} mata yang anda guna telah dikembalikan ke baki anda.',
  'order-cancelled-points-removed':
    '{earned} mata yang diperoleh daripada pesanan ini ditarik balik daripada baki anda.',
  'cancel-not-pending':
    'Pesanan {number} tidak boleh dibatalkan kerana {status}. Kakitangan kami boleh membantu.',
  'cancel-items-modified':
    'Pesanan {number} sudah diubah sekali, jadi tidak boleh dibatalkan dalam sembang. Kakitangan kami boleh membantu.',
  'ask-order-change': 'Apa yang anda mahu tukar untuk pesanan {number}?',
  'invalid-order-change': 'Sila pilih apa yang mahu ditukar.',
  'choice-change-address': 'Alamat penghantaran',
  'choice-change-items': 'Barang atau saiz',
  'choice-change-payment': 'Kaedah pembayaran',
  'ask-new-address':
    'Ke mana pesanan {number} patut dihantar? Tulis: jalan, bandar, poskod, negara.',
  'change-address-confirm': 'Hantar pesanan {number} ke {address}?',
  'address-changed': 'Siap! Pesanan {number} akan dihantar ke {address}.',
  'change-not-pending':
    'Pesanan {number} tidak boleh ditukar kerana {status}. Kakitangan kami boleh membantu.',
  'change-needs-person':
    'Dalam sembang, saya boleh tukar alamat penghantaran pesanan {number}. Untuk menukar barang atau kaedah pembayaran, kakitangan kami boleh membantu.',
  'ask-exchange-item': 'Barang mana dalam pesanan {number} yang anda mahu tukar?',
  'invalid-exchange-item': 'Sila pilih salah satu barang ini.',
  'choice-order-item': '{item}',
  'ask-exchange-variant': 'Anda mahu tukar {item} dengan yang mana? Yang ini ada stok:',
  'invalid-exchange-variant': 'Sila pilih salah satu pilihan yang ada stok.',
  'exchange-confirm-same': 'Tukar {item} dengan {variant}? Tiada beza harga.',
  'exchange-confirm-pay':
    'Tukar {item} dengan {variant}? Beza harga {difference} akan dicaj ke kaedah pembayaran asal apabila kami menerima barang yang anda pulangkan.',
  'exchange-confirm-refund':
    'Tukar {item} dengan {variant}? Beza harga {difference} akan dibayar balik ke kaedah pembayaran asal apabila kami menerima barang yang anda pulangkan.',
  'exchange-started':
    'Pertukaran {rma} telah dibuka. Cetak label dan hantar balik {item} dalam 14 hari; kami hantar {variant} sebaik sahaja ia tiba.',
  'exchange-not-allowed':
    'Pesanan {number} tidak boleh ditukar dalam sembang kerana {status}. Kakitangan kami boleh membantu.',
  'exchange-no-variants':
    '{item} tiada pilihan lain yang ada stok sekarang. Kakitangan kami boleh membantu.',
  'refund-summary': 'Bayaran balik dan pemulangan pesanan {number}:',
  'refund-line': 'Bayaran balik {amount} ke {method}: {status}.',
  'refund-return-line': 'Pemulangan {rma}: {status}. Bayaran balik ke {method}.',
  'refund-none': 'Pesanan {number} belum ada bayaran balik atau pemulangan.',
  'choice-start-return': 'Pulangkan barang',
  'refund-status-pending': 'sedang diproses (kad bank mengambil 5–7 hari bekerja)',
  'refund-status-succeeded': 'selesai',
  'refund-status-failed': 'gagal, pasukan kami boleh membantu anda menyelesaikannya',
  'return-status-requested': 'menunggu bungkusan anda',
  'return-status-received': 'bungkusan diterima, bayaran balik sedang disediakan',
  'return-status-refunded': 'telah dibayar balik',
  'return-status-cancelled': 'dibatalkan',
  'payment-method-card': 'kad anda',
  'payment-method-gift-card': 'kad hadiah anda',
  'payment-method-paypal': 'akaun PayPal anda',
  'payment-method-original': 'kaedah pembayaran asal',
  'invoice-ready': 'Ini invois untuk pesanan {number}. Pautan sah selama 7 hari.',
  'invoice-file': 'Invois {invoice} (PDF)',
  'invoice-not-available':
    'Pesanan {number} {status}, jadi tiada invois. Kakitangan kami boleh membantu.',
  // loyalty redemption and saved cards
  'checkout-ask-points':
    'Anda ada {balance} mata. Guna {points} mata untuk potongan {discount} pada pesanan ini?',
  'choice-use-points': 'Guna {points} mata (potongan {discount})',
  'choice-keep-points': 'Bukan kali ini',
  'checkout-points-invalid': 'Jumlah mata itu tidak boleh digunakan untuk pesanan ini.',
  'checkout-confirm-points':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, {points} mata memberi potongan {discount}, dihantar ke {city}?',
  'checkout-confirm-saved-points':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, {points} mata memberi potongan {discount}, dihantar ke {city}, dibayar dengan {card}?',
  'checkout-confirm-link-points':
    'Buat pesanan: {count} barang, {total} sebelum penghantaran dan diskaun, {points} mata memberi potongan {discount}, dihantar ke {city}? Saya akan hantar pautan pembayaran selamat.',
  'checkout-points-used':
    'Anda guna {points} mata (potongan {discount}) dan dapat {earned} mata dengan pesanan ini.',
  'checkout-points-below-minimum':
    'Mata boleh digunakan mulai {minimum} mata, jadi tiada pesanan dibuat. Bayar semula?',
  'checkout-points-not-in-blocks':
    'Mata digunakan dalam blok {block}, jadi tiada pesanan dibuat. Bayar semula?',
  'checkout-points-over-limit':
    'Pesanan ini boleh guna paling banyak {points} mata (potongan {discount}), jadi tiada pesanan dibuat. Bayar semula?',
  'checkout-points-none-allowed':
    'Mata tidak boleh digunakan untuk pesanan sekecil ini, jadi tiada pesanan dibuat. Bayar semula?',
  'checkout-points-insufficient':
    'Mata anda sudah tidak mencukupi, jadi tiada pesanan dibuat. Bayar semula?',
  'checkout-ask-save-card':
    'Simpan {card} untuk kali seterusnya? Kami hanya simpan token penyedia pembayaran dengan jenama dan 4 digit terakhir, bukan nombor kad.',
  'choice-save-card': 'Ya, simpan',
  'choice-dont-save-card': 'Tidak, terima kasih',
  'checkout-card-saved':
    'Disimpan. Lain kali anda boleh bayar dengan {card} tanpa menaip nombor kad.',
  'checkout-card-not-saved': 'Baik, kad ini tidak disimpan.',
}
