import type { Payment } from '../../../domains/payments/index.ts'
import { formatMoney } from '../../../shared/money.ts'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
.banner{background:#fef3c7;border:1px solid #f59e0b;padding:.5rem .75rem;border-radius:.5rem;font-size:.875rem}
.amount{font-size:2rem;font-weight:700;margin:.5rem 0}label{display:block;margin:1rem 0 .25rem}
input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box}button{margin-top:1rem;width:100%;padding:.75rem;font-size:1rem;background:#0f766e;color:#fff;border:0;border-radius:.5rem}
.error{color:#b91c1c}.ok{color:#047857}code{background:#f3f4f6;padding:0 .25rem}</style></head>
<body><p class="banner">Kedai sandbox: a test payment page. No real money moves.</p>${content}</body></html>`
}

/** The hosted test payment page of a payment link. */
export function renderSandboxPaymentPage(payment: Payment, message?: string): string {
  const amount = formatMoney(payment.amount, 'en-MY')
  const settled = ['captured', 'authorized', 'partially-refunded', 'refunded'].includes(
    payment.status,
  )
  if (settled) {
    return layout(
      'Paid',
      `<h1 class="ok">Payment received</h1><p>${escapeHtml(payment.description)}</p><p class="amount">${escapeHtml(amount)}</p><p>You can close this page and return to the chat.</p>`,
    )
  }
  return layout(
    `Pay ${amount}`,
    `<h1>${escapeHtml(payment.description)}</h1><p class="amount">${escapeHtml(amount)}</p>
${message === undefined ? '' : `<p class="error" role="alert">${escapeHtml(message)}</p>`}
<form method="post" action="/sandbox/payments/${encodeURIComponent(payment.id)}">
<label for="cardNumber">Card number</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="off" required placeholder="4242 4242 4242 4242">
<button type="submit">Pay ${escapeHtml(amount)}</button></form>
<p>Test cards: <code>4242 4242 4242 4242</code> approves, <code>4000 0000 0000 0002</code> is declined,
<code>4000 0027 6000 3184</code> asks for 3-D Secure.</p>`,
  )
}

/** The simulated 3-D Secure challenge. */
export function renderSandboxThreeDSecurePage(payment: Payment): string {
  return layout(
    '3-D Secure',
    `<h1>Confirm it is you</h1><p>Your bank asks you to approve ${escapeHtml(formatMoney(payment.amount, 'en-MY'))} to Kedai.</p>
<form method="post" action="/sandbox/payments/${encodeURIComponent(payment.id)}/three-d-secure"><button type="submit">Complete authentication</button></form>`,
  )
}
