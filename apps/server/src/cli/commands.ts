import type { CliCommand } from './cli-command.ts'
import { chatCommand } from './chat-command.ts'
import { evalNluCommand } from './eval-nlu-command.ts'
import { migrateCommand } from './migrate-command.ts'
import { seedCommand } from './seed-command.ts'
import { startCommand } from './start-command.ts'
import { tau2ImportCommand } from './tau2-import-command.ts'

/** Every sub-command of `kedai`. Add one line per command. */
export const cliCommands: readonly CliCommand[] = [
  startCommand,
  chatCommand,
  migrateCommand,
  seedCommand,
  tau2ImportCommand,
  evalNluCommand,
]
