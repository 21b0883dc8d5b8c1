import { loadConfiguration } from '../app/config.ts'
import { createDatabase, migrateToLatest } from '../db/database.ts'
import type { CliCommand } from './cli-command.ts'

/** `kedai migrate`: applies pending migrations and exits. */
export const migrateCommand: CliCommand = {
  names: ['migrate'],
  summary: 'Apply pending database migrations',
  usage: 'kedai migrate',
  async run(argumentList, io) {
    if (argumentList.length > 0) {
      io.error(`kedai migrate takes no arguments (got: ${argumentList.join(' ')})`)
      return 2
    }
    const configuration = loadConfiguration()
    const handle = await createDatabase(
      configuration.database.engine === 'postgres'
        ? { url: configuration.database.url }
        : { sqliteFile: configuration.database.file },
    )
    try {
      const report = await migrateToLatest(handle)
      io.out(
        report.applied.length === 0
          ? `Database (${handle.engine}) is up to date.`
          : `Applied ${report.applied.length} migration(s) on ${handle.engine}: ${report.applied.join(', ')}`,
      )
      return 0
    } finally {
      await handle.close()
    }
  },
}
