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
  // Shoppers ask the same few questions over and over; answers are kept until the next refresh.
  const answers = new Map<string, PolicyAnswer | undefined>()

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
    answers.clear()
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
      const key = `${locale}\u0000${preferredSlugs.join(',')}\u0000${question.trim().toLowerCase()}`
      if (answers.has(key)) {
        const cached = answers.get(key)
        answers.delete(key)
        answers.set(key, cached)
        return cached
      }
      const answer = findAnswer(question, locale, preferredSlugs)
      answers.set(key, answer)
      if (answers.size > answerCacheSize) {
        const oldest = answers.keys().next().value
        if (oldest !== undefined) answers.delete(oldest)
      }
      return answer
    },
  }

  function findAnswer(
    question: string,
    locale: Locale,
    preferredSlugs: readonly string[],
  ): PolicyAnswer | undefined {
    let fromEnglish = false
    let hit = best(question, locale, preferredSlugs)
    if (hit === undefined && locale !== 'en') {
      hit = best(question, 'en', preferredSlugs)
      fromEnglish = hit !== undefined
    }
    if (hit === undefined) return undefined
    return { section: hit.section, quote: quotePolicySection(hit.section.body), fromEnglish }
  }
}

/** Most distinct questions whose answers are kept between refreshes. */
const answerCacheSize = 2000
