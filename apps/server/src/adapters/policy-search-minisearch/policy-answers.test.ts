import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMinisearchPolicySearch } from './minisearch-policy-search.ts'
import type { DatabaseHandle } from '../../db/database.ts'
import { createTestDatabase } from '../../testing/test-database.ts'
import { createPolicyService } from '../../domains/policies/index.ts'

const now = '2026-11-24T00:00:00.000Z'

describe('policy answers over the MiniSearch policy index', () => {
  let database: { handle: DatabaseHandle; dispose: () => Promise<void> }
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
    await database.handle.db
      .insertInto('policy_documents')
      .values({
        id: 'pol_returns_en',
        slug: 'returns',
        locale: 'en',
        title: 'Returns',
        body: '# Returns\n\n## Time limit\n\nReturn unworn items within 30 days of delivery.\n',
        updated_at: now,
      })
      .execute()
  })
  afterAll(async () => {
    await database.dispose()
  })

  it('answers a repeated question the same way and reads changed documents after a refresh', async () => {
    const policies = createPolicyService({
      db: database.handle.db,
      search: createMinisearchPolicySearch(),
    })
    const first = await policies.answer('How many days do I have to return?', 'en')
    expect(first?.quote).toMatch(/30 days/)
    const again = await policies.answer('  how many days do I have to RETURN?  ', 'en')
    expect(again).toEqual(first)

    await database.handle.db
      .updateTable('policy_documents')
      .set({
        body: '# Returns\n\n## Time limit\n\nReturn unworn items within 60 days of delivery.\n',
      })
      .where('id', '=', 'pol_returns_en')
      .execute()
    // Until the documents are refreshed, the answer given before stands.
    expect((await policies.answer('How many days do I have to return?', 'en'))?.quote).toMatch(
      /30 days/,
    )
    await policies.refresh()
    expect((await policies.answer('How many days do I have to return?', 'en'))?.quote).toMatch(
      /60 days/,
    )
  })

  it('quotes the English policy when the language has none, and nothing for an unrelated question', async () => {
    const policies = createPolicyService({
      db: database.handle.db,
      search: createMinisearchPolicySearch(),
    })
    const answer = await policies.answer('return days', 'ms')
    expect(answer?.fromEnglish).toBe(true)
    expect(await policies.answer('zzzz qqqq', 'en')).toBeUndefined()
  })
})
