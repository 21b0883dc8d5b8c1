import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  buildAppsIfStale,
  describeInBrowser,
  launchChromium,
  openPage,
  saveScreenshot,
  sayInWidget,
  startListeningServer,
  type ListeningServer,
} from './browser-harness.ts'

/**
 * The shopper's whole journey through the chat, in English, Traditional Chinese and Malay: ask for
 * sneakers in size 9, get a product card, add it to the cart from the card (the page's cart badge
 * follows), check out in the chat with the sandbox test card, see the order confirmation, and
 * find the whole conversation again after a reload.
 */

const widget = '[data-kedai-widget]'

interface Journey {
  readonly locale: 'en' | 'zh-Hant' | 'ms'
  readonly browserLocale: string
  readonly question: string
  readonly checkout: string
  readonly launcherLabel: RegExp
  /** What the shopper types when the chat offers no add-to-cart control. */
  readonly addRequest: string
}

const journeys: readonly Journey[] = [
  {
    locale: 'en',
    browserLocale: 'en-MY',
    question: 'Do you have these sneakers in size 9?',
    checkout: 'I would like to check out',
    launcherLabel: /Chat with us/,
    addRequest: 'Add one in size 9 to my cart',
  },
  {
    locale: 'zh-Hant',
    browserLocale: 'zh-TW',
    question: '這款休閒鞋有 9 號的嗎？',
    checkout: '我要結帳',
    launcherLabel: /線上客服/,
    addRequest: '幫我把 9 號加入購物車',
  },
  {
    locale: 'ms',
    browserLocale: 'ms-MY',
    question: 'Ada kasut sneaker ini dalam saiz 9?',
    checkout: 'Saya nak buat pembayaran',
    launcherLabel: /Sembang dengan kami/,
    addRequest: 'Tambah satu saiz 9 ke troli saya',
  },
]

/** What the shopper answers when the assistant asks for checkout details, by what it asks. */
const checkoutAnswers: readonly { readonly asks: RegExp; readonly answer: string }[] = [
  { asks: /e-?mail|e-?mel|電子郵件|电子邮件|郵件|邮箱/i, answer: 'journey.shopper@kedai.example' },
  { asks: /name|姓名|名字|nama/i, answer: 'Amira Tan' },
  {
    asks: /address|deliver|street|地址|街道|送到|alamat|hantar|jalan/i,
    answer: '12 Jalan Ampang, 50450 Kuala Lumpur, Wilayah Persekutuan, MY',
  },
  { asks: /expir|到期|tamat/i, answer: '12/30' },
  { asks: /cvc|cvv|安全碼|安全码/i, answer: '123' },
  { asks: /card|卡|kad/i, answer: '4242 4242 4242 4242' },
]
const confirmingChoice = /confirm|place|pay|card|yes|確認|确认|付款|下單|下单|是|sahkan|bayar|ya/i
/** The journey types the test card rather than leaving for the hosted payment page. */
const paymentPageChoice = /secure page|安全頁面|安全页面|halaman selamat/i

async function botRowCount(page: Page): Promise<number> {
  return page.locator(`${widget} .row.bot[data-sequence]`).count()
}

/** Controls the shopper prefers, most wanted first: add to cart, size 9, sizes and stock. */
const addPreferences: readonly RegExp[] = [
  /add\b.*\bto (my )?cart|加入購物車|加入购物车|tambah\b.*\btroli/i,
  /^\s*9\s*$|size 9|9 ?號|9 ?号|saiz 9/i,
  /size|stock|尺寸|尺碼|庫存|库存|saiz|stok/i,
]

/**
 * Adds the sneakers to the cart through the chat: taps the card's add-to-cart button, or the size
 * or stock control that leads there, until the page's cart badge shows the item.
 */
