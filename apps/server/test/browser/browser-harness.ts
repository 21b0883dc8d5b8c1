import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { describe, expect } from 'vitest'
import { readTestEnvironment, repositoryRoot } from '../../src/app/config.ts'
import { startTestServer, type TestServer } from '../../src/testing/test-server.ts'

/**
 * Shared set-up of the browser journeys: builds the widget and storefront when their sources are
 * newer than the build, starts a real Kedai server on a random port with a fresh SQLite demo store,
 * and drives Debian's Chromium through playwright-core. Screenshots go to `test-artifacts/browser/`.
 */

const environment = readTestEnvironment()

/** True when Chromium is installed where `CHROMIUM_PATH` (default `/usr/bin/chromium`) says. */
export const hasChromium = existsSync(environment.chromiumPath)

/**
 * `describe` for browser suites: skipped (with a message saying why) only when Chromium is absent
 * outside CI; in CI a missing Chromium fails the run instead of hiding the journeys.
 */
export const describeInBrowser = describe.skipIf(!hasChromium && !environment.isCi)

if (!hasChromium && !environment.isCi)
  console.warn(
    `Browser tests skipped: no Chromium at ${environment.chromiumPath}. ` +
      'Install it with `apt-get install -y chromium fonts-wqy-microhei` or set CHROMIUM_PATH.',
  )

/** Folder of this run's screenshots (gitignored). */
export const artifactsDirectory = join(repositoryRoot, 'test-artifacts', 'browser')

const buildLock = join(
  tmpdir(),
  `kedai-apps-build-${createHash('sha256').update(repositoryRoot).digest('hex').slice(0, 12)}.lock`,
)

function sleepSync(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds)
}

/**
 * Builds what the browser needs (the widget, storefront and console pages) with the project's own
 * build script, which skips every part newer than its sources. Test files run in parallel
 * processes, so the build happens under a lock directory: the first process builds, the others wait
 * and then find the build fresh (a lock older than two minutes is stale).
 */
export function buildAppsIfStale(): void {
  for (;;) {
    try {
      mkdirSync(buildLock)
      break
    } catch {
      const heldSince = statSync(buildLock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - heldSince > 120_000) rmSync(buildLock, { recursive: true, force: true })
      else sleepSync(100)
    }
  }
  try {
    const result = spawnSync(
      process.execPath,
      [join(repositoryRoot, 'scripts', 'build.mjs'), '--if-stale'],
      { cwd: repositoryRoot, encoding: 'utf8' },
    )
    if (result.status !== 0)
      throw new Error(`scripts/build.mjs failed:\n${result.stdout}\n${result.stderr}`)
  } finally {
    rmSync(buildLock, { recursive: true, force: true })
  }
}

/** A Kedai server listening on a random local port. */
export interface ListeningServer {
  readonly server: TestServer
  readonly baseUrl: string
  close(): Promise<void>
}

/** Starts Kedai (demo store on a fresh SQLite file) on `127.0.0.1` and a random port. */
export async function startListeningServer(
  environmentOverrides: Record<string, string> = {},
): Promise<ListeningServer> {
  const server = await startTestServer({ environment: environmentOverrides })
  await server.app.listen({ port: 0, host: '127.0.0.1' })
  const address = server.app.server.address() as AddressInfo
  await warmUpAssistant(server)
  return {
    server,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  }
}

/**
 * Sends one message through the assistant before the browser starts: the first message loads and
 * trains the language model, which takes seconds of this process's CPU — the same process that
 * runs Playwright's client, whose steps would time out meanwhile.
 */
async function warmUpAssistant(server: TestServer): Promise<void> {
  const opened = await server.app.inject({
    method: 'POST',
    url: '/api/conversations',
    payload: { channel: 'web', locale: 'en' },
  })
  if (opened.statusCode !== 201) return
  const { conversation, conversationToken } = opened.json<{
    conversation: { id: string }
    conversationToken: string
  }>()
  await server.app.inject({
    method: 'POST',
    url: `/api/conversations/${conversation.id}/messages`,
    headers: { 'x-kedai-conversation-token': conversationToken },
    payload: { clientMessageId: 'warm-up', content: { type: 'text', text: 'hello' } },
  })
}

/** Launches headless Chromium with the flags this machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: environment.chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Opens a page in a fresh context (its own storage), recording console errors. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options })
  // Fail a step within seconds (with Playwright's call log) rather than at the test's time limit.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

/** Saves a full-window screenshot as `test-artifacts/browser/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDirectory, { recursive: true })
  // Finished animations only: a panel caught mid-fade would look broken in the picture.
  await page.screenshot({ path: join(artifactsDirectory, `${name}.png`), animations: 'disabled' })
}

/** The widget's host element on a page. */
export const widgetSelector = '[data-kedai-widget]'

/**
 * Types `text` into the widget and waits until the server has stored it and the bot (or an agent)
 * answered after it — not merely until any new bot row appears, which an earlier, slower reply
 * could satisfy.
 */
export async function sayInWidget(page: Page, text: string): Promise<void> {
  await page.locator(`${widgetSelector} textarea`).fill(text)
  await page.locator(`${widgetSelector} textarea`).press('Enter')
  // A card number is stored masked (•••• 4242): find it by its last four digits.
  const needle = /^[\d\s-]{12,}$/.test(text) ? text.replace(/\D/g, '').slice(-4) : text
  await expect
    .poll(
      async () => {
        const rows = await page
          .locator(`${widgetSelector} .row[data-sequence]`)
          .evaluateAll((elements) =>
            elements.map((element) => ({
              shopper: element.classList.contains('shopper'),
              text: element.textContent ?? '',
            })),
          )
        const mine = rows.findLastIndex((row) => row.shopper && row.text.includes(needle))
        return mine >= 0 && rows.slice(mine + 1).some((row) => !row.shopper)
      },
      { timeout: 15_000 },
    )
    .toBe(true)
}
