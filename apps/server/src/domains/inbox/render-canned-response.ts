/**
 * Fills a canned response's `{{variable}}` placeholders (`{{customer.firstName}}`, `{{order.number}}`,
 * `{{agent.name}}`). Unknown or empty variables are reported, and left visible in the text, so the
 * agent fixes them before sending instead of the shopper reading a blank.
 */
export function renderCannedResponse(
  template: string,
  variables: Readonly<Record<string, string | undefined>>,
): { readonly text: string; readonly missing: readonly string[] } {
  const missing: string[] = []
  const text = template.replace(/\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g, (placeholder, name: string) => {
    const value = variables[name]
    if (value === undefined || value === '') {
      if (!missing.includes(name)) missing.push(name)
      return placeholder
    }
    return value
  })
  return { text, missing }
}
