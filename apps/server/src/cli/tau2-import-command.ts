import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadConfiguration, type Configuration } from '../app/config.ts'
import { createDatabase, migrateToLatest } from '../db/database.ts'
import { importTau2Database, Tau2ImportConflictError } from '../db/seed/import-tau2-database.ts'
import { readTau2Database } from '../db/seed/load-demo-store.ts'
import { createId } from '../shared/ids.ts'
import type { CliCommand, CliIo } from './cli-command.ts'

/**
 * Imports a τ²-bench retail `db.json` into the configured database; returns the exit code (2 for bad
 * arguments or an unreadable file, 1 when the database already holds its records).
 */
export async function runTau2Import(
  argumentList: readonly string[],
  io: CliIo,
  configuration: Configuration,
): Promise<number> {
  const [file, ...rest] = argumentList
  if (file === undefined || rest.length > 0) {
    io.error(`usage: ${tau2ImportCommand.usage} (got: ${argumentList.join(' ') || 'nothing'})`)
    return 2
  }
  const path = resolve(file)
  if (!existsSync(path)) {
    io.error(`No such file: ${path}`)
    return 2
  }
  let tau2
  try {
    tau2 = readTau2Database(path)
  } catch (error) {
    io.error(error instanceof Error ? error.message : String(error))
    return 2
  }
  const handle = await createDatabase(
    configuration.database.engine === 'postgres'
      ? { url: configuration.database.url }
      : { sqliteFile: configuration.database.file },
  )
  try {
    await migrateToLatest(handle)
    const report = await importTau2Database(handle, tau2, {
      currency: configuration.store.currency,
      now: () => new Date(),
      createId,
    })
    io.out(
      `Imported the τ² retail database into ${handle.engine}: ${report.products} products, ${report.variants} variants, ${report.customers} customers, ${report.orders} orders.`,
    )
    return 0
  } catch (error) {
    if (error instanceof Tau2ImportConflictError) {
      io.error(`Nothing imported: ${error.message}.`)
      return 1
    }
    throw error
  } finally {
    await handle.close()
  }
}

/** `kedai tau2 import <db.json>`: loads a τ²-bench retail database (products, users, orders). */
export const tau2ImportCommand: CliCommand = {
  names: ['tau2', 'import'],
  summary: 'Import a τ²-bench retail db.json (products, users, orders) into the database',
  usage: 'kedai tau2 import <db.json>',
  run: (argumentList, io) => runTau2Import(argumentList, io, loadConfiguration()),
}
