import { randomFillSync } from 'node:crypto'
import { monotonicFactory } from 'ulid'

/** Prefixes of Kedai's ids, one per kind of record. */
export const idPrefixes = [
  'prd',
  'var',
  'cat',
  'loc',
  'cus',
  'adr',
  'pm',
  'ord',
  'oli',
  'ful',
  'pay',
  'evt',
  'pol',
  'crt',
  'cli',
  'rsv',
  'pro',
  'cpn',
  'ret',
  'conv',
  'msg',
  'agt',
  'tkt',
  'ntf',
  'wbh',
  'ptc',
  'shp',
  'vfy',
  'ses',
  'frd',
  'rdm',
  'rfd',
  'hnd',
  'cnd',
  'nte',
  'rat',
  'trn',
] as const

/** One of {@link idPrefixes}. */
export type IdPrefix = (typeof idPrefixes)[number]

/** Creates ids; injected so tests can make them deterministic. */
export type IdGenerator = (prefix: IdPrefix) => string

/**
 * Cryptographically random fractions in [0, 1), drawn from a buffer refilled 1,024 values at a
 * time: the ULID library asks for one value per character, and a system call per character made
 * id creation a visible share of a chat turn.
 */
function createPooledRandom(): () => number {
  const pool = new Uint32Array(1024)
  let next = pool.length
  return () => {
    if (next === pool.length) {
      randomFillSync(pool)
      next = 0
    }
    return (pool[next++] ?? 0) / 4_294_967_296
  }
}

const nextUlid = monotonicFactory(createPooledRandom())

/**
 * Creates a prefixed, time-sortable id such as `ord_01JD3N6…` (a lower-case ULID after the prefix).
 * Ids made later in the same process always sort after earlier ones.
 */
export function createId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`
}

/** A deterministic id generator for tests: `ord_000001`, `ord_000002`, … per prefix. */
export function createSequentialIdGenerator(): IdGenerator {
  const counters = new Map<string, number>()
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1
    counters.set(prefix, next)
    return `${prefix}_${String(next).padStart(6, '0')}`
  }
}
