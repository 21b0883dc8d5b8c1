/**
 * The outcome of an operation whose failures are expected business outcomes the caller (often the
 * bot) explains: `{ ok: false, reason: 'out-of-stock', available: 1 }`.
 */
export type Result<T, R extends string = string, Extra extends object = object> =
  { readonly ok: true; readonly value: T } | ({ readonly ok: false; readonly reason: R } & Extra)

/** A successful {@link Result}. */
export function succeed<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

/** A failed {@link Result} with its reason and any details the caller needs to explain it. */
export function fail<R extends string, Extra extends object = object>(
  reason: R,
  extra?: Extra,
): { readonly ok: false; readonly reason: R } & Extra {
  return { ok: false, reason, ...(extra ?? ({} as Extra)) }
}
