import type { Compilable, CompiledQuery } from 'kysely'

/** Marks where a named value goes while a prepared query is built; never reaches the database. */
const markerPrefix = '\u0000kedai-value:'

type Slot = { readonly name: string } | { readonly constant: unknown }

/**
 * A query whose SQL is built and compiled by Kysely once and then only given new values.
 *
 * `build` receives a marker for every named value and returns the query; the first call compiles it
 * and notes where each marker landed among the parameters (values Kysely adds itself, such as a
 * `limit`, stay as they are). Later calls copy the values into that order. The chat turn runs a
 * handful of small queries thousands of times a second, and building them cost more than running
 * them. The SQL stays Kysely's, so it is right for the engine `build` uses.
 */
export function prepareQuery<Name extends string, Row>(
  names: readonly Name[],
  build: (values: Readonly<Record<Name, never>>) => Compilable<Row>,
): (values: Readonly<Record<Name, unknown>>) => CompiledQuery<Row> {
  let compiled: CompiledQuery<Row> | undefined
  let slots: readonly Slot[] = []
  return (values) => {
    if (compiled === undefined) {
      const markers = Object.fromEntries(
        names.map((name) => [name, `${markerPrefix}${name}`]),
      ) as unknown as Record<Name, never>
      compiled = build(markers).compile()
      const used = new Set<string>()
      slots = compiled.parameters.map((parameter): Slot => {
        if (typeof parameter === 'string' && parameter.startsWith(markerPrefix)) {
          const name = parameter.slice(markerPrefix.length)
          used.add(name)
          return { name }
        }
        return { constant: parameter }
      })
      const unused = names.filter((name) => !used.has(name))
      if (unused.length > 0) {
        compiled = undefined
        throw new Error(`prepared query does not use ${unused.join(', ')}`)
      }
    }
    const parameters = slots.map((slot) =>
      'name' in slot ? values[slot.name as Name] : slot.constant,
    )
    return { ...compiled, parameters }
  }
}

/**
 * {@link prepareQuery} for queries whose shape varies (how many rows an insert has, which columns
 * an update sets): one prepared query per shape key, made on first use.
 */
export function prepareQueryShapes<Name extends string, Row>(
  shapeOf: (key: string) => {
    readonly names: readonly Name[]
    readonly build: (values: Readonly<Record<Name, never>>) => Compilable<Row>
  },
): (key: string, values: Readonly<Record<Name, unknown>>) => CompiledQuery<Row> {
  const shapes = new Map<string, (values: Readonly<Record<Name, unknown>>) => CompiledQuery<Row>>()
  return (key, values) => {
    let prepared = shapes.get(key)
    if (prepared === undefined) {
      const shape = shapeOf(key)
      prepared = prepareQuery(shape.names, shape.build)
      shapes.set(key, prepared)
    }
    return prepared(values)
  }
}

type CellSlot = { readonly row: number; readonly column: number } | { readonly constant: unknown }

/** Inserts of more rows than this are compiled on each call instead of kept. */
const keptRowInsertLimit = 16

/**
 * A multi-row insert prepared once per row count, given its rows as arrays of values in `columns`
 * order: no names are built per call (a chat turn inserts a dozen rows this way). Shapes of up to
 * 16 rows are kept; bigger inserts are compiled each time.
 */
export function prepareRowInsert<Column extends string, Row>(
  columns: readonly Column[],
  build: (rows: readonly Readonly<Record<Column, never>>[]) => Compilable<Row>,
): (rows: readonly (readonly unknown[])[]) => CompiledQuery<Row> {
  const shapes = new Map<
    number,
    { readonly compiled: CompiledQuery<Row>; readonly slots: readonly CellSlot[] }
  >()
  const prepare = (count: number) => {
    const markers = Array.from(
      { length: count },
      (_, row) =>
        Object.fromEntries(
          columns.map((column, index) => [column, `${markerPrefix}${row}:${index}`]),
        ) as unknown as Record<Column, never>,
    )
    const compiled = build(markers).compile()
    const slots = compiled.parameters.map((parameter): CellSlot => {
      if (typeof parameter !== 'string' || !parameter.startsWith(markerPrefix)) {
        return { constant: parameter }
      }
      const [row, column] = parameter.slice(markerPrefix.length).split(':').map(Number)
      return { row: row ?? 0, column: column ?? 0 }
    })
    const used = slots.filter((slot) => 'row' in slot).length
    if (used !== count * columns.length) {
      throw new Error(`prepared insert uses ${used} of its ${count * columns.length} values`)
    }
    const shape = { compiled, slots }
    if (count <= keptRowInsertLimit) shapes.set(count, shape)
    return shape
  }
  return (rows) => {
    const { compiled, slots } = shapes.get(rows.length) ?? prepare(rows.length)
    const parameters = slots.map((slot) =>
      'row' in slot ? rows[slot.row]?.[slot.column] : slot.constant,
    )
    return { ...compiled, parameters }
  }
}
