import type { Migration } from 'kysely'
import * as core from './0001-core.ts'
import * as commerceA from './0100-commerce-a.ts'

/**
 * Every migration in the order it runs, keyed by its file name (`NNNN-<name>`). Static rather than
 * read from the folder, so the list is the same under tsx, Vitest and a bundler. Numbers: 0001–0099
 * foundation, 0100–0199 commerce, 0200–0299 orders, 0300–0399 understanding, 0400–0499
 * conversations, 0500–0599 inbox.
 */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0100-commerce-a': commerceA,
}
