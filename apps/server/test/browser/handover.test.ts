import type { Browser, Page } from 'playwright-core'
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
 * The hand-over journey in a real browser: a shopper in the widget asks for a person; the
 * conversation appears in a signed-in agent's console with the summary; the agent replies and the
 * shopper sees it with the agent's name; the agent resolves, the bot rejoins and asks for a rating,
 * and the shopper's rating is stored.
 */

const widget = '[data-kedai-widget]'

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/console/`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('member').waitFor()
}

describeInBrowser('hand-over from the widget to the agent console', { timeout: 90_000 }, () => {
  let kedai: ListeningServer
  let browser: Browser

  beforeAll(async () => {
    buildAppsIfStale()
    kedai = await startListeningServer()
    browser = await launchChromium()
    // The recognizer trains on first use and holds this process for seconds; do it before the
    // browser (driven from this same process) starts waiting on the page.
    const opened = await kedai.server.app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: {},
    })
    const { conversation, conversationToken } = opened.json<{
      conversation: { id: string }
      conversationToken: string
    }>()
    await kedai.server.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/messages`,
      headers: { 'x-kedai-conversation-token': conversationToken },
      payload: { clientMessageId: 'warm-up', content: { type: 'text', text: 'hello' } },
    })
  })

  afterAll(async () => {
    await browser?.close()
    await kedai?.close()
  })

  it('takes a shopper from the bot to Aisha and back, and stores the rating', async () => {
    const shopper = await openPage(browser)
    await shopper.page.goto(`${kedai.baseUrl}/`)
    await shopper.page.locator(`${widget} .launcher`).click()
    await shopper.page.locator(`${widget} [role="dialog"]`).waitFor()
    await shopper.page.locator(`${widget} textarea`).fill('I want to talk to a human agent please')
    await shopper.page.locator(`${widget} textarea`).press('Enter')
    await expect
      .poll(() => shopper.page.locator(`${widget} .notice`).allTextContents(), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/number 1 in the queue/)]))
    await saveScreenshot(shopper.page, 'handover-01-shopper-waiting')

    const agent = await openPage(browser)
    await signIn(
      agent.page,
      kedai.baseUrl,
      'aisha@kedai.example',
      kedai.server.container.configuration.demoStaffPassword,
    )
    const item = agent.page.locator('[data-testid="inbox"] .item').first()
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('offered to you')
    expect(await item.textContent()).toContain('I want to talk to a human agent please')
    await item.click()
    const summary = agent.page.getByTestId('summary')
    await summary.waitFor()
    expect(await summary.textContent()).toMatch(/Wants: I want to talk to a human agent please/)
    expect(await summary.textContent()).toContain('explicit-request')
    await saveScreenshot(agent.page, 'handover-02-console-summary')

    await agent.page.getByTestId('reply').fill('Hi! How can I help you today?')
    await agent.page.getByTestId('send').click()
    await expect
      .poll(() => agent.page.getByTestId('transcript').textContent(), { timeout: 10_000 })
      .toContain('Hi! How can I help you today?')

    const agentRows = shopper.page.locator(`${widget} .row[data-role="agent"]`)
    await expect
      .poll(() => agentRows.allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Hi! How can I help you today?')]))
    // The reply is signed with the agent's name, not a generic label.
    expect(await agentRows.last().locator('.author').textContent()).toBe('Aisha')
    expect(await shopper.page.locator(`${widget} .notice`).allTextContents()).toEqual(
      expect.arrayContaining(['Aisha (support) joined the conversation.']),
    )
    await saveScreenshot(shopper.page, 'handover-03-shopper-sees-agent')

    await agent.page.getByTestId('resolution').fill('order tracking sent')
    await agent.page.getByTestId('resolve').click()
    const ratingChoice = shopper.page.locator(`${widget} button.choice`, { hasText: '5 ★★★★★' })
    await ratingChoice.waitFor({ timeout: 10_000 })
    const botRows = await shopper.page.locator(`${widget} .row[data-role="bot"]`).allTextContents()
    expect(botRows.join(' ')).toContain(
      'Aisha has marked your request as resolved: order tracking sent',
    )
    expect(botRows.join(' ')).toContain('How would you rate the help you got?')
    await saveScreenshot(shopper.page, 'handover-04-rating-asked')
    await ratingChoice.click()

    const handOff = kedai.server.container.handOff
    const [handOver] = (await handOff?.inbox.listHandOvers({ statuses: ['resolved'] })) ?? []
    await expect
      .poll(async () => handOff?.inbox.findRating(handOver?.id ?? ''), { timeout: 10_000 })
      .toMatchObject({ score: 5 })
    await expect
      .poll(() => shopper.page.locator(`${widget} .row[data-role="bot"]`).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Thank you for your rating!')]))
    // The rating tap is the hand-off's to answer: the bot does not try to understand "csat:5".
    expect(
      (await shopper.page.locator(`${widget} .row[data-role="bot"]`).allTextContents()).join(' '),
    ).not.toContain('Just to be sure')
    await saveScreenshot(shopper.page, 'handover-05-rated')
    expect(shopper.errors).toEqual([])
    expect(agent.errors).toEqual([])
  })

  it('lets an admin edit canned responses and approve a labelled training example', async () => {
    const handOff = kedai.server.container.handOff
    await handOff?.inbox.addTrainingCandidates([
      {
        conversationId: 'conv_browser_training',
        messageId: 'msg_browser_training',
        text: 'barang tak sampai lagi',
        locale: 'ms',
        predictedIntent: 'out_of_scope',
        confidence: 0.21,
      },
    ])
    const admin = await openPage(browser)
    await signIn(
      admin.page,
      kedai.baseUrl,
      'admin@kedai.example',
      kedai.server.container.configuration.demoStaffPassword,
    )
    await admin.page.getByRole('button', { name: 'Canned responses' }).click()
    await expect
      .poll(() => admin.page.locator('table tr').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('greeting')]))

    await admin.page.getByRole('button', { name: 'Training' }).click()
    const row = admin.page.locator('[data-candidate]', { hasText: 'barang tak sampai lagi' })
    await row.waitFor()
    await row.locator('select').selectOption('track_order')
    await admin.page.getByLabel('Training status').selectOption('labelled')
    const labelled = admin.page.locator('[data-candidate]', { hasText: 'barang tak sampai lagi' })
    await labelled.getByRole('button', { name: 'Approve' }).click()
    await expect
      .poll(async () => handOff?.inbox.listApprovedExamples(), { timeout: 10_000 })
      .toContainEqual({ text: 'barang tak sampai lagi', intent: 'track_order', locale: 'ms' })
    await saveScreenshot(admin.page, 'handover-06-training-approved')
    expect(admin.errors).toEqual([])
  })
})
