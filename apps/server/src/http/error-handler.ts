import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { isAppError, type AppErrorCode, type FieldIssue } from '../shared/app-error.ts'

/** HTTP status of each {@link AppErrorCode}: the one place errors become HTTP. */
export const statusOfAppErrorCode: Record<AppErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: AppErrorCode
    message: string
    issues?: FieldIssue[]
    details?: Record<string, unknown>
  }
}

function describeIssuePath(path: readonly PropertyKey[], prefix: string): string {
  const parts = path.map((part) => String(part))
  return [prefix, ...parts].filter((part) => part.length > 0).join('.')
}

/**
 * Maps every error to a clear JSON response: request validation → 400 naming the fields; Fastify's
 * own client errors (bad JSON, body too large, wrong content type) keep their 4xx; {@link AppError}s
 * by code; anything else is a logged 500 without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext ?? ''
      const issues: FieldIssue[] = error.validation.map((issue) => {
        const path = describeIssuePath(issue.instancePath.split('/').filter(Boolean), prefix)
        return { path, message: issue.message ?? 'is invalid' }
      })
      const body: ErrorBody = {
        error: {
          code: 'validation',
          message: `Invalid request: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
          issues,
        },
      }
      return reply.status(400).send(body)
    }
    if (isAppError(error)) {
      const status = statusOfAppErrorCode[error.code]
      if (status >= 500) request.log.error({ err: error }, 'request failed')
      const body: ErrorBody = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues.length > 0 ? { issues: [...error.issues] } : {}),
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      }
      return reply.status(status).send(body)
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 400 && status < 500) {
      const code: AppErrorCode =
        status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 404
              ? 'not-found'
              : status === 429
                ? 'rate-limited'
                : status === 409
                  ? 'conflict'
                  : 'validation'
      return reply
        .status(status)
        .send({ error: { code, message: error.message } } satisfies ErrorBody)
    }
    request.log.error({ err: error }, 'unexpected error')
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `Something went wrong on our side (request ${request.id}).`,
      },
    } satisfies ErrorBody)
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: {
        code: 'not-found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}`,
      },
    } satisfies ErrorBody)
  })
}
