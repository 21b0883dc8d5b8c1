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
} as const

/** A key of the message catalogs. */
export type MessageKey = keyof typeof englishMessages

/** A full catalog: every key translated. */
export type MessageCatalog = Readonly<Record<MessageKey, string>>
