import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../testing/test-server.ts'

/** The widget and the page share one cart: the conversation works on the cart the page sends. */
describe('shared cart between the page and the conversation', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer()
  })

  afterAll(async () => {
    await server.close()
  })

  it('answers "what is in my cart" with the page cart sent in x-kedai-cart-token', async () => {
    const { app } = server
    const cart = (
      await app.inject({ method: 'POST', url: '/api/store/carts', payload: {} })
    ).json() as { token: string }
    const added = await app.inject({
      method: 'POST',
      url: `/api/store/carts/${cart.token}/lines`,
      payload: { variant: 'KD-SCK-SPT-M-WHT', quantity: 2 },
    })
    expect(added.statusCode, added.body).toBe(201)
    const opened = await app.inject({
      method: 'POST',
      url: '/api/conversations',
      payload: { locale: 'en' },
    })
    const { conversation, conversationToken } = opened.json() as {
      conversation: { id: string }
      conversationToken: string
    }
    const reply = await app.inject({
      method: 'POST',
      url: `/api/conversations/${conversation.id}/messages`,
      headers: {
        'x-kedai-conversation-token': conversationToken,
        'x-kedai-cart-token': cart.token,
      },
      payload: { clientMessageId: 'm-1', content: { type: 'text', text: "what's in my cart?" } },
    })
    expect(reply.statusCode, reply.body).toBe(200)
    expect(JSON.stringify(reply.json().replies)).toMatch(/[Ss]ock/)
  })
})
