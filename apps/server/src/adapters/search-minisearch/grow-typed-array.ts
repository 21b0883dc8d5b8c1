/** The typed arrays the search index keeps its columns in. */
export type TypedColumn = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array

/**
 * `column` when it holds `needed` entries already; otherwise a copy at least twice as long (and at
 * least `minimum`), so appending one entry at a time costs amortized constant time.
 */
export function growTypedArray<T extends TypedColumn>(
  column: T,
  needed: number,
  create: (length: number) => T,
  minimum: number,
): T {
  if (needed <= column.length) return column
  let length = Math.max(minimum, column.length)
  while (length < needed) length *= 2
  const next = create(length)
  next.set(column)
  return next
}
