import { defineConfig } from 'vitest/config'
import { SummaryLineReporter } from './scripts/vitest-summary-reporter.ts'

export const vitestConfiguration = defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', new SummaryLineReporter()],
  },
})

// Vitest reads the default export of its configuration file; this is the one allowed default export.
// eslint-disable-next-line no-restricted-syntax
export default vitestConfiguration
