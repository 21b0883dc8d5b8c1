import type { FastifyInstance } from 'fastify'
import { buildServer } from '../http/build-server.ts'
import type { Configuration } from './config.ts'
import { createContainer, type Container } from './container.ts'

/** A started server and how to stop it. */
export interface RunningServer {
  readonly container: Container
  readonly app: FastifyInstance
  readonly url: string
  /** Stops accepting connections, drains requests in flight, closes the database. */
  stop(): Promise<void>
}

/** Builds the container and the HTTP server and listens on the configured host and port. */
export async function startServer(configuration: Configuration): Promise<RunningServer> {
  const started = performance.now()
  const container = await createContainer(configuration)
  let app: FastifyInstance
  try {
    app = await buildServer(container)
    await app.listen({ port: configuration.port, host: configuration.host })
  } catch (error) {
    await container.close()
    throw error
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : configuration.port
  const url = configuration.publicUrl.includes(`:${configuration.port}`)
    ? configuration.publicUrl.replace(`:${configuration.port}`, `:${port}`)
    : configuration.publicUrl
  container.logger.info(
    {
      url,
      engine: container.database.engine,
      migrationsApplied: container.migrations.applied.length,
      seed: container.seed,
      readyInMs: Math.round(performance.now() - started),
    },
    'Kedai is ready',
  )
  let stopping: Promise<void> | undefined
  return {
    container,
    app,
    url,
    stop: () => {
      stopping ??= (async () => {
        try {
          await app.close()
        } finally {
          await container.close()
        }
      })()
      return stopping
    },
  }
}

/**
 * Stops the server on SIGTERM or SIGINT: stop accepting, drain, close the database; exits non-zero if
 * that takes longer than the configured bound.
 */
export function stopOnSignals(
  server: RunningServer,
  timeoutMs: number,
  exit: (code: number) => void,
): void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.container.logger.info({ signal }, 'shutting down')
    const timer = setTimeout(() => {
      server.container.logger.error({ timeoutMs }, 'shutdown took too long; exiting')
      exit(1)
    }, timeoutMs)
    timer.unref()
    server
      .stop()
      .then(() => exit(0))
      .catch((error: unknown) => {
        server.container.logger.error({ err: error }, 'shutdown failed')
        exit(1)
      })
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
