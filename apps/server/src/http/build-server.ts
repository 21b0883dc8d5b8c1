import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import fastifyCors from '@fastify/cors'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { installErrorHandler } from './error-handler.ts'
import { createRouteModules } from './routes/index.ts'
import type { ServerContext } from './server-context.ts'

/** Paths pino must never print: credentials, cookies, card data, tokens. */
export const redactedLogPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.cardNumber',
  '*.card_number',
  '*.cvc',
  '*.token',
  '*.secret',
  '*.apiKey',
]

/**
 * Builds the Fastify server: zod validation of every input, the OpenAPI document at `/docs/json`
 * with a browsable page at `/docs`, request ids on every log line (`x-request-id` in and out),
 * CORS for the configured origins, one error handler, and every route module.
 */
export async function buildServer(
  context: ServerContext,
): Promise<FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>> {
  const app = Fastify({
    loggerInstance: context.logger,
    requestIdHeader: 'x-request-id',
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    forceCloseConnections: true,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandler(app)
  // Set as the request arrives (a synchronous hook, no promise per request); error replies keep it.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })

  const allowedOrigins = new Set(context.configuration.allowedOrigins)
  await app.register(fastifyCors, {
    origin: (origin, callback) => {
      // Same-origin requests and tools send no Origin header.
      if (origin === undefined || origin === context.configuration.publicUrl)
        return callback(null, true)
      callback(null, allowedOrigins.has(origin))
    },
    credentials: true,
  })

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Kedai API',
        description: 'The store, conversation and console API of Kedai, the AI shopping assistant.',
        version: '0.1.0',
      },
      servers: [{ url: context.configuration.publicUrl }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' })

  const typed = app.withTypeProvider<ZodTypeProvider>()
  for (const routeModule of createRouteModules(context)) {
    await typed.register(routeModule)
  }
  return app
}
