/** The closed set of reasons a broken invariant or rejected request can fail with. */
export const appErrorCodes = [
  'validation',
  'not-found',
  'conflict',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'unavailable',
  'internal',
] as const

/** One of {@link appErrorCodes}. */
export type AppErrorCode = (typeof appErrorCodes)[number]

/** A problem with one input field, named by its path (`items.0.quantity`). */
export interface FieldIssue {
  readonly path: string
  readonly message: string
}

/**
 * The one error type Kedai throws for broken invariants and rejected requests. Expected business
 * outcomes (out of stock, declined card) are returned as values instead. Mapped to HTTP in exactly one
 * place (`http/error-handler.ts`).
 */
export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: Record<string, unknown> | undefined
  readonly issues: readonly FieldIssue[]

  constructor(
    code: AppErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.details = options.details
    this.issues = options.issues ?? []
  }
}

/** True when `error` is an {@link AppError}, optionally of the given code. */
export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}
