import type { Locale } from '../../../shared/locale.ts'
import type { FlowServices } from '../flow-services.ts'

/** What naming an item in the shopper's language needs: their locale and the catalog. */
export interface ItemReader {
  readonly locale: Locale
  readonly services: Pick<FlowServices, 'catalog'>
}

/**
 * Option values as the shopper reads them (`black` → `黑色`, `hitam`), from the store's option value
 * translations; values without one are shown as stored.
 */
export function describeOptionValues(
  options: Readonly<Record<string, string>>,
  reader: ItemReader | undefined,
): string {
  const values = Object.entries(options).map(
    ([name, value]) =>
      reader?.services.catalog?.describeOptionValue(name, value, reader.locale) ?? value,
  )
  return values.join(reader?.locale.startsWith('zh') === true ? '、' : ', ')
}

/** A cart or order line as the shopper knows it: `Urban Sneakers (9, Black)`, `都會休閒鞋（9、黑色）`. */
export function describeItem(
  item: { readonly name: string; readonly options: Readonly<Record<string, string>> },
  reader: ItemReader | undefined,
): string {
  if (Object.keys(item.options).length === 0) return item.name
  const values = describeOptionValues(item.options, reader)
  return reader?.locale.startsWith('zh') === true
    ? `${item.name}（${values}）`
    : `${item.name} (${values})`
}
