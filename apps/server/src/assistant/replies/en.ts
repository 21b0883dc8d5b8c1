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
  'not-yet-available': "I can't do that in chat yet. Would you like a person to help?",
  'empty-message': 'Your message was empty. What would you like to ask?',
  'attachment-received': "Thanks, I've saved your file. What would you like to ask about it?",
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
