import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import {
  createConversationResponseSchema,
  describeMessageContent,
  postMessageResponseSchema,
  type Choice,
  type MessageDto,
} from '@kedai/contracts'
import { loadConfiguration } from '../app/config.ts'
import { startServer, type RunningServer } from '../app/start-server.ts'
import { isLocale, locales, type Locale } from '../shared/locale.ts'
import type { CliCommand, CliIo } from './cli-command.ts'

/** A conversation over the HTTP API, as the terminal chat uses it. */
interface ChatSession {
  readonly conversationId: string
  readonly token: string
  readonly baseUrl: string
}

function renderMessage(message: MessageDto): { text: string; choices: Choice[] } {
  const content = message.content
  if (content.type === 'quick-replies') {
    return { text: content.text, choices: content.choices }
  }
  if (content.type === 'carousel') {
    const lines = content.cards.map(
      (card) => `  • ${card.title}${card.priceText === undefined ? '' : ` — ${card.priceText}`}`,
    )
    const choices = content.cards.flatMap((card) =>
      card.buttons.flatMap((button) =>
        button.kind === 'postback'
          ? [{ label: `${card.title}: ${button.label}`, payload: button.payload }]
          : [],
      ),
    )
    return { text: lines.join('\n'), choices }
  }
  if (content.type === 'product-card') {
    return {
      text: `${content.title}${content.priceText === undefined ? '' : ` — ${content.priceText}`}`,
      choices: [],
    }
  }
  if (content.type === 'file') return { text: `📎 ${content.name}: ${content.url}`, choices: [] }
  if (content.type === 'buttons') {
    // Links (a payment page) are printed to open; postbacks become numbered choices.
    const links = content.buttons.flatMap((button) =>
      button.kind === 'link' ? [`  🔗 ${button.label}: ${button.url}`] : [],
    )
    const choices = content.buttons.flatMap((button) =>
      button.kind === 'postback' ? [{ label: button.label, payload: button.payload }] : [],
    )
    return { text: [content.text, ...links].join('\n'), choices }
  }
  return { text: describeMessageContent(content), choices: [] }
}

async function isAnswering(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) })
    return response.ok
  } catch {
    return false
  }
}

function readOptions(
  argumentList: readonly string[],
): { locale: Locale; url: string | undefined } | string {
  let locale: Locale = 'en'
  let url: string | undefined
  for (let index = 0; index < argumentList.length; index += 1) {
    const name = argumentList[index]
    const value = argumentList[index + 1]
    if (name === '--lang') {
      if (!isLocale(value))
        return `--lang expects one of ${locales.join(', ')} (got: ${value ?? 'nothing'})`
      locale = value
      index += 1
    } else if (name === '--url') {
      if (value === undefined || !/^https?:\/\//.test(value))
        return `--url expects http(s)://host:port (got: ${value ?? 'nothing'})`
      url = value.replace(/\/$/, '')
      index += 1
    } else {
      return `unknown option: ${name ?? ''}`
    }
  }
  return { locale, url }
}

/**
 * `kedai chat [--lang zh-Hant] [--url http://localhost:3000]`: chat with the bot in the terminal.
 * Talks to the running server over HTTP (the same API the widget uses), or starts one in-process
 * when none answers. Type a number to tap a quick reply; `/quit` (or end of input) leaves.
 */
export const chatCommand: CliCommand = {
  names: ['chat'],
  summary: 'Chat with the assistant in the terminal (starts a server when none is running)',
  usage: 'kedai chat [--lang en|zh-Hant|zh-Hans|ms] [--url http://localhost:3000]',
  async run(argumentList, io) {
    const options = readOptions(argumentList)
    if (typeof options === 'string') {
      io.error(`${options}\nusage: ${this.usage}`)
      return 2
    }
    return runChat({ ...options, io, input: process.stdin })
  },
}

/** Runs a terminal chat reading lines from `input`; exported for tests. */
export async function runChat(options: {
  locale: Locale
  url: string | undefined
  io: CliIo
  input: Readable
}): Promise<number> {
  const { io } = options
  let server: RunningServer | undefined
  let lines: ReturnType<typeof createInterface> | undefined
  let baseUrl = options.url
  if (baseUrl === undefined) {
    const configuration = loadConfiguration()
    const candidate = `http://127.0.0.1:${configuration.port}`
    if (await isAnswering(candidate)) {
      baseUrl = candidate
    } else {
      io.out(
        'No server is answering; starting one in-process (this trains the recognizer, a few seconds)…',
      )
      server = await startServer({ ...configuration, host: '127.0.0.1', port: 0, logLevel: 'warn' })
      const address = server.app.server.address()
      if (typeof address !== 'object' || address === null)
        throw new Error('the in-process server has no address')
      baseUrl = `http://127.0.0.1:${address.port}`
    }
  } else if (!(await isAnswering(baseUrl))) {
    io.error(`No Kedai server answers at ${baseUrl}.`)
    return 1
  }
  try {
    const opened = await fetch(`${baseUrl}/api/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'terminal', locale: options.locale }),
    })
    const openedBody = createConversationResponseSchema.safeParse(await opened.json())
    if (!openedBody.success) {
      io.error(`The server did not open a conversation (HTTP ${opened.status}).`)
      return 1
    }
    const session: ChatSession = {
      conversationId: openedBody.data.conversation.id,
      token: openedBody.data.conversationToken,
      baseUrl,
    }
    let choices: Choice[] = []
    const show = (messages: readonly MessageDto[]) => {
      choices = []
      for (const message of messages) {
        const rendered = renderMessage(message)
        io.out(`bot> ${rendered.text}`)
        if (rendered.choices.length > 0) {
          io.out(
            `     ${rendered.choices.map((choice, index) => `[${choices.length + index + 1}] ${choice.label}`).join('  ')}`,
          )
          choices.push(...rendered.choices)
        }
      }
    }
    show(openedBody.data.messages)
    let counter = 0
    lines = createInterface({ input: options.input, terminal: false })
    for await (const line of lines) {
      const typed = line.trim()
      if (typed === '/quit' || typed === '/exit') break
      if (typed.length === 0) continue
      const choice = /^\d+$/.test(typed) ? choices[Number(typed) - 1] : undefined
      const text = choice === undefined ? typed : (choice.payload ?? choice.label)
      io.out(`you> ${choice === undefined ? typed : choice.label}`)
      counter += 1
      const response = await fetch(
        `${session.baseUrl}/api/conversations/${session.conversationId}/messages`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-kedai-conversation-token': session.token,
          },
          body: JSON.stringify({
            clientMessageId: `terminal-${counter}`,
            content: { type: 'text', text },
          }),
        },
      )
      const json: unknown = await response.json()
      const parsed = postMessageResponseSchema.safeParse(json)
      if (!parsed.success) {
        const message =
          (json as { error?: { message?: string } }).error?.message ?? `HTTP ${response.status}`
        io.error(`(not sent: ${message})`)
        continue
      }
      show(parsed.data.replies)
      if (parsed.data.conversation.status === 'waiting-for-agent')
        io.out('     (waiting for a person to join)')
    }
    return 0
  } finally {
    // Release the terminal (or pipe) so the process can end after /quit.
    lines?.close()
    options.input.destroy()
    await server?.stop()
  }
}
