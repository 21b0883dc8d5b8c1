import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ServerContext } from '../server-context.ts'

/** Serves the demo store's product images under `/demo-images/`. */
export function createDemoAssetRoutes(context: ServerContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyStatic, {
      root: resolve(context.configuration.demoDirectory, 'images'),
      prefix: '/demo-images/',
      decorateReply: false,
      maxAge: '1h',
      schemaHide: true,
    })
  }
}
