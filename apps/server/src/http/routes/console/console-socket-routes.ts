import { createServer } from 'node:http'
import fastifyWebsocket from '@fastify/websocket'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requireStaff } from '../../console-auth.ts'
import type { ServerContext } from '../../server-context.ts'
import { readHandOffContext, signedInMember } from './inbox-route-support.ts'

const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('typing'),
    conversationId: z.string().min(1).max(80),
    typing: z.boolean(),
  }),
  z.object({ type: z.literal('ping') }),
])

/**
 * The console's real-time channel, `GET /api/console/ws` (authenticated by the session cookie or a
 * bearer token before the upgrade): hand-over updates, new messages and offers for this agent as
 * JSON frames; the console sends `typing` frames.
 */
export function createConsoleSocketRoutes(context: ServerContext): FastifyPluginAsyncZod {
  const services = readHandOffContext(context)
  if (services === undefined) return async () => undefined
  const { workflow } = services
  return async (app) => {
    // The conversation routes register @fastify/websocket and its listener on the server's
    // `upgrade` event, which dispatches every upgrade through the router. A second listener would
    // answer each upgrade twice, so this registration listens on an idle server and only wraps the
    // routes of this module; it listens itself when that module is absent.
    const conversationSocketsPresent =
      context.conversations !== undefined && context.assistant !== undefined
    await app.register(fastifyWebsocket, {
      options: {
        maxPayload: 16 * 1024,
        ...(conversationSocketsPresent ? { server: createServer() } : {}),
      },
    })
    app.get(
      '/api/console/ws',
      {
        websocket: true,
        onRequest: requireStaff(context, ['agent']),
        schema: {
          tags: ['console inbox'],
          summary: 'Console WebSocket: hand-over updates, messages and offers; send typing frames',
        },
      },
      (socket, request) => {
        const member = signedInMember(request)
        const unsubscribe = workflow.hub.subscribe((event) => {
          if (event.agentId !== undefined && event.agentId !== member.id) return
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event))
        })
        socket.send(JSON.stringify({ type: 'ready', agentId: member.id }))
        socket.on('close', unsubscribe)
        socket.on('message', (data: Buffer) => {
          let parsed: ReturnType<typeof clientFrameSchema.safeParse>
          try {
            parsed = clientFrameSchema.safeParse(JSON.parse(data.toString('utf8')))
          } catch {
            socket.send(JSON.stringify({ type: 'error', message: 'Frames must be JSON.' }))
            return
          }
          if (!parsed.success) {
            socket.send(JSON.stringify({ type: 'error', message: 'Unknown frame.' }))
            return
          }
          if (parsed.data.type === 'typing') {
            workflow.setAgentTyping(parsed.data.conversationId, parsed.data.typing)
          } else {
            socket.send(JSON.stringify({ type: 'pong' }))
          }
        })
      },
    )
  }
}
