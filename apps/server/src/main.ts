import { ConfigurationError, loadConfiguration } from './app/config.ts'
import { startServer, stopOnSignals } from './app/start-server.ts'
import { SqliteFileInUseError } from './db/claim-sqlite-file.ts'

/** Entry point of `npm start`: the server with the demo store on http://localhost:3000. */
async function main(): Promise<void> {
  let configuration
  try {
    configuration = loadConfiguration()
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const server = await startServer(configuration)
  process.stdout.write(
    `\nKedai is running at ${server.url}\n  API documentation: ${server.url}/docs\n\n`,
  )
  stopOnSignals(server, configuration.shutdownTimeoutMs, (code) => process.exit(code))
}

main().catch((error: unknown) => {
  if (error instanceof SqliteFileInUseError) {
    process.stderr.write(`Kedai failed to start: ${error.message}\n`)
    process.exit(1)
  }
  process.stderr.write(
    `Kedai failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
