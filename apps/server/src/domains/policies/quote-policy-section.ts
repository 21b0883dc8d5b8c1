/**
 * Turns a section's Markdown into a short plain-text quote for chat: no emphasis marks or table
 * pipes, list items joined, cut at a sentence end near `maximumLength`.
 */
export function quotePolicySection(body: string, maximumLength = 420): string {
  const text = body
    .split(/\r?\n/)
    .filter((line) => !/^\s*\|?\s*-{3,}/.test(line))
    .map((line) =>
      line
        .replace(/^\s*[-*]\s+/, '• ')
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .replace(/\s*\|\s*/g, ' — ')
        .replace(/\*\*|__|`/g, '')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join('\n')
  if (text.length <= maximumLength) return text
  const cut = text.slice(0, maximumLength)
  const sentenceEnd = Math.max(
    cut.lastIndexOf('. '),
    cut.lastIndexOf('.\n'),
    cut.lastIndexOf('。'),
    cut.lastIndexOf('！'),
    cut.lastIndexOf('？'),
    cut.lastIndexOf('\n'),
  )
  return sentenceEnd > maximumLength / 3
    ? `${cut.slice(0, sentenceEnd + 1).trim()} …`
    : `${cut.trim()} …`
}
