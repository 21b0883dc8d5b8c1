import type { Locale } from '../../shared/locale.ts'
import type { PolicySection } from './policy-section.ts'

/**
 * Splits a policy document (Markdown with a `#` title and `##` sections) into sections. Text before
 * the first `##` becomes a section titled with the document title, when there is any.
 */
export function splitPolicySections(document: {
  slug: string
  locale: Locale
  title: string
  body: string
}): PolicySection[] {
  const sections: PolicySection[] = []
  let title = document.title
  let lines: string[] = []
  const flush = () => {
    const body = lines.join('\n').trim()
    if (body.length > 0) {
      sections.push({
        id: `${document.slug}.${document.locale}#${sections.length}`,
        slug: document.slug,
        locale: document.locale,
        documentTitle: document.title,
        title,
        body,
      })
    }
    lines = []
  }
  for (const line of document.body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line)
    if (heading !== null && !line.startsWith('###')) {
      flush()
      title = heading[1] ?? document.title
      continue
    }
    if (/^#\s/.test(line)) continue
    lines.push(line)
  }
  flush()
  return sections
}
