import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversationLockKey } from '../assistant/handle-inbound-message.ts'
import { createPostgresClusterLink } from '../db/postgres-cluster-link.ts'
import type { ConversationUpdate } from '../domains/conversations/index.ts'
import { buildServer } from '../http/build-server.ts'
import { isPostgresReachable } from '../testing/test-database.ts'
import { settledWithin, waitFor } from '../testing/wait-for.ts'
import type { ConsoleEvent } from '../workflows/hand-off/index.ts'
import { loadConfiguration, readTestEnvironment } from './config.ts'
import { createContainer, type Container } from './container.ts'

const environment = readTestEnvironment()
const postgresAvailable = await isPostgresReachable()
const silent = pino({ level: 'silent' })

interface ShopperSocket {
  send(data: string): void
  close(): void
  on(event: 'message', listener: (data: Buffer) => void): void
  on(event: 'open', listener: () => void): void
  on(event: 'error', listener: (error: Error) => void): void
}
// `ws` ships without types here; it is the client @fastify/websocket itself is built on.
const { WebSocket } = createRequire(import.meta.url)('ws') as {
  WebSocket: new (url: string) => ShopperSocket
}

/** Two servers on one PostgreSQL schema, as behind a load balancer. */
describe.skipIf(!postgresAvailable)('several instances on one PostgreSQL database', () => {
  const schema = `kedai_test_instances_${Date.now().toString(36)}`
  const url = new URL(environment.postgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  const dataDirectory = mkdtempSync(join(tmpdir(), 'kedai-instances-'))
  let first: Container
  let second: Container
  let admin: pg.Client

  function parts(container: Container) {
    const { assistant, conversations, handOff } = container
    if (assistant === undefined || conversations === undefined || handOff === undefined)
      throw new Error('the container has no assistant')
    return { assistant, conversations, hub: handOff.workflow.hub }
  }

  async function openConversation(container: Container, externalId: string) {
    const opened = await parts(container).assistant.startConversation({
      channel: 'web',
      externalId,
      locale: 'en',
    })
    return opened.conversation.id
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: environment.postgresUrl })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    const configuration = loadConfiguration({
      DATABASE_URL: url.toString(),
      KEDAI_DATA_DIR: dataDirectory,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    })
    ;[first, second] = await Promise.all([
      createContainer(configuration, { logger: silent }),
      createContainer(configuration, { logger: silent }),
    ])
    // Train the recognizer once (the second instance reads the model the first one kept).
    const warmUp = await openConversation(first, 'warm-up')
    await parts(first).assistant.handleInboundMessage({
      conversationId: warmUp,
      channelMessageId: 'warm-up-1',
      content: { type: 'text', text: 'hi' },
    })
    await parts(second).assistant.handleInboundMessage({
      conversationId: warmUp,
      channelMessageId: 'warm-up-2',
      content: { type: 'text', text: 'hi' },
    })
  }, 120_000)

  afterAll(async () => {
    await first?.close()
    await second?.close()
    await admin.query(`drop schema if exists ${schema} cascade`)
    await admin.end()
    rmSync(dataDirectory, { recursive: true, force: true })
  })

  it('waits to answer while another instance is in a turn of the same conversation', async () => {
    const conversationId = await openConversation(first, 'shopper-lock')
    const elsewhere = await createPostgresClusterLink({
      url: url.toString(),
      onError: () => undefined,
    })
    try {
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => {
        release = resolve
      })
      let holding = false
      const otherTurn = elsewhere.runExclusively(conversationLockKey(conversationId), async () => {
        holding = true
        await held
      })
      await waitFor(() => holding)
      const answer = parts(second).assistant.handleInboundMessage({
        conversationId,
        channelMessageId: 'lock-1',
        content: { type: 'text', text: 'What is your return policy?' },
      })
      expect(await settledWithin(answer, 400)).toBe(false)
      release()
      await otherTurn
      const result = await answer
      expect(result.duplicate).toBe(false)
      expect(result.replies.length).toBeGreaterThan(0)
    } finally {
      await elsewhere.close()
    }
  })

  it('answers a message delivered to both instances at once only once', async () => {
    const conversationId = await openConversation(first, 'shopper-twice')
    const delivery = {
      conversationId,
      channelMessageId: 'twice-1',
      content: { type: 'text' as const, text: 'I want to subscribe to your newsletter' },
    }
    const results = await Promise.all([
      parts(first).assistant.handleInboundMessage(delivery),
      parts(second).assistant.handleInboundMessage(delivery),
    ])
    expect(results.map((result) => result.duplicate).sort()).toEqual([false, true])
    expect(results[0].inbound.id).toBe(results[1].inbound.id)
    expect(results[0].replies.map((reply) => reply.id)).toEqual(
      results[1].replies.map((reply) => reply.id),
    )
    const messages = await parts(first).conversations.listMessages(conversationId, { limit: 50 })
    expect(messages.filter((message) => message.direction === 'inbound')).toHaveLength(1)
    // The greeting, the message and its replies; sequences without a gap.
    expect(messages.map((message) => message.sequence)).toEqual(
      messages.map((_, index) => index + 1),
    )
    const flowsStarted = await first.database.db
      .selectFrom('domain_events')
      .select('type')
      .where('aggregate_id', '=', conversationId)
      .where('type', '=', 'flow.started')
      .execute()
    expect(flowsStarted).toHaveLength(1)
  })

  it('shows a live listener on one instance the messages and status changes stored on the other', async () => {
    const conversationId = await openConversation(first, 'shopper-live')
    const updates: ConversationUpdate[] = []
    // The greeting was stored when the conversation opened; its notice may still be on its way.
    const stop = parts(second).conversations.subscribe(conversationId, (update) => {
      if (update.kind !== 'message' || update.message.sequence > 1) updates.push(update)
    })
    try {
      const turn = await parts(first).assistant.handleInboundMessage({
        conversationId,
        channelMessageId: 'live-1',
        content: { type: 'text', text: 'How much is shipping to Singapore?' },
      })
      const expected = [turn.inbound, ...turn.replies].map((message) => message.sequence)
      await waitFor(() => updates.length >= expected.length)
      expect(
        updates.map((update) => (update.kind === 'message' ? update.message.sequence : -1)),
      ).toEqual(expected)
      const [firstUpdate] = updates
      expect(firstUpdate?.kind === 'message' && firstUpdate.message.content).toEqual({
        type: 'text',
        text: 'How much is shipping to Singapore?',
      })
      updates.length = 0
      await parts(first).assistant.handleInboundMessage({
        conversationId,
        channelMessageId: 'live-2',
        content: { type: 'text', text: 'bye' },
      })
      await waitFor(() => updates.some((update) => update.kind === 'conversation'))
      const statusUpdate = updates.find((update) => update.kind === 'conversation')
      expect(statusUpdate?.kind === 'conversation' && statusUpdate.conversation.status).toBe(
        'resolved',
      )
    } finally {
      stop()
    }
  })

  it('streams to a shopper’s WebSocket on one instance what the shopper sent through the other', async () => {
    const [here, there] = [await buildServer(first), await buildServer(second)]
    try {
      await there.listen({ port: 0, host: '127.0.0.1' })
      const address = there.server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      const opened = await there.inject({
        method: 'POST',
        url: '/api/conversations',
        payload: { locale: 'en' },
      })
      const { conversation, conversationToken } = opened.json<{
        conversation: { id: string }
        conversationToken: string
      }>()
      const socket = new WebSocket(
        `ws://127.0.0.1:${port}/api/conversations/${conversation.id}/socket?token=${encodeURIComponent(conversationToken)}`,
      )
      const frames: { type: string; message?: { sequence: number; direction: string } }[] = []
      socket.on('message', (data) => frames.push(JSON.parse(data.toString('utf8')) as never))
      await new Promise<void>((resolve, reject) => {
        socket.on('open', resolve)
        socket.on('error', reject)
      })
      try {
        socket.send(JSON.stringify({ type: 'resume', afterSequence: 0 }))
        await waitFor(() => frames.some((frame) => frame.type === 'ready'))
        // Another tab of the same shopper, served by the other instance.
        const sent = await here.inject({
          method: 'POST',
          url: `/api/conversations/${conversation.id}/messages`,
          headers: { 'x-kedai-conversation-token': conversationToken },
          payload: { clientMessageId: 'other-tab-1', content: { type: 'text', text: 'thanks' } },
        })
        expect(sent.statusCode).toBe(200)
        await waitFor(() => frames.filter((frame) => frame.type === 'message').length >= 3)
        const messages = frames.filter((frame) => frame.type === 'message')
        expect(messages.map((frame) => frame.message?.sequence)).toEqual([1, 2, 3])
        expect(messages.map((frame) => frame.message?.direction)).toEqual([
          'outbound',
          'inbound',
          'outbound',
        ])
      } finally {
        socket.close()
      }
    } finally {
      await here.close()
      await there.close()
    }
  })

  it('keeps the other instance’s product search in step with a restock made on one', async () => {
    const { db } = first.database
    // An orderable variant with no stock left in the warehouse that sells online.
    const soldOut = await db
      .selectFrom('product_variants as variant')
      .innerJoin('stock_levels as stock', 'stock.variant_id', 'variant.id')
      .innerJoin('locations as location', 'location.id', 'stock.location_id')
      .innerJoin('products as product', 'product.id', 'variant.product_id')
      .select(['variant.id as variantId', 'location.id as locationId', 'product.name as name'])
      .where('location.kind', '=', 'warehouse')
      .where('variant.is_available', '=', 1)
      .where('product.status', '=', 'active')
      .where((builder) => builder('stock.on_hand', '<=', builder.ref('stock.reserved')))
      .orderBy('variant.id')
      .executeTakeFirstOrThrow()
    const inStockMatches = async (container: Container) => {
      const { catalog } = container
      if (catalog === undefined) throw new Error('the container has no catalog')
      const page = await catalog.searchProducts({
        text: JSON.parse(soldOut.name).en as string,
        locale: 'en',
        inStockOnly: true,
        page: 1,
        pageSize: 50,
      })
      return page.items.flatMap((item) => item.matchingVariantIds)
    }
    expect(await inStockMatches(second)).not.toContain(soldOut.variantId)
    const { inventory } = first
    if (inventory === undefined) throw new Error('the container has no inventory')
    await inventory.restock({
      variantId: soldOut.variantId,
      locationId: soldOut.locationId,
      quantity: 5,
    })
    expect(await inStockMatches(first)).toContain(soldOut.variantId)
    const deadline = Date.now() + 10_000
    let found = await inStockMatches(second)
    while (!found.includes(soldOut.variantId) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      found = await inStockMatches(second)
    }
    expect(found).toContain(soldOut.variantId)
  })

  it('tells agents signed in on one instance about a hand-over requested on the other', async () => {
    const conversationId = await openConversation(first, 'shopper-person')
    const heard: ConsoleEvent[] = []
    const stop = parts(second).hub.subscribe((event) => heard.push(event))
    try {
      await parts(first).assistant.handleInboundMessage({
        conversationId,
        channelMessageId: 'person-1',
        content: { type: 'text', text: 'I want to talk to a human' },
      })
      await waitFor(() =>
        heard.some(
          (event) => event.type === 'hand-over-updated' && event.conversationId === conversationId,
        ),
      )
    } finally {
      stop()
    }
  })
})
