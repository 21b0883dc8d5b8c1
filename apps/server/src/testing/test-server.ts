import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { loadConfiguration } from '../app/config.ts'
import { createContainer, type Container } from '../app/container.ts'
import { buildServer } from '../http/build-server.ts'

/** A whole Kedai server in-process (real database, real routes) for HTTP-level tests. */
export interface TestServer {
  readonly app: FastifyInstance
  readonly container: Container
  close(): Promise<void>
}

/**
 * Starts Kedai in-process on a fresh SQLite file (or a fresh PostgreSQL schema with
 * `engine: 'postgres'`), with the demo store unless `seedDemo` is false. Nothing listens on a port;
 * use `app.inject`, or `app.listen({ port: 0 })` for browser tests.
 */
export async function startTestServer(
  options: { seedDemo?: boolean; environment?: Record<string, string> } = {},
): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'kedai-server-'))
  const configuration = loadConfiguration({
    KEDAI_DATA_DIR: folder,
    KEDAI_SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...options.environment,
  })
  const container = await createContainer(configuration, { logger: pino({ level: 'silent' }) })
  const app = await buildServer(container)
  await app.ready()
  return {
    app,
    container,
    close: async () => {
      await app.close()
      await container.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
