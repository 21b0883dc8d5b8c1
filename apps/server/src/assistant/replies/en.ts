/**
 * English replies: the reference catalog. Its keys are the message keys of every catalog; other
 * languages must translate every key (the type checker enforces it). `{name}` is interpolated.
 */
export const englishMessages = {
  greeting:
    "Hi! I'm Kedai's shopping assistant. I can find products, check sizes and stock, track orders and answer store questions. What can I do for you?",
  thanks: "You're welcome! Anything else I can help with?",
  goodbye: 'Thanks for chatting with us. Goodbye!',
  'affirm-idle': 'Great! What would you like to do next?',
  'deny-idle': 'No problem. Is there anything else I can help with?',
  fallback:
    "Sorry, I didn't understand that. You can ask me about products, your orders or our store policies.",
  clarify: 'Just to be sure, which of these do you mean?',
  'hand-over-explicit':
    "Sure, I'm connecting you with a person. Someone from our team will join this chat shortly.",
  'hand-over-low-confidence':
    "I'm having trouble understanding, so I'm bringing in a person. Someone from our team will join this chat shortly.",
  'hand-over-complaint':
    "I'm sorry about that. I'm passing this to our team, and a person will join this chat shortly.",
  'hand-over-fraud':
    'Thank you for telling us. For your security, a person from our team will take this over shortly.',
  'hand-over-special-discount':
    "Special prices are decided by our team, so I'm passing you to a person. Someone will join shortly.",
  'hand-over-waiting': 'A person from our team will be with you soon. Your messages are saved.',
  'policy-answer': '{documentTitle} — {title}:\n{quote}',
  'policy-english-only': 'This part of our policy is only available in English:',
  'policy-not-found':
    "I couldn't find that in our store policies. Would you like a person to help?",
  'flow-cancelled': "Okay, I've stopped that. What else can I do for you?",
  'nothing-to-cancel': "There's nothing in progress to cancel. What can I do for you?",
  'flow-resumed': 'Now, back to where we were.',
  'too-many-attempts': "Let's leave that for now. Would you like a person to help?",
  'ask-email': 'What email address should we use?',
  'invalid-email': "That doesn't look like an email address. Please type it like name@example.com.",
  'newsletter-confirm': 'Subscribe {email} to our newsletter?',
  'newsletter-done': 'Done! {email} will receive our newsletter. You can unsubscribe any time.',
  'confirm-again': 'Please answer yes or no.',
  'store-stock-here':
    "Yes, {product} is in stock here at {store} ({units} left). You'll find it at {aisle}.",
  'store-stock-elsewhere':
    '{product} is not on the shelf at {store} right now. It is in stock at {others}.',
  'store-stock-list': '{product} is in stock at {stores}.',
  'store-stock-none':
    '{product} is not in stock at any of our stores right now, but you can order it online.',
  'store-hours': '{store} is open today {hours}. Address: {address}.',
  'store-closed-today': '{store} is closed today.',
  'store-list': "Our stores and today's hours: {stores}.",
  'not-yet-available': "I can't do that in chat yet. Would you like a person to help?",
  'empty-message': 'Your message was empty. What would you like to ask?',
  'attachment-received': "Thanks, I've saved your file. What would you like to ask about it?",
  'search-results': 'Here is what I found for “{query}”:',
  'search-none': "I couldn't find anything for “{query}”. Try another word or a category.",
  'ask-product': 'Which product do you mean? Tell me its name, for example “running shoes”.',
  'product-details': '{product}: {description} From {price}.',
  'availability-sizes': '{product} comes in sizes {sizes}. Which size would you like?',
  'availability-in-stock': 'Yes! {product} in size {size} is in stock at {price}, in {colors}.',
  'availability-out-of-stock':
    'Sorry, {product} in size {size} is sold out right now. I can tell you when it is back, or show you similar styles.',
  'availability-no-such-size': "{product} doesn't come in size {size}. Available sizes: {sizes}.",
  'stock-in': '{product} is in stock.',
  'stock-out': '{product} is sold out right now.',
  'similar-products': 'Similar styles you might like:',
  'restock-alert-done': "Done! I'll let you know here when {product} is back in stock.",
  'cart-added': 'Added {product} ({options}) to your cart. Cart total: {total}.',
  'cart-add-failed': "Sorry, I couldn't add that to your cart: it may have just sold out.",
  'cart-empty': 'Your cart is empty. What are you looking for?',
  'cart-summary': 'Your cart: {lines}. Total: {total}.',
  'choice-details': 'Details',
  'choice-check-sizes': 'Sizes and stock',
  'choice-add-to-cart': 'Add to cart',
  'choice-add-colour': 'Add {color} to cart',
  'choice-view-cart': 'View cart',
  'choice-checkout': 'Check out',
  'choice-notify-me': 'Notify me when back',
  'choice-show-similar': 'Show similar styles',
  'choice-size': 'Size {size}',
  'ask-order-number': 'What is your order number? It looks like #W1234567.',
  'invalid-order-number': "That doesn't look like an order number. It looks like #W1234567.",
  'ask-verification-email': 'To protect your privacy, which email address did you order with?',
  'verification-failed':
    "Those details don't match our records. You have {attemptsLeft} more tries.",
  'verification-locked':
    "For your security I can't look that up here. A person from our team will help you shortly.",
  'order-not-found': "I can't find order {number} for you. Please check the number.",
  'order-status-with-eta': 'Order {number} is {status}. Expected delivery: {eta}.',
  'order-status-plain': 'Order {number} is {status}.',
  'order-tracking-link': 'Track the parcel here: {url}',
  'order-status-pending': 'pending (not yet processed)',
  'order-status-processed': 'being prepared',
  'order-status-shipped': 'on its way',
  'order-status-delivered': 'delivered',
  'order-status-cancelled': 'cancelled',
  'order-status-return-requested': 'waiting for your return',
  'order-status-return-received': 'returned and being checked',
  'order-status-refunded': 'refunded',
  'order-status-exchange-requested': 'waiting for your exchange',
  'return-confirm':
    'Start a return for all items of order {number}? The refund goes to the original payment method.',
  'return-started':
    'Your return {rma} is open. Print the label, pack the items and drop the parcel at any Pos Malaysia or Kedai store within 14 days.',
  'return-label-fee':
    '{fee} for the prepaid return label comes off your refund, as our returns policy says.',
  'return-label': 'Return label {rma} (PDF)',
  'return-not-allowed':
    "Order {number} can't be returned in chat because it is {status}. A person can help you.",
  'ask-coupon': 'Which coupon code would you like to use?',
  'invalid-coupon-code': "That doesn't look like a coupon code. Codes look like SAVE10.",
  'coupon-noted': 'Coupon {code} will be applied when you check out.',
  'ask-full-name': 'Whose name should the order be under? Please give a first and last name.',
  'invalid-full-name': 'Please give a first and last name, for example Mei Lin.',
  'ask-address': 'Where should we deliver? Write: street, city, postcode, country.',
  'invalid-address': 'Please write the address as: street, city, postcode, country.',
  'checkout-confirm':
    'Place the order: {count} item(s), {total} before shipping and discounts, delivered to {city}?',
  'ask-card':
    'To pay, type the card number (sandbox test cards only, such as 4242 4242 4242 4242).',
  'invalid-card': "That card number isn't valid. Please check the digits.",
  'order-placed':
    'Thank you! Order {number} is placed and {total} is paid. Estimated delivery: {eta}.',
  'order-placed-no-eta': 'Thank you! Order {number} is placed and {total} is paid.',
  'checkout-declined':
    'The payment was declined, so nothing was ordered. You can try another card.',
  'checkout-coupon-refused':
    "Coupon {code} can't be used on this order, so nothing was ordered. Check out again without it?",
  'checkout-failed':
    "I couldn't place the order ({reason}). Nothing was charged. A person can help.",
  'choice-yes': 'Yes',
  'choice-no': 'No',
  'choice-cancel': 'Cancel',
  'choice-talk-to-person': 'Talk to a person',
  'choice-find-product': 'Find a product',
  'choice-track-order': 'Track my order',
  'choice-store-policies': 'Returns & shipping',
  'intent-greeting': 'Say hello',
  'intent-goodbye': 'End the chat',
  'intent-thanks': 'Say thanks',
  'intent-affirm': 'Yes',
  'intent-deny': 'No',
  'intent-product_search': 'Find a product',
  'intent-product_availability': 'Check sizes and stock',
  'intent-product_info': 'Product details and price',
  'intent-recommendation': 'Get a recommendation',
  'intent-add_to_cart': 'Add to cart',
  'intent-view_cart': 'View my cart',
  'intent-remove_from_cart': 'Remove from cart',
  'intent-checkout': 'Check out',
  'intent-apply_coupon': 'Use a coupon',
  'intent-restock_alert': 'Restock alert',
  'intent-store_availability': 'Find it in a store',
  'intent-track_order': 'Track my order',
  'intent-cancel_order': 'Cancel an order',
  'intent-change_order': 'Change an order',
  'intent-change_shipping_address': 'Change delivery address',
  'intent-request_return': 'Return an item',
  'intent-exchange_item': 'Exchange an item',
  'intent-track_refund': 'Refund status',
  'intent-get_invoice': 'Get an invoice',
  'intent-shipping_info': 'Shipping and delivery',
  'intent-payment_methods': 'Payment methods',
  'intent-payment_issue': 'A payment problem',
  'intent-store_policy': 'Store policies',
  'intent-manage_account': 'My account',
  'intent-newsletter_subscription': 'Newsletter',
  'intent-loyalty_points': 'Loyalty points',
  'intent-feedback': 'Give feedback',
  'intent-complaint': 'Make a complaint',
  'intent-report_fraud': 'Report fraud',
  'intent-request_special_discount': 'Ask for a discount',
  'intent-contact_human_agent': 'Talk to a person',
  'intent-out_of_scope': 'Something else',
  // cart changes, loyalty, account, feedback, payment choices
  'choice-remove-line': 'Remove {product}',
  'choice-change-quantity': 'Change quantity: {product}',
  'choice-cart-line': '{product}',
  'choice-quantity': '{quantity}',
  'choice-remove-it': 'Remove it',
  'cart-ask-line': 'Which item should I remove?',
  'cart-ask-line-quantity': 'Which item should I change?',
  'cart-ask-quantity': 'How many {product} would you like? (0 removes it)',
  'cart-invalid-quantity': 'Please give a number from 0 to 99.',
  'cart-line-not-found': "I couldn't find that item in your cart. Which one do you mean?",
  'cart-quantity-unavailable': 'Sorry, only {available} of {product} are in stock.',
  'cart-change-failed': "Sorry, I couldn't change your cart just now. Please try again.",
  'cart-line-removed': 'Removed {product} from your cart.',
  'cart-quantity-changed': 'Done: {quantity} × {product} in your cart.',
  'ask-account-email':
    'Your account details are personal, so first: which email address is your account under?',
  'ask-account-order-number': 'And the number of one of your orders? It looks like #W1234567.',
  'loyalty-ask-verify':
    'Your points balance is personal, so I need to check it is you (your email and an order number). Shall we?',
  'choice-check-its-me': "Yes, check it's me",
  'choice-how-points-work': 'How points work',
  'loyalty-tier-silver': 'Silver',
  'loyalty-tier-gold': 'Gold',
  'loyalty-tier-platinum': 'Platinum',
  'loyalty-balance':
    'You have {points} points ({tier} member). They are worth {worth} off at checkout.',
  'loyalty-balance-next-tier':
    'You have {points} points ({tier} member), worth {worth} off at checkout. {needed} more points to reach {nextTier}.',
  'account-ask-topic': 'What would you like to do with your account?',
  'choice-account-sign-in': 'Sign-in or password',
  'choice-account-addresses': 'Saved addresses',
  'choice-account-payment-methods': 'Saved cards',
  'choice-account-language': 'Language',
  'choice-account-marketing': 'Marketing emails',
  'choice-account-export': 'A copy of my data',
  'choice-account-delete': 'Delete my data',
  'account-sign-in-help':
    'Tap "Forgot password?" on the sign-in page and we\'ll email you a reset link (check your spam folder too). Still stuck? A person can help.',
  'account-addresses': 'Your saved addresses: {addresses}.',
  'account-no-addresses': "You don't have a saved address yet. It is saved at your next checkout.",
  'account-payment-methods': 'Your saved payment methods: {methods}.',
  'account-no-payment-methods': "You don't have a saved payment method.",
  'account-gift-card': 'Gift card',
  'account-card': 'Card',
  'account-ask-language': 'Which language should we use for your messages and emails?',
  'language-name-en': 'English',
  'language-name-zh-hant': '繁體中文',
  'language-name-zh-hans': '简体中文',
  'language-name-ms': 'Bahasa Melayu',
  'account-language-set': 'Done: we will write to you in {language}.',
  'account-ask-marketing': 'Would you like our marketing emails (offers and new arrivals)?',
  'choice-subscribe': 'Yes, subscribe',
  'choice-unsubscribe': 'No, unsubscribe',
  'account-marketing-on': "Done: you're subscribed to our marketing emails.",
  'account-marketing-off':
    "Done: you won't get marketing emails any more. Order emails still come.",
  'account-export-ready':
    'Here is a copy of your personal data (profile, addresses, saved payment methods, orders). The link works for 15 minutes.',
  'account-export-file': 'My personal data (JSON)',
  'account-delete-confirm':
    'This erases your name, email, phone and addresses for good; orders stay for our accounts. Delete your personal data?',
  'choice-delete-my-data': 'Yes, delete my data',
  'choice-keep-my-data': 'No, keep it',
  'account-deleted': 'Your personal data has been erased. Thank you for shopping with us.',
  'account-delete-kept': 'Okay, nothing was deleted.',
  'feedback-thanks':
    'Thank you for your feedback! Our team reads every message. How would you rate us?',
  'feedback-thanks-rated': 'Thank you for your feedback! Our team reads every message.',
  'feedback-rated': 'Thanks for the rating!',
  'choice-rating': '{stars}',
  'payment-issue-help':
    "We accept Visa, Mastercard, Amex, PayPal, FPX, GrabPay, Touch 'n Go and gift cards. A declined card is never charged: try another card, or pay on our secure payment page.",
  'payment-issue-failed-order':
    "Your order {number} ({total}) is waiting for payment: the last payment didn't go through and nothing was charged. Try another card or our secure payment page, or ask a person.",
  'choice-pay-on-secure-page': 'Pay on a secure page',
  'checkout-ask-payment': 'How would you like to pay?',
  'choice-saved-card': '{card}',
  'choice-another-card': 'Another card',
  'checkout-confirm-saved':
    'Place the order: {count} item(s), {total} before shipping and discounts, delivered to {city}, paid with {card}?',
  'checkout-confirm-link':
    "Place the order: {count} item(s), {total} before shipping and discounts, delivered to {city}? I'll send you a secure payment link.",
  'checkout-pay-link':
    "Pay {total} on our secure payment page. Your order is confirmed here as soon as it's paid.",
  'choice-pay-now': 'Pay now',
  'newsletter-unsubscribe-how':
    'To stop our emails, tap "Unsubscribe" at the bottom of any of them: it works at once. With an account, I can also turn marketing emails off here.',
  // order care (cancel, change, exchange, refunds, invoices)
  'order-care-failed':
    "I couldn't do that for order {number} ({reason}). Nothing was changed. A person can help.",
  'ask-cancel-reason': 'Why would you like to cancel order {number}?',
  'invalid-cancel-reason': 'Please choose one of these reasons.',
  'choice-reason-no-longer-needed': 'I no longer need it',
  'choice-reason-ordered-by-mistake': 'I ordered by mistake',
  'cancel-confirm':
    'Cancel order {number}? {refund} will be refunded to the original payment method.',
  'order-cancelled':
    'Order {number} is cancelled. {refund} goes back to the original payment method: gift cards at once, cards within 5–7 business days.',
  'order-cancelled-points-both':
    'The {spent} points you used are back in your balance, and the {earned} points this order earned are removed.',
  'order-cancelled-points-back': 'The {spent} points you used are back in your balance.',
  'order-cancelled-points-removed':
    'The {earned} points this order earned are removed from your balance.',
  'cancel-not-pending':
    "Order {number} can't be cancelled because it is {status}. A person can help you.",
  'cancel-items-modified':
    "Order {number} was already changed once, so it can't be cancelled in chat. A person can help you.",
  'ask-order-change': 'What would you like to change on order {number}?',
  'invalid-order-change': 'Please choose what to change.',
  'choice-change-address': 'Delivery address',
  'choice-change-items': 'Items or sizes',
  'choice-change-payment': 'Payment method',
  'ask-new-address':
    'Where should order {number} go instead? Write: street, city, postcode, country.',
  'change-address-confirm': 'Deliver order {number} to {address} instead?',
  'address-changed': 'Done! Order {number} will be delivered to {address}.',
  'change-not-pending':
    "Order {number} can't be changed because it is {status}. A person can help you.",
  'change-needs-person':
    'In chat I can change the delivery address of order {number}. To swap items or change the payment method, a person can help you.',
  'ask-exchange-item': 'Which item of order {number} would you like to exchange?',
  'invalid-exchange-item': 'Please choose one of the items.',
  'choice-order-item': '{item}',
  'ask-exchange-variant': 'What would you like instead of {item}? These are in stock:',
  'invalid-exchange-variant': 'Please choose one of the options in stock.',
  'exchange-confirm-same': 'Exchange {item} for {variant}? There is no price difference.',
  'exchange-confirm-pay':
    'Exchange {item} for {variant}? The difference of {difference} is charged to the original payment method when we receive the item you send back.',
  'exchange-confirm-refund':
    'Exchange {item} for {variant}? The difference of {difference} is refunded to the original payment method when we receive the item you send back.',
  'exchange-started':
    'Your exchange {rma} is open. Print the label and send {item} back within 14 days; we ship {variant} as soon as it arrives.',
  'exchange-not-allowed':
    "Order {number} can't be exchanged in chat because it is {status}. A person can help you.",
  'exchange-no-variants': '{item} has no other option in stock right now. A person can help you.',
  'refund-summary': 'Refunds and returns of order {number}:',
  'refund-line': 'Refund of {amount} to {method}: {status}.',
  'refund-return-line': 'Return {rma}: {status}. The refund goes to {method}.',
  'refund-none': 'Order {number} has no refund or return yet.',
  'choice-start-return': 'Return an item',
  'refund-status-pending': 'being processed (cards take 5–7 business days)',
  'refund-status-succeeded': 'completed',
  'refund-status-failed': 'failed, our team can sort it out with you',
  'return-status-requested': 'waiting for your parcel',
  'return-status-received': 'parcel received, refund being prepared',
  'return-status-refunded': 'refunded',
  'return-status-cancelled': 'cancelled',
  'payment-method-card': 'your card',
  'payment-method-gift-card': 'your gift card',
  'payment-method-paypal': 'your PayPal account',
  'payment-method-original': 'the original payment method',
  'invoice-ready': 'Here is the invoice for order {number}. The link works for 7 days.',
  'invoice-file': 'Invoice {invoice} (PDF)',
  'invoice-not-available':
    'Order {number} is {status}, so it has no invoice. A person can help you.',
  // loyalty redemption and saved cards
  'checkout-ask-points':
    'You have {balance} points. Use {points} of them to take {discount} off this order?',
  'choice-use-points': 'Use {points} points ({discount} off)',
  'choice-keep-points': 'Not this time',
  'checkout-points-invalid': "That number of points can't be used on this order.",
  'checkout-confirm-points':
    'Place the order: {count} item(s), {total} before shipping and discounts, {points} points taking {discount} off, delivered to {city}?',
  'checkout-confirm-saved-points':
    'Place the order: {count} item(s), {total} before shipping and discounts, {points} points taking {discount} off, delivered to {city}, paid with {card}?',
  'checkout-confirm-link-points':
    "Place the order: {count} item(s), {total} before shipping and discounts, {points} points taking {discount} off, delivered to {city}? I'll send you a secure payment link.",
  'checkout-points-used':
    'You used {points} points ({discount} off) and earned {earned} points with this order.',
  'checkout-points-below-minimum':
    'Points can be used from {minimum} points upwards, so nothing was ordered. Check out again?',
  'checkout-points-not-in-blocks':
    'Points are used in blocks of {block}, so nothing was ordered. Check out again?',
  'checkout-points-over-limit':
    'This order can take at most {points} points ({discount} off), so nothing was ordered. Check out again?',
  'checkout-points-none-allowed':
    "Points can't be used on this order (it's too small), so nothing was ordered. Check out again?",
  'checkout-points-insufficient':
    "You don't have enough points for that any more, so nothing was ordered. Check out again?",
  'checkout-ask-save-card':
    "Save {card} for next time? We keep only the payment provider's token with the brand and last 4 digits, never the card number.",
  'choice-save-card': 'Yes, save it',
  'choice-dont-save-card': 'No thanks',
  'checkout-card-saved': 'Saved. Next time you can pay with {card} without typing it.',
  'checkout-card-not-saved': "Okay, the card isn't kept.",
} as const

/** A key of the message catalogs. */
export type MessageKey = keyof typeof englishMessages

/** A full catalog: every key translated. */
export type MessageCatalog = Readonly<Record<MessageKey, string>>
