import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CommonErrors, type ErrorKind, type FieldError, isKassaError, KassaError, toFieldErrors } from '@kassa/core'
import type { ZodError } from 'zod'
import type { AppEnv } from './env.js'

/** The one place that maps an error kind to an HTTP status. */
export const STATUS_OF_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  payment_required: 402,
  unprocessable: 422,
  rate_limited: 429,
} as const satisfies Record<ErrorKind, ContentfulStatusCode>

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export interface Problem {
  type: string
  title: string
  status: number
  code: string
  detail: string
  request_id: string
  errors?: FieldError[]
  [extra: string]: unknown
}

export function problem(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, detail: string, extra: Record<string, unknown> = {}) {
  const body: Problem = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    request_id: c.get('requestId') ?? '',
    ...extra,
  }
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store' })
}

/** A zod failure from request validation, as 400 validation_failed with one entry per field. */
export function validationProblem(c: Context<AppEnv>, error: ZodError, target: string, input?: unknown) {
  const prefix = target === 'json' || target === 'form' ? '' : target === 'query' ? 'query.' : target === 'param' ? 'path.' : `${target}.`
  const errors = toFieldErrors(error.issues, input).map((e) => ({ ...e, path: e.path ? `${prefix}${e.path}` : prefix.replace(/\.$/, '') }))
  return problem(c, 400, 'validation_failed', 'The request is not valid', { errors })
}

/**
 * Runs a use case fed from the query string. Core names its inputs its own way (`cursor`,
 * `collections`); field errors answer with the parameter the client sent (`query.collection`).
 */
export async function withQueryPaths<T>(run: () => Promise<T>, names: Record<string, string> = {}): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!isKassaError(error) || error.code !== CommonErrors.validation.code || !error.errors) throw error
    throw CommonErrors.validation(
      error.errors.map((e) => {
        const [head = '', ...rest] = e.path.split('.')
        return { ...e, path: ['query', names[head] ?? head, ...rest].join('.') }
      }),
    )
  }
}

export function errorHandler(error: Error, c: Context<AppEnv>) {
  if (isKassaError(error)) return kassaProblem(c, error)
  if (error instanceof HTTPException) {
    const status = error.status
    if (status === 413) return problem(c, 413, 'request.too_large', 'The request body is larger than 1 MB')
    if (status === 400 && /json/i.test(error.message)) {
      return problem(c, 400, 'validation_failed', 'The request body is not valid JSON', {
        errors: [{ path: '', code: 'invalid_json', message: 'Malformed JSON in request body' }],
      })
    }
    if (status < 500) return problem(c, status as ContentfulStatusCode, `http.${status}`, error.message || TITLES[status] || 'Error')
  }
  c.get('logger')?.error({ err: error }, 'unhandled error')
  return problem(c, 500, 'internal', 'Something went wrong on our side; quote the request id when reporting it')
}

export function kassaProblem(c: Context<AppEnv>, error: KassaError) {
  if (typeof error.extra?.retry_after === 'number') c.header('retry-after', String(error.extra.retry_after))
  return problem(c, STATUS_OF_KIND[error.kind], error.code, error.message, {
    ...(error.errors && { errors: error.errors }),
    ...error.extra,
  })
}
