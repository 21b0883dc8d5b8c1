import { loadConfiguration } from '../app/config.ts'
import { createDatabase, migrateToLatest } from '../db/database.ts'
import { seedDemoStore } from '../db/seed/load-demo-store.ts'
import { createId } from '../shared/ids.ts'
import type { CliCommand } from './cli-command.ts'

/** `kedai seed --demo`: loads the demo store into an empty database. */
export const seedCommand: CliCommand = {
  names: ['seed'],
  summary: 'Load the demo store into an empty database',
  usage: 'kedai seed --demo',
  async run(argumentList, io) {
    if (argumentList.length !== 1 || argumentList[0] !== '--demo') {
      io.error(
        `usage: ${this.usage} (the demo store is the only seed; got: ${argumentList.join(' ') || 'nothing'})`,
      )
      return 2
    }
    const configuration = loadConfiguration()
    const handle = await createDatabase(
      configuration.database.engine === 'postgres'
        ? { url: configuration.database.url }
        : { sqliteFile: configuration.database.file },
    )
    try {
      await migrateToLatest(handle)
      const report = await seedDemoStore(handle, {
        demoDirectory: configuration.demoDirectory,
        currency: configuration.store.currency,
        now: () => new Date(),
        createId,
      })
      io.out(
        report.seeded
          ? `Loaded the demo store: ${report.products} products, ${report.variants} variants, ${report.customers} customers, ${report.orders} orders, ${report.locations} locations, ${report.policies} policy documents.`
          : 'The demo store is already loaded; nothing to do.',
      )
      return 0
    } finally {
      await handle.close()
    }
  },
}
