import { loadConfiguration } from '../app/config.ts'
import { startServer, stopOnSignals } from '../app/start-server.ts'
import type { CliCommand } from './cli-command.ts'

/** `kedai start`: runs the server (the same as `npm start`). */
export const startCommand: CliCommand = {
  names: ['start'],
  summary: 'Run the server (migrations and the demo store are applied at start)',
  usage: 'kedai start',
  async run(argumentList, io) {
    if (argumentList.length > 0) {
      io.error(`kedai start takes no arguments (got: ${argumentList.join(' ')})`)
      return 2
    }
    const configuration = loadConfiguration()
    const server = await startServer(configuration)
    io.out(`Kedai is running at ${server.url}`)
    await new Promise<void>((resolve) => {
      stopOnSignals(server, configuration.shutdownTimeoutMs, (code) => {
        process.exitCode = code
        resolve()
      })
    })
    return Number(process.exitCode ?? 0)
  },
}
