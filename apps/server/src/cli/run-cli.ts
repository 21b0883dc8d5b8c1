import { ConfigurationError } from '../app/config.ts'
import type { CliCommand, CliIo } from './cli-command.ts'

/** The help text listing every command. */
export function describeCommands(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.usage.length))
  return [
    'Kedai — AI shopping assistant for retailers',
    '',
    'Usage: kedai <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Configuration comes from the environment and .env (see .env.example).',
  ].join('\n')
}

/**
 * Runs the command named by `argumentList` and returns the exit code. Unknown commands and bad
 * arguments print a clear message and the help, with exit code 2.
 */
export async function runCli(
  argumentList: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo,
): Promise<number> {
  if (
    argumentList.length === 0 ||
    argumentList[0] === '--help' ||
    argumentList[0] === '-h' ||
    argumentList[0] === 'help'
  ) {
    io.out(describeCommands(commands))
    return argumentList.length === 0 ? 2 : 0
  }
  const command = [...commands]
    .sort((first, second) => second.names.length - first.names.length)
    .find((candidate) => candidate.names.every((name, index) => argumentList[index] === name))
  if (command === undefined) {
    io.error(`Unknown command: kedai ${argumentList.join(' ')}\n`)
    io.error(describeCommands(commands))
    return 2
  }
  const rest = argumentList.slice(command.names.length)
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n\n${command.summary}`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof ConfigurationError) {
      io.error(error.message)
      return 1
    }
    throw error
  }
}
