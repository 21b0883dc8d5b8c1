import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { postMessageResponseSchema } from '@kedai/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfiguration } from '../../app/config.ts'
import { createContainer, type Container } from '../../app/container.ts'
import { createShopperToken } from '../shopper-identity.ts'
import { buildServer } from '../build-server.ts'

interface TestSocket {
  send(data: string | Buffer, options?: { binary: boolean }): void
  close(): void
  on(event: 'message', listener: (data: Buffer) => void): void
  on(event: 'open' | 'close', listener: () => void): void
  on(event: 'error', listener: (error: Error) => void): void
}
// `ws` ships without types here; it is the client @fastify/websocket itself is built on.
const require = createRequire(import.meta.url)
const { WebSocket } = require('ws') as { WebSocket: new (url: string) => TestSocket }

interface Frame {
  type: string
  message?: { sequence: number; direction: string; content: { type: string; text?: string } }
  lastSequence?: number
  code?: string
  conversation?: { status: string }
}

/** A real WebSocket client that records every frame it receives. */
async function connect(url: string): Promise<{
  frames: Frame[]
  socket: TestSocket
  waitFor: (predicate: (frames: Frame[]) => boolean) => Promise<void>
}> {
  const socket = new WebSocket(url)
  const frames: Frame[] = []
  const waiters: (() => void)[] = []
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString('utf8')) as Frame)
    for (const waiter of waiters.splice(0)) waiter()
  })
  await new Promise<void>((resolve, reject) => {
    socket.on('open', resolve)
    socket.on('error', reject)
  })
  const waitFor = async (predicate: (frames: Frame[]) => boolean) => {
    const deadline = Date.now() + 10_000
    while (!predicate(frames)) {
      if (Date.now() > deadline)
        throw new Error(`timed out; frames: ${JSON.stringify(frames.map((frame) => frame.type))}`)
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }
  return { frames, socket, waitFor }
}

