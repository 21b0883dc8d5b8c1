import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../testing/test-server.ts'

interface TestSocket {
  on(event: 'message', listener: (data: Buffer) => void): void
  on(event: 'open' | 'close', listener: () => void): void
  on(event: 'error' | 'unexpected-response', listener: (error: unknown) => void): void
  close(): void
}
const require = createRequire(import.meta.url)
const { WebSocket } = require('ws') as {
  WebSocket: new (url: string, options?: { headers?: Record<string, string> }) => TestSocket
}

describe('console inbox routes', () => {
  let server: TestServer
  const tokens: Record<'aisha' | 'daniel' | 'admin', string> = { aisha: '', daniel: '', admin: '' }
  const ids: Record<'aisha' | 'daniel', string> = { aisha: '', daniel: '' }
  let conversationId = ''
  let conversationToken = ''

  const asStaff = (who: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[who]}` })
  const shopperSays = (text: string, clientMessageId: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/conversations/${conversationId}/messages`,
      headers: { 'x-kedai-conversation-token': conversationToken },
      payload: { clientMessageId, content: { type: 'text', text } },
    })
  const transcript = async () => {
    const response = await server.app.inject({
      url: `/api/console/conversations/${conversationId}`,
      headers: asStaff('aisha'),
    })
    expect(response.statusCode).toBe(200)
    return response.json<{
      messages: { authorRole: string; content: { type: string; text?: string } }[]
    }>().messages
  }

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: false })
    const staff = server.container.staff
    const password = 'console-test-password'
    const aisha = await staff.createMember({
      email: 'aisha@test.example',
      displayName: 'Aisha',
      password,
      role: 'agent',
      languages: ['ms', 'en'],
      skills: ['returns', 'orders'],
      team: 'support',
      capacity: 2,
      presence: 'online',
    })
    const daniel = await staff.createMember({
      email: 'daniel@test.example',
      displayName: 'Daniel',
      password,
      role: 'agent',
      languages: ['zh-Hans'],
      skills: ['sales'],
      team: 'sales',
      capacity: 2,
      presence: 'online',
    })
    await staff.createMember({
      email: 'admin@test.example',
      displayName: 'Admin',
      password,
      role: 'admin',
    })
    ids.aisha = aisha.id
    ids.daniel = daniel.id
    for (const [who, email] of [
      ['aisha', 'aisha@test.example'],
      ['daniel', 'daniel@test.example'],
      ['admin', 'admin@test.example'],
    ] as const) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/console/session',
        payload: { email, password },
      })
      tokens[who] = response.json<{ token: string }>().token
    }
    const opened = await server.app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: { locale: 'en' },
    })
    const body = opened.json<{ conversation: { id: string }; conversationToken: string }>()
    conversationId = body.conversation.id
    conversationToken = body.conversationToken
  })

  afterAll(async () => {
    await server.close()
  })

  it('offers the conversation to the qualified agent when the shopper asks for a person', async () => {
    const asked = await shopperSays('I want to talk to a human agent please', 'client_1')
    expect(asked.statusCode).toBe(200)
    const inbox = await server.app.inject({ url: '/api/console/inbox', headers: asStaff('aisha') })
    expect(inbox.statusCode).toBe(200)
    const handOvers = inbox.json<{ handOvers: Record<string, unknown>[] }>().handOvers
    expect(handOvers).toHaveLength(1)
    expect(handOvers[0]).toMatchObject({
      conversationId,
      status: 'offered',
      offeredAgentId: ids.aisha,
      language: 'en',
      reasons: ['explicit-request'],
      summary: { wants: 'I want to talk to a human agent please', language: 'en' },
      queuePlace: { position: 1 },
    })
    const mine = await server.app.inject({
      url: '/api/console/inbox?mine=true',
      headers: asStaff('daniel'),
    })
    expect(mine.json<{ handOvers: unknown[] }>().handOvers).toEqual([])
  })

  it('refuses a reply from an agent the conversation was not offered to', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/console/conversations/${conversationId}/messages`,
      headers: asStaff('daniel'),
      payload: { text: 'Hello from Daniel' },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ ok: false, reason: 'not-your-conversation' })
  })

  it('posts the agent reply into the same conversation and keeps the bot silent', async () => {
    const reply = await server.app.inject({
      method: 'POST',
      url: `/api/console/conversations/${conversationId}/messages`,
      headers: asStaff('aisha'),
      payload: { text: 'Hi, Aisha here. How can I help?' },
    })
    expect(reply.statusCode).toBe(200)
    const answered = await shopperSays('my parcel is late', 'client_2')
    expect(answered.json<{ replies: unknown[] }>().replies).toEqual([])
    const messages = await transcript()
    expect(messages.slice(-3)).toEqual([
      expect.objectContaining({
        authorRole: 'agent',
        content: expect.objectContaining({ text: 'Aisha (support) joined the conversation.' }),
      }),
      expect.objectContaining({
        authorRole: 'agent',
        content: { type: 'text', text: 'Hi, Aisha here. How can I help?' },
      }),
      expect.objectContaining({ authorRole: 'shopper' }),
    ])
  })

  it('keeps private notes out of the transcript', async () => {
    const note = await server.app.inject({
      method: 'POST',
      url: `/api/console/conversations/${conversationId}/notes`,
      headers: asStaff('aisha'),
      payload: { body: 'Parcel stuck at hub' },
    })
    expect(note.statusCode).toBe(200)
    const view = await server.app.inject({
      url: `/api/console/conversations/${conversationId}`,
      headers: asStaff('aisha'),
    })
    expect(view.json()).toMatchObject({ notes: [{ body: 'Parcel stuck at hub' }] })
    expect(JSON.stringify(await transcript())).not.toContain('Parcel stuck at hub')
  })

  it('lets only admins write canned responses and fills variables for the agent', async () => {
    const payload = { title: 'Greeting', body: { en: 'Hi, this is {{agent.name}}.' } }
    const refused = await server.app.inject({
      method: 'PUT',
      url: '/api/console/canned-responses/greeting',
      headers: asStaff('aisha'),
      payload,
    })
    expect(refused.statusCode).toBe(403)
    const saved = await server.app.inject({
      method: 'PUT',
      url: '/api/console/canned-responses/greeting',
      headers: asStaff('admin'),
      payload,
    })
    expect(saved.statusCode).toBe(200)
    const rendered = await server.app.inject({
      method: 'POST',
      url: '/api/console/canned-responses/greeting/render',
      headers: asStaff('aisha'),
      payload: { conversationId },
    })
    expect(rendered.json()).toEqual({ text: 'Hi, this is Aisha.', missing: [] })
  })

  it('hands back to the bot on resolve, which asks for a rating that is stored', async () => {
    const [handOver] = (await server.container.handOff?.inbox.listHandOvers({})) ?? []
    const resolved = await server.app.inject({
      method: 'POST',
      url: `/api/console/hand-overs/${handOver?.id ?? ''}/resolve`,
      headers: asStaff('aisha'),
      payload: { note: 'tracking sent' },
    })
    expect(resolved.statusCode).toBe(200)
    const messages = await transcript()
    expect(messages.at(-1)).toMatchObject({ authorRole: 'bot', content: { type: 'quick-replies' } })
    await shopperSays('csat:4', 'client_3')
    expect(await server.container.handOff?.inbox.findRating(handOver?.id ?? '')).toMatchObject({
      score: 4,
      agentId: ids.aisha,
    })
    const again = await server.app.inject({
      method: 'POST',
      url: `/api/console/hand-overs/${handOver?.id ?? ''}/resolve`,
      headers: asStaff('aisha'),
      payload: {},
    })
    expect(again.json()).toEqual({ ok: false, reason: 'not-open' })
  })

  it('labels a training candidate and lets only an admin approve it', async () => {
    await server.container.handOff?.inbox.addTrainingCandidates([
      {
        conversationId,
        messageId: 'msg_training_route',
        text: 'parcel hilang',
        locale: 'ms',
        predictedIntent: 'out_of_scope',
        confidence: 0.2,
      },
    ])
    const list = await server.app.inject({
      url: '/api/console/training-examples?status=pending',
      headers: asStaff('aisha'),
    })
    const candidate = list
      .json<{ candidates: { id: string; messageId: string }[] }>()
      .candidates.find((entry) => entry.messageId === 'msg_training_route')
    const unknownIntent = await server.app.inject({
      method: 'PUT',
      url: `/api/console/training-examples/${candidate?.id ?? ''}/label`,
      headers: asStaff('aisha'),
      payload: { intent: 'lost_parcel' },
    })
    expect(unknownIntent.statusCode).toBe(400)
    await server.app.inject({
      method: 'PUT',
      url: `/api/console/training-examples/${candidate?.id ?? ''}/label`,
      headers: asStaff('aisha'),
      payload: { intent: 'track_order' },
    })
    const byAgent = await server.app.inject({
      method: 'POST',
      url: `/api/console/training-examples/${candidate?.id ?? ''}/review`,
      headers: asStaff('aisha'),
      payload: { decision: 'approved' },
    })
    expect(byAgent.statusCode).toBe(403)
    const byAdmin = await server.app.inject({
      method: 'POST',
      url: `/api/console/training-examples/${candidate?.id ?? ''}/review`,
      headers: asStaff('admin'),
      payload: { decision: 'approved' },
    })
    expect(byAdmin.json()).toMatchObject({ status: 'approved', label: 'track_order' })
    expect(await server.container.handOff?.inbox.listApprovedExamples()).toContainEqual({
      text: 'parcel hilang',
      intent: 'track_order',
      locale: 'ms',
    })
  })

  it('opens the console WebSocket only with a session and pushes hand-over updates', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = server.app.server.address() as AddressInfo
    const url = `ws://127.0.0.1:${port}/api/console/ws`
    const refused = await new Promise<string>((resolve) => {
      const socket = new WebSocket(url)
      socket.on('open', () => resolve('opened'))
      socket.on('error', () => resolve('refused'))
      socket.on('unexpected-response', () => resolve('refused'))
    })
    expect(refused).toBe('refused')
    const socket = new WebSocket(url, {
      headers: { cookie: `kedai_session=${encodeURIComponent(tokens.aisha)}` },
    })
    const frames: { type: string; conversationId?: string }[] = []
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        frames.push(JSON.parse(data.toString('utf8')) as { type: string })
        resolve()
      })
      socket.on('error', reject)
    })
    expect(frames[0]).toMatchObject({ type: 'ready', agentId: ids.aisha })
    await server.app.inject({
      method: 'POST',
      url: `/api/console/conversations/${conversationId}/notes`,
      headers: asStaff('aisha'),
      payload: { body: 'pushed' },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(frames).toContainEqual(
      expect.objectContaining({ type: 'conversation-message', conversationId }),
    )
    socket.close()
  })
})
