import type { Browser, Page, WebSocketRoute } from 'playwright-core'
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
 * The storefront and the widget in a real browser: browsing, the product page's variant pickers
 * and per-store availability, the shared cart between page and widget, the widget's conversation,
 * history across reloads, languages, keyboard use, Shadow DOM isolation, mobile width and the kiosk.
 */

const widget = '[data-kedai-widget]'

async function openWidget(page: Page): Promise<void> {
  await page.locator(`${widget} .launcher`).click()
  await page.locator(`${widget} [role="dialog"]`).waitFor()
}

describeInBrowser('storefront and widget in Chromium', { timeout: 60_000 }, () => {
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

  it('shows the product grid with search, and the widget launcher in the store colours', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/`)
    await page.locator('.product-tile').first().waitFor()
    expect(await page.locator('.product-tile').count()).toBeGreaterThan(20)
    const launcher = page.locator(`${widget} .launcher`)
    await launcher.waitFor()
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(15, 118, 110)',
    )
    await saveScreenshot(page, 'en-01-storefront')
    await page.getByRole('searchbox').fill('sneakers')
    await page.getByRole('searchbox').press('Enter')
    await page.waitForURL(/\?q=sneakers/)
    await expect
      .poll(() => page.locator('.product-tile h3').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/sneaker/i)]))
    await saveScreenshot(page, 'en-02-search-sneakers')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('picks a variant, shows availability per store and shares the cart with the widget', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/?q=sneakers`)
    await page.locator('.product-tile').first().click()
    await page.waitForURL(/\/products\//)
    await page.locator('.option-picker').first().waitFor()
    const stores = page.locator('.availability li[data-location]')
    await expect.poll(() => stores.count()).toBeGreaterThanOrEqual(3)
    expect(await stores.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Mid Valley')]),
    )
    const firstOptionValues = page.locator('.option-picker').first().locator('button.option')
    expect(await firstOptionValues.count()).toBeGreaterThan(1)
    await expect
      .poll(() => page.locator('.option-picker button[aria-pressed="true"]').count())
      .toBe(await page.locator('.option-picker').count())
    await expect.poll(() => page.getByTestId('cart-badge').textContent()).toBe('0')
    await page.locator('.primary-button', { hasText: 'Add to cart' }).click()
    await expect.poll(() => page.getByTestId('cart-badge').textContent()).toBe('1')
    await saveScreenshot(page, 'en-03-product-page-added')

    await openWidget(page)
    await expect
      .poll(() => page.locator(`${widget} [data-testid="widget-cart-count"]`).textContent())
      .toBe('1')
    await saveScreenshot(page, 'en-04-widget-sees-cart')

    await page.getByRole('button', { name: 'Close chat' }).click()
    await page.getByRole('link', { name: /Cart/ }).first().click()
    await page.waitForURL(/\/cart$/)
    await page.locator('.cart-line').first().waitFor()
    await page.locator('.line-quantity button', { hasText: '+' }).click()
    await expect.poll(() => page.getByTestId('cart-badge').textContent()).toBe('2')
    await openWidget(page)
    await expect
      .poll(() => page.locator(`${widget} [data-testid="widget-cart-count"]`).textContent())
      .toBe('2')
    await saveScreenshot(page, 'en-05-cart-page')

    await page.getByRole('button', { name: 'Close chat' }).click()
    await page.getByRole('button', { name: 'Check out with our assistant' }).click()
    await expect
      .poll(() => page.locator(`${widget} .row.shopper`).allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringContaining('I would like to check out my cart')]),
      )
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('keeps the conversation across a reload without losing or doubling messages', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/`)
    await openWidget(page)
    await sayInWidget(page, 'Hello')
    await sayInWidget(page, 'What is your return policy?')
    const before = await page.locator(`${widget} .row[data-sequence]`).allTextContents()
    expect(before.join(' ')).toContain('What is your return policy?')
    await saveScreenshot(page, 'en-06-conversation')
    await page.reload()
    await page.locator(`${widget} [role="dialog"]`).waitFor()
    await expect
      .poll(() => page.locator(`${widget} .row[data-sequence]`).allTextContents())
      .toEqual(before)
    const sequences = await page
      .locator(`${widget} .row[data-sequence]`)
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-sequence'))))
    expect(new Set(sequences).size).toBe(sequences.length)
    await saveScreenshot(page, 'en-07-after-reload')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('resends a message whose answer was lost exactly once, and shows the replies', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/`)
    await openWidget(page)
    await sayInWidget(page, 'Hello')
    let cutConnections = 0
    await page.route('**/api/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST' || cutConnections > 0) return route.fallback()
      cutConnections += 1
      // The server stores the message and answers, but the connection drops before the answer.
      await route.fetch()
      await route.abort('connectionreset')
    })
    const question = 'What is your return policy?'
    await page.locator(`${widget} textarea`).fill(question)
    await page.locator(`${widget} textarea`).press('Enter')
    await expect
      .poll(() => page.locator(`${widget} .row.shopper.pending`).count(), { timeout: 10_000 })
      .toBe(0)
    expect(cutConnections).toBe(1)
    await expect
      .poll(
        () =>
          page
            .locator(`${widget} .row.shopper[data-sequence]`)
            .filter({ hasText: question })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1)
    const rows = page.locator(`${widget} .row[data-sequence]`)
    const roles = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-role')),
    )
    expect(roles.at(-1)).toBe('bot')
    const sequences = await rows.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute('data-sequence'))),
    )
    expect(sequences).toEqual([...sequences].sort((left, right) => left - right))
    expect(new Set(sequences).size).toBe(sequences.length)
    await saveScreenshot(page, 'en-08-resent-once')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('catches up after the socket drops, showing what was said meanwhile exactly once', async () => {
    const { page, errors } = await openPage(browser)
    let blocked = false
    let refused = 0
    const sockets: WebSocketRoute[] = []
    await page.routeWebSocket(/\/api\/conversations\/[^/]+\/socket/, (socket) => {
      if (blocked) {
        refused += 1
        return socket.close({ code: 1011, reason: 'network down' })
      }
      socket.connectToServer()
      sockets.push(socket)
    })
    await page.goto(`${kedai.baseUrl}/`)
    await openWidget(page)
    await sayInWidget(page, 'Hello')
    await expect.poll(() => sockets.length).toBe(1)

    blocked = true
    await sockets[0]?.close({ code: 1006, reason: 'connection lost' })
    const stored = await page.evaluate(() => ({
      id: localStorage.getItem('kedai:demo:conversation'),
      token: localStorage.getItem('kedai:demo:conversation-token'),
    }))
    // The shopper's other tab says something while this one is offline.
    const meanwhile = await kedai.server.app.inject({
      method: 'POST',
      url: `/api/conversations/${stored.id}/messages`,
      headers: { 'x-kedai-conversation-token': stored.token ?? '' },
      payload: {
        clientMessageId: 'other-tab-1',
        content: { type: 'text', text: 'What is your return policy?' },
      },
    })
    expect(meanwhile.statusCode).toBe(200)
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    blocked = false
    await expect.poll(() => sockets.length, { timeout: 15_000 }).toBe(2)

    const rows = page.locator(`${widget} .row[data-sequence]`)
    await expect
      .poll(() => rows.filter({ hasText: 'What is your return policy?' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const lastSequence = Math.max(
      ...meanwhile
        .json<{ replies: { sequence: number }[] }>()
        .replies.map((reply) => reply.sequence),
    )
    await expect
      .poll(() => page.locator(`${widget} .row[data-sequence="${lastSequence}"]`).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    const sequences = await rows.evaluateAll((elements) =>
      elements.map((element) => Number(element.getAttribute('data-sequence'))),
    )
    expect(sequences).toEqual(sequences.map((_sequence, index) => index + 1))
    await saveScreenshot(page, 'en-09-caught-up-after-drop')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('speaks the browser language and switches language from the widget', async () => {
    const { page } = await openPage(browser, { locale: 'zh-TW' })
    await page.goto(`${kedai.baseUrl}/`)
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW')
    await expect.poll(() => page.locator(`${widget} .launcher`).textContent()).toContain('線上客服')
    await openWidget(page)
    await expect.poll(() => page.locator(`${widget} .log`).textContent()).toContain('購物小幫手')
    await saveScreenshot(page, 'zh-Hant-01-widget')
    await page.locator(`${widget} select.language`).selectOption('ms')
    await expect
      .poll(() => page.locator(`${widget} textarea`).getAttribute('placeholder'))
      .toBe('Taip mesej anda…')
    await expect.poll(() => page.locator('.search button').textContent()).toBe('Cari')
    await saveScreenshot(page, 'ms-01-switched')
    await page.context().close()
  })

  it('works with the keyboard alone, with dialog and log roles', async () => {
    const { page } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/cart`)
    const launcher = page.getByRole('button', { name: /Chat with us/ })
    await launcher.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Kedai Demo' })
    await dialog.waitFor()
    expect(await page.getByRole('log').count()).toBe(1)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName))
      .toBe('TEXTAREA')
    await page.keyboard.type('Hi there')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator(`${widget} .row.shopper`).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Hi there')]))
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className ?? ''),
      )
      .toContain('launcher')
    await page.context().close()
  })

  it('keeps page styles and widget styles apart (Shadow DOM)', async () => {
    const { page } = await openPage(browser)
    await page.goto(`${kedai.baseUrl}/`)
    await page.locator(`${widget} .launcher`).waitFor()
    await page.addStyleTag({
      content:
        'button { background: rgb(255, 0, 0) !important; font-family: serif !important } .launcher { position: static }',
    })
    await page.evaluate(() => {
      const decoy = document.createElement('div')
      decoy.className = 'launcher panel bubble'
      decoy.id = 'decoy'
      document.body.appendChild(decoy)
    })
    const launcherBackground = await page
      .locator(`${widget} .launcher`)
      .evaluate((element) => getComputedStyle(element).backgroundColor)
    expect(launcherBackground).toBe('rgb(15, 118, 110)')
    const decoyPosition = await page
      .locator('#decoy')
      .evaluate((element) => getComputedStyle(element).position)
    expect(decoyPosition).toBe('static')
    await page.context().close()
  })

  it('fills a 375 px wide phone screen with the chat panel', async () => {
    const { page } = await openPage(browser, {
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    })
    await page.goto(`${kedai.baseUrl}/`)
    await page.locator('.product-tile').first().waitFor()
    await saveScreenshot(page, 'mobile-01-storefront')
    await openWidget(page)
    const box = await page.locator(`${widget} .panel`).boundingBox()
    expect(box?.width).toBeCloseTo(375, 0)
    expect(box?.height).toBeCloseTo(740, 0)
    await sayInWidget(page, 'Hello')
    await saveScreenshot(page, 'mobile-02-widget')
    await page.context().close()
  })

  it('runs the kiosk full screen for one store and starts afresh for the next shopper', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 1024, height: 768 } })
    await page.goto(`${kedai.baseUrl}/kiosk?store=kl-mid-valley`)
    await expect
      .poll(() => page.locator(`${widget} .header`).textContent())
      .toContain('Kedai Mid Valley, Kuala Lumpur')
    await page.locator(`${widget} textarea`).waitFor()
    expect(await page.locator(`${widget} .launcher`).count()).toBe(0)
    expect(await page.locator(`${widget} .icon-button[href]`).count()).toBe(0)
    const box = await page.locator(`${widget} .panel`).boundingBox()
    expect(box?.width).toBeCloseTo(1024, 0)
    expect(box?.height).toBeCloseTo(768, 0)
    await sayInWidget(page, 'Hello')
    await saveScreenshot(page, 'kiosk-01-kl-mid-valley')
    await page.getByRole('button', { name: 'New shopper' }).click()
    await page.waitForLoadState('load')
    await page.locator(`${widget} textarea`).waitFor()
    await expect.poll(() => page.locator(`${widget} .row.shopper`).count()).toBe(0)
    expect(errors).toEqual([])
    await page.context().close()
  })
})