describe('createConversationRoutes', () => {
  let container: Container
  let app: FastifyInstance
  let baseUrl: string
  let folder: string

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kedai-conversation-routes-'))
    container = await createContainer(
      loadConfiguration({
        KEDAI_DATA_DIR: folder,
        KEDAI_SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
      }),
    )
    app = await buildServer(container)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    baseUrl = typeof address === 'object' && address !== null ? `127.0.0.1:${address.port}` : ''
  })
  afterAll(async () => {
    await app.close()
    await container.close()
    rmSync(folder, { recursive: true, force: true })
  })

  async function open(body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: body,
      headers,
    })
    expect(response.statusCode).toBe(201)
    return response.json<{
      conversation: { id: string; lastSequence: number; locale: string; customerId: string | null }
      messages: { sequence: number }[]
      conversationToken: string
    }>()
  }

  async function send(
    conversationId: string,
    token: string,
    payload: unknown,
    contentType = 'application/json',
  ) {
    return app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/messages`,
      headers: { 'x-kedai-conversation-token': token, 'content-type': contentType },
      payload:
        typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
    })
  }

  it('opens a conversation with a greeting in the requested language when a shopper arrives', async () => {
    const opened = await open({ locale: 'ms' })
    expect(opened.conversation).toMatchObject({ locale: 'ms', lastSequence: 1, customerId: null })
    expect(JSON.stringify(opened.messages)).toContain('pembantu beli-belah')
    expect(opened.conversationToken.length).toBeGreaterThan(20)
  })

  it('links the conversation to the customer when the store signed the shopper in', async () => {
    const token = createShopperToken('cus_signed_in', container.configuration.secret, new Date())
    const opened = await open({}, { 'x-kedai-shopper-token': token })
    expect(opened.conversation.customerId).toBe('cus_signed_in')
    const refused = await app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: {},
      headers: { 'x-kedai-shopper-token': `${token}x` },
    })
    expect(refused.statusCode).toBe(401)
  })

  it('answers a message and returns the stored replies again when the same client message id is resent', async () => {
    const { conversation, conversationToken } = await open()
    const first = await send(conversation.id, conversationToken, {
      clientMessageId: 'm1',
      content: { type: 'text', text: 'thank you' },
    })
    expect(first.statusCode).toBe(200)
    const body = first.json<{
      inbound: { sequence: number }
      replies: { sequence: number; content: { text: string } }[]
      duplicate: boolean
    }>()
    expect(body.duplicate).toBe(false)
    expect(body.inbound.sequence).toBe(2)
    expect(body.replies[0]?.content.text).toMatch(/welcome/)
    const again = await send(conversation.id, conversationToken, {
      clientMessageId: 'm1',
      content: { type: 'text', text: 'thank you' },
    })
    expect(again.json()).toMatchObject({
      duplicate: true,
      inbound: { sequence: 2 },
      replies: body.replies,
    })
    const history = await app.inject({
      url: `/api/conversations/${conversation.id}/messages`,
      headers: { 'x-kedai-conversation-token': conversationToken },
    })
    expect(
      history
        .json<{ messages: { sequence: number }[] }>()
        .messages.map((message) => message.sequence),
    ).toEqual([1, 2, 3])
  })

  it('writes replies of every kind exactly in the shape of the response schema', async () => {
    const { conversation, conversationToken } = await open()
    const texts = ['hi', 'Do you have sneakers in size 9?', 'What is your return policy?', '😀']
    const kinds = new Set<string>()
    for (const [index, text] of texts.entries()) {
      const response = await send(conversation.id, conversationToken, {
        clientMessageId: `shape-${index}`,
        content: { type: 'text', text },
      })
      expect(response.statusCode).toBe(200)
      const body = response.json<{ replies: { content: { type: string } }[] }>()
      // Parsing strips unknown keys and rejects wrong ones: equal means nothing extra or missing.
      expect(postMessageResponseSchema.parse(body)).toEqual(body)
      for (const reply of body.replies) kinds.add(reply.content.type)
    }
    expect(kinds.size).toBeGreaterThan(1)
  })

  it('keeps a message whose turn failed, answers 503 naming it, and answers it once when it is sent again', async () => {
    const { conversation, conversationToken } = await open()
    const { db } = container.database
    // A real storage failure for the bot's replies only (SQLite refuses them).
    await sql`create trigger refuse_bot_replies before insert on conversation_messages
      when new.author_role = 'bot' begin select raise(abort, 'disk trouble'); end`.execute(db)
    let failed
    try {
      failed = await send(conversation.id, conversationToken, {
        clientMessageId: 'fails-once',
        content: { type: 'text', text: 'What is your return policy?' },
      })
    } finally {
      await sql`drop trigger refuse_bot_replies`.execute(db)
    }
    expect(failed.statusCode).toBe(503)
    const error = failed.json<{ error: { code: string; details: { messageId: string } } }>().error
    expect(error.code).toBe('unavailable')
    const kept = await db
      .selectFrom('conversation_messages')
      .select(['id', 'intent'])
      .where('conversation_id', '=', conversation.id)
      .where('author_role', '=', 'shopper')
      .execute()
    expect(kept).toEqual([{ id: error.details.messageId, intent: null }])

    const retried = await send(conversation.id, conversationToken, {
      clientMessageId: 'fails-once',
      content: { type: 'text', text: 'What is your return policy?' },
    })
    expect(retried.statusCode).toBe(200)
    const body = retried.json<{ inbound: { id: string }; replies: unknown[] }>()
    expect(body.inbound.id).toBe(error.details.messageId)
    expect(body.replies.length).toBeGreaterThan(0)
    const history = await app.inject({
      url: `/api/conversations/${conversation.id}/messages`,
      headers: { 'x-kedai-conversation-token': conversationToken },
    })
    const messages = history.json<{ messages: { id: string; authorRole: string }[] }>().messages
    // The greeting, the shopper's message once, and the replies of the retried turn.
    expect(messages.filter((message) => message.authorRole === 'shopper')).toHaveLength(1)
    expect(messages).toHaveLength(2 + body.replies.length)
  })

  it('refuses requests without a token or with the token of another conversation', async () => {
    const first = await open()
    const second = await open()
    const missing = await app.inject({
      method: 'POST',
      url: `/api/conversations/${first.conversation.id}/messages`,
      payload: { clientMessageId: 'x', content: { type: 'text', text: 'hi' } },
    })
    expect(missing.statusCode).toBe(401)
    const crossed = await send(first.conversation.id, second.conversationToken, {
      clientMessageId: 'x',
      content: { type: 'text', text: 'hi' },
    })
    expect(crossed.statusCode).toBe(403)
    const unknown = await app.inject({
      url: '/api/conversations/conv_nope',
      headers: { 'x-kedai-conversation-token': first.conversationToken },
    })
    expect(unknown.statusCode).toBe(403)
  })

  it.each([
    [
      'an empty text',
      { clientMessageId: 'e1', content: { type: 'text', text: '' } },
      400,
      /body\.content\.text/,
    ],
    [
      'a 100 KB text',
      { clientMessageId: 'e2', content: { type: 'text', text: 'a'.repeat(100 * 1024) } },
      400,
      /body\.content\.text/,
    ],
    [
      'a missing client message id',
      { content: { type: 'text', text: 'hi' } },
      400,
      /clientMessageId/,
    ],
    [
      'an unknown content type',
      { clientMessageId: 'e3', content: { type: 'carousel', cards: [] } },
      400,
      /content/,
    ],
    [
      'a number instead of text',
      { clientMessageId: 'e4', content: { type: 'text', text: 42 } },
      400,
      /text/,
    ],
  ])('rejects %s with a 400 naming the field', async (_name, payload, status, message) => {
    const { conversation, conversationToken } = await open()
    const response = await send(conversation.id, conversationToken, payload)
    expect(response.statusCode).toBe(status)
    expect(response.json<{ error: { message: string } }>().error.message).toMatch(message)
  })

  it('rejects binary and malformed bodies with a 4xx and keeps the conversation usable', async () => {
    const { conversation, conversationToken } = await open()
    const binary = await send(
      conversation.id,
      conversationToken,
      Buffer.from([0, 255, 1, 254, 7]),
      'application/octet-stream',
    )
    expect(binary.statusCode).toBe(415)
    const malformed = await send(
      conversation.id,
      conversationToken,
      '{"clientMessageId": "x", "content": ',
      'application/json',
    )
    expect(malformed.statusCode).toBe(400)
    const after = await send(conversation.id, conversationToken, {
      clientMessageId: 'ok',
      content: { type: 'text', text: 'hello' },
    })
    expect(after.statusCode).toBe(200)
  })

  it.each([
    ['emoji only', '😀😀😀🎉', /didn't understand|不太明白|tidak faham/],
    ['whitespace only', '   \n\t ', /empty/],
    ['control characters', '\u0000\u0001\u0002 \u0007', /didn't understand|empty/],
    ['another language', 'Bonjour, je voudrais un renseignement', /.+/],
    ['a Chinese question (no policies loaded in this server)', '運費多少?', /政策/],
  ])('answers %s with a clear reply, never a 500', async (_name, text, reply) => {
    const { conversation, conversationToken } = await open()
    const response = await send(conversation.id, conversationToken, {
      clientMessageId: 'r1',
      content: { type: 'text', text },
    })
    expect(response.statusCode).toBe(200)
    const body = response.json<{ replies: { content: { text?: string } }[] }>()
    expect(body.replies.length).toBeGreaterThan(0)
    expect(body.replies.map((item) => item.content.text ?? '').join(' ')).toMatch(reply)
  })

  it('pages history backwards with a cursor and forwards with after', async () => {
    const { conversation, conversationToken } = await open()
    for (let index = 0; index < 4; index += 1) {
      await send(conversation.id, conversationToken, {
        clientMessageId: `p${index}`,
        content: { type: 'text', text: 'thanks' },
      })
    }
    const headers = { 'x-kedai-conversation-token': conversationToken }
    const newest = (
      await app.inject({ url: `/api/conversations/${conversation.id}/messages?limit=4`, headers })
    ).json<{ messages: { sequence: number }[]; nextCursor: number | null }>()
    expect(newest.messages.map((message) => message.sequence)).toEqual([6, 7, 8, 9])
    expect(newest.nextCursor).toBe(6)
    const older = (
      await app.inject({
        url: `/api/conversations/${conversation.id}/messages?limit=4&before=6`,
        headers,
      })
    ).json<{ messages: { sequence: number }[]; nextCursor: number | null }>()
    expect(older.messages.map((message) => message.sequence)).toEqual([2, 3, 4, 5])
    const forward = (
      await app.inject({ url: `/api/conversations/${conversation.id}/messages?after=7`, headers })
    ).json<{ messages: { sequence: number }[] }>()
    expect(forward.messages.map((message) => message.sequence)).toEqual([8, 9])
    const wrong = await app.inject({
      url: `/api/conversations/${conversation.id}/messages?limit=abc`,
      headers,
    })
    expect(wrong.statusCode).toBe(400)
  })

  it('streams replies over the WebSocket and resumes after a reconnect without loss or duplicates', async () => {
    const { conversation, conversationToken } = await open()
    const url = `ws://${baseUrl}/api/conversations/${conversation.id}/socket?token=${encodeURIComponent(conversationToken)}`
    const first = await connect(url)
    first.socket.send(JSON.stringify({ type: 'resume', afterSequence: 0 }))
    await first.waitFor((frames) => frames.some((frame) => frame.type === 'ready'))
    expect(
      first.frames
        .filter((frame) => frame.type === 'message')
        .map((frame) => frame.message?.sequence),
    ).toEqual([1])
    first.socket.send(
      JSON.stringify({
        type: 'message',
        clientMessageId: 'w1',
        content: { type: 'text', text: 'hello' },
      }),
    )
    await first.waitFor((frames) => frames.some((frame) => frame.type === 'typing-end'))
    const firstSequences = first.frames
      .filter((frame) => frame.type === 'message')
      .map((frame) => frame.message?.sequence)
    expect(firstSequences).toEqual([1, 2, 3])
    expect(first.frames.map((frame) => frame.type)).toContain('typing-start')
    first.socket.close()

    // While the shopper is offline, the conversation moves on (another tab, the REST API).
    await send(conversation.id, conversationToken, {
      clientMessageId: 'offline',
      content: { type: 'text', text: 'thanks' },
    })
    const second = await connect(url)
    second.socket.send(JSON.stringify({ type: 'resume', afterSequence: 3 }))
    await second.waitFor((frames) => frames.some((frame) => frame.type === 'ready'))
    expect(
      second.frames
        .filter((frame) => frame.type === 'message')
        .map((frame) => frame.message?.sequence),
    ).toEqual([4, 5])
    second.socket.send(Buffer.from([1, 2, 3]), { binary: true })
    second.socket.send('not json')
    second.socket.send(
      JSON.stringify({
        type: 'message',
        clientMessageId: '',
        content: { type: 'text', text: 'x' },
      }),
    )
    await second.waitFor((frames) => frames.filter((frame) => frame.type === 'error').length === 3)
    second.socket.send(
      JSON.stringify({
        type: 'message',
        clientMessageId: 'w2',
        content: { type: 'text', text: 'I want to talk to a human' },
      }),
    )
    await second.waitFor((frames) => frames.some((frame) => frame.type === 'conversation-update'))
    expect(
      second.frames.find((frame) => frame.type === 'conversation-update')?.conversation?.status,
    ).toBe('waiting-for-agent')
    await second.waitFor((frames) => frames.some((frame) => frame.type === 'typing-end'))
    const sequences = second.frames
      .filter((frame) => frame.type === 'message')
      .map((frame) => frame.message?.sequence)
    // Other parts (the inbox) may add notices after the hand-over; every message still comes once, in order.
    expect(sequences.slice(0, 4)).toEqual([4, 5, 6, 7])
    expect(sequences).toEqual(sequences.map((_, index) => index + 4))
    second.socket.close()
  })

  it('shows the shopper when an agent starts and stops typing', async () => {
    const { conversation, conversationToken } = await open()
    const url = `ws://${baseUrl}/api/conversations/${conversation.id}/socket?token=${encodeURIComponent(conversationToken)}`
    const shopper = await connect(url)
    shopper.socket.send(JSON.stringify({ type: 'resume', afterSequence: 0 }))
    await shopper.waitFor((frames) => frames.some((frame) => frame.type === 'ready'))
    container.conversations?.announceTyping(conversation.id, 'agent', true)
    container.conversations?.announceTyping(conversation.id, 'agent', false)
    await shopper.waitFor((frames) => frames.some((frame) => frame.type === 'typing-end'))
    expect(
      shopper.frames
        .filter((frame) => frame.type.startsWith('typing-'))
        .map((frame) => `${frame.type}:${(frame as Frame & { role?: string }).role ?? ''}`),
    ).toEqual(['typing-start:agent', 'typing-end:agent'])
    shopper.socket.close()
  })

  it('refuses a WebSocket without a valid token', async () => {
    const { conversation } = await open()
    await expect(
      connect(`ws://${baseUrl}/api/conversations/${conversation.id}/socket?token=forged`),
    ).rejects.toThrow(/401/)
  })
})
