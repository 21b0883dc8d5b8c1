import { cliCommands } from './cli/commands.ts'
import { runCli } from './cli/run-cli.ts'

/** Entry point of the `kedai` command-line tool. */
runCli(process.argv.slice(2), cliCommands, {
  out: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
})
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    process.stderr.write(
      `kedai: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  })
