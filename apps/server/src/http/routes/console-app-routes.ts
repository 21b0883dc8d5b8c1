import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AppError } from '../../shared/app-error.ts'
import type { ServerContext } from '../server-context.ts'

/**
 * Serves the agent console (`apps/console/dist`, built by `npm run build`) at `/console/`. The page
 * itself is public (it only shows a sign-in form); everything it reads is under `/api/console`.
 */
export function createConsoleAppRoutes(
  context: Pick<ServerContext, 'configuration'>,
  options: { consoleDirectory?: string } = {},
): FastifyPluginAsyncZod {
  const consoleDirectory =
    options.consoleDirectory ??
    resolve(context.configuration.demoDirectory, '..', '..', 'apps', 'console', 'dist')
  return async (app) => {
    const sendPage = async () => {
      const file = join(consoleDirectory, 'index.html')
      if (!existsSync(file)) {
        throw new AppError('unavailable', 'The console is not built yet: run `npm run build`.')
      }
      return readFile(file)
    }
    app.get('/console', { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/console/'),
    )
    app.get('/console/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await sendPage()),
    )
    if (existsSync(join(consoleDirectory, 'assets'))) {
      await app.register(fastifyStatic, {
        root: join(consoleDirectory, 'assets'),
        prefix: '/console/assets/',
        decorateReply: false,
        immutable: true,
        maxAge: '365d',
        schemaHide: true,
      })
    }
  }
}
