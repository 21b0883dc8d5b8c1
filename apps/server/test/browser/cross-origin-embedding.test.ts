import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  buildAppsIfStale,
  describeInBrowser,
  launchChromium,
  openPage,
  saveScreenshot,
  startListeningServer,
  type ListeningServer,
} from './browser-harness.ts'

/**
 * Embedding the widget with its one script tag on a plain HTML page served from another origin:
 * an origin listed in ALLOWED_ORIGINS gets a working chat; any other origin is refused (no
 * configuration, no conversation — the browser's CORS check blocks the API).
 */

interface HostPage {
  readonly origin: string
  readonly server: Server
}

/** A retailer's own web server: one static page that embeds the widget from `kedaiUrl`. */
async function startHostPage(kedaiUrl: () => string): Promise<HostPage> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Batik &amp; Co. — partner shop</title>
    <style>
      body { margin: 0; font: 18px/1.6 Georgia, serif; color: #3b2f2f; background: #fdf6e3; }
      main { max-width: 720px; margin: 0 auto; padding: 48px 24px; }
      button { background: rgb(255, 0, 0); font-family: serif; }
    </style>
  </head>
  <body>
    <main><h1>Batik &amp; Co.</h1><p>Hand-drawn batik from Kelantan. Questions? Our assistant is in the corner.</p></main>
    <script src="${kedaiUrl()}/widget.js" data-kedai-store="demo" defer></script>
  </body>
</html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${address.port}`, server }
}

describeInBrowser('widget embedded on another origin', { timeout: 60_000 }, () => {
  let kedai: ListeningServer
  let browser: Browser
  let allowedPage: HostPage
  let unknownPage: HostPage

  beforeAll(async () => {
    buildAppsIfStale()
    allowedPage = await startHostPage(() => kedai.baseUrl)
    unknownPage = await startHostPage(() => kedai.baseUrl)
    kedai = await startListeningServer({ ALLOWED_ORIGINS: allowedPage.origin })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await kedai?.close()
    allowedPage?.server.close()
    unknownPage?.server.close()
  })

  it('chats on a page whose origin is in ALLOWED_ORIGINS', async () => {
    const { page, errors } = await openPage(browser)
    await page.goto(`${allowedPage.origin}/`)
    const launcher = page.locator('[data-kedai-widget] .launcher')
    await launcher.waitFor()
    expect(await launcher.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(15, 118, 110)',
    )
    await launcher.click()
    await page.locator('[data-kedai-widget] textarea').fill('Hello')
    await page.locator('[data-kedai-widget] textarea').press('Enter')
    await page.locator('[data-kedai-widget] .row.bot[data-sequence]').first().waitFor()
    await expect
      .poll(() => page.locator('[data-kedai-widget] .row.shopper[data-sequence]').count())
      .toBe(1)
    await saveScreenshot(page, 'embed-01-allowed-origin')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('refuses a page whose origin is not configured', async () => {
    const { page } = await openPage(browser)
    const warnings: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text())
    })
    await page.goto(`${unknownPage.origin}/`)
    await expect
      .poll(() => page.locator('[data-kedai-widget]').getAttribute('data-kedai-state'))
      .toBe('refused')
    expect(await page.locator('[data-kedai-widget] .launcher').count()).toBe(0)
    expect(warnings.join('\n')).toContain('ALLOWED_ORIGINS')
    const openConversation = await page.evaluate(async (kedaiUrl) => {
      try {
        await fetch(`${kedaiUrl}/api/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'web' }),
        })
        return 'answered'
      } catch {
        return 'blocked'
      }
    }, kedai.baseUrl)
    expect(openConversation).toBe('blocked')
    await saveScreenshot(page, 'embed-02-unknown-origin')
    await page.context().close()
  })
})
