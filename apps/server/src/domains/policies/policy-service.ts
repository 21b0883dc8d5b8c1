import type { Db } from '../../db/database.ts'
import { isLocale, type Locale } from '../../shared/locale.ts'
import type { PolicySearch, PolicySection } from './policy-section.ts'
import { quotePolicySection } from './quote-policy-section.ts'
import { splitPolicySections } from './split-policy-sections.ts'

/** The answer to a policy question: the best section, quoted. */
export interface PolicyAnswer {
  readonly section: PolicySection
  readonly quote: string
  /** True when nothing matched in the shopper's language and the English policy is quoted. */
  readonly fromEnglish: boolean
}

/** The store's policies and FAQ, answered from its policy documents. */
export interface PolicyService {
  /** Reloads the documents from the database and re-indexes them; returns the number of sections. */
  refresh(): Promise<number>
  /**
   * The best section for `question` in `locale` (English when that language has no match), or
   * `undefined` when nothing matches. `preferredSlugs` (such as `shipping` for a shipping question)
   * are searched first.
   */
  answer(
    question: string,
    locale: Locale,
    preferredSlugs?: readonly string[],
  ): Promise<PolicyAnswer | undefined>
}

/** Creates the {@link PolicyService} over the `policy_documents` table and a {@link PolicySearch}. */
export function createPolicyService(dependencies: { db: Db; search: PolicySearch }): PolicyService {
  const { db, search } = dependencies
  let loaded: Promise<number> | undefined

  async function refresh(): Promise<number> {
    const rows = await db
      .selectFrom('policy_documents')
      .select(['slug', 'locale', 'title', 'body'])
      .execute()
    const sections = rows.flatMap((row) =>
      isLocale(row.locale)
        ? splitPolicySections({
            slug: row.slug,
            locale: row.locale,
            title: row.title,
            body: row.body,
          })
        : [],
    )
    search.replaceAll(sections)
    return sections.length
  }

  function best(question: string, locale: Locale, preferredSlugs: readonly string[]) {
    const hits = search.search(question, locale, 8)
    const preferred = hits.find((hit) => preferredSlugs.includes(hit.section.slug))
    return preferred ?? hits[0]
  }

  return {
    refresh() {
      loaded = refresh()
      return loaded
    },
    async answer(question, locale, preferredSlugs = []) {
      loaded ??= refresh()
      await loaded
      let fromEnglish = false
      let hit = best(question, locale, preferredSlugs)
      if (hit === undefined && locale !== 'en') {
        hit = best(question, 'en', preferredSlugs)
        fromEnglish = hit !== undefined
      }
      if (hit === undefined) return undefined
      return { section: hit.section, quote: quotePolicySection(hit.section.body), fromEnglish }
    },
  }
}