async function addFromChat(page: Page, journey: Journey): Promise<void> {
  let typed = false
  for (let turn = 0; turn < 5; turn += 1) {
    if ((await page.getByTestId('cart-badge').textContent()) === '1') return
    const lastBot = page.locator(`${widget} .row.bot[data-sequence]`).last()
    const controls = page.locator(`${widget} .choices .choice`).or(lastBot.locator('button.action'))
    const labels = await controls.allTextContents()
    const index = addPreferences
      .map((preference) => labels.findIndex((label) => preference.test(label)))
      .find((found) => found >= 0)
    const before = await botRowCount(page)
    if (index !== undefined) await controls.nth(index).click()
    else if (!typed) {
      typed = true
      await page.locator(`${widget} textarea`).fill(journey.addRequest)
      await page.locator(`${widget} textarea`).press('Enter')
    } else break
    await expect.poll(() => botRowCount(page), { timeout: 15_000 }).toBeGreaterThan(before)
  }
  await expect
    .poll(() => page.getByTestId('cart-badge').textContent(), { timeout: 5_000 })
    .toBe('1')
}

/** Answers the assistant's checkout questions until it shows the order confirmation. */
async function completeCheckout(page: Page): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) {
    if ((await page.locator(`${widget} .order`).count()) > 0) return
    const choices = page.locator(
      `${widget} .choices .choice, ${widget} .row.bot:last-of-type .action`,
    )
    const labels = await choices.allTextContents()
    const chosen = labels.findIndex(
      (label) => confirmingChoice.test(label) && !paymentPageChoice.test(label),
    )
    if (chosen >= 0) {
      const before = await botRowCount(page)
      await choices.nth(chosen).click()
      await expect.poll(() => botRowCount(page), { timeout: 15_000 }).toBeGreaterThan(before)
      continue
    }
    const lastQuestion =
      (await page.locator(`${widget} .row.bot[data-sequence]`).last().textContent()) ?? ''
    const answer = checkoutAnswers.find((candidate) => candidate.asks.test(lastQuestion))
    if (answer === undefined)
      throw new Error(`The assistant asked something the journey cannot answer: ${lastQuestion}`)
    await sayInWidget(page, answer.answer)
  }
  await page.locator(`${widget} .order`).waitFor({ timeout: 5_000 })
}

describeInBrowser('shopping journey in the chat', { timeout: 120_000 }, () => {
  let kedai: ListeningServer
  let browser: Browser

  beforeAll(async () => {
    buildAppsIfStale()
    kedai = await startListeningServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await kedai?.close()
  })

  for (const journey of journeys) {
    it(`finds sneakers, adds them from the card, checks out and keeps the history when the shopper speaks ${journey.locale}`, async () => {
      const { page, errors } = await openPage(browser, { locale: journey.browserLocale })
      const step = (name: string) => saveScreenshot(page, `journey-${journey.locale}-${name}`)
      await page.goto(`${kedai.baseUrl}/`)
      await page.locator('.product-tile').first().waitFor()
      await expect.poll(() => page.getByTestId('cart-badge').textContent()).toBe('0')
      await step('01-storefront')

      await page.getByRole('button', { name: journey.launcherLabel }).click()
      await page.locator(`${widget} [role="dialog"]`).waitFor()
      await step('02-widget-open')

      await sayInWidget(page, journey.question)
      const card = page.locator(`${widget} .card`).last()
      try {
        await card.waitFor({ timeout: 15_000 })
      } finally {
        await step('03-product-card')
      }
      expect(await card.locator('.card-title').textContent()).toMatch(/\S/)
      expect(await card.locator('.card-price').textContent()).toMatch(/(RM|MYR)\s?\d/)

      try {
        await addFromChat(page, journey)
      } finally {
        await step('04-added-from-chat')
      }

      await sayInWidget(page, journey.checkout)
      await completeCheckout(page)
      const order = page.locator(`${widget} .order`).last()
      expect(await order.locator('h4').textContent()).toMatch(/#?W?\d+|[A-Z0-9-]{5,}/)
      await step('05-order-confirmed')
      await expect
        .poll(() => page.getByTestId('cart-badge').textContent(), { timeout: 15_000 })
        .toBe('0')

      const transcript = await page.locator(`${widget} .row[data-sequence]`).allTextContents()
      await page.reload()
      await page.locator(`${widget} [role="dialog"]`).waitFor()
      await expect
        .poll(() => page.locator(`${widget} .row[data-sequence]`).allTextContents())
        .toEqual(transcript)
      expect(await page.locator(`${widget} .order`).count()).toBeGreaterThan(0)
      await step('06-history-after-reload')
      expect(errors).toEqual([])
      await page.context().close()
    })
  }
})
