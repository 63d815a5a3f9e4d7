import type { components, paths } from './generated/schema.js'

/** One field that failed validation, as `400 validation_failed` lists them. */
export type FieldError = components['schemas']['FieldError']

type ProblemCodesOf<Operation> = Operation extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Responses[Status] extends { content: { 'application/problem+json': { code?: infer Code } } }
        ? Code
        : never
    }[keyof Responses]
  : never

/** Every error code the OpenAPI document lists for some operation (see docs/errors.md). */
export type DocumentedErrorCode = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: ProblemCodesOf<paths[Path][Method]> }[keyof paths[Path]]
}[keyof paths]

/** An error code: one the document lists, or another the HTTP layer may answer with (`route.not_found`, `internal`, ...). */
export type KassaErrorCode = DocumentedErrorCode | (string & {})

/**
 * A non-2xx answer of the Kassa API: the problem+json body's stable `code`, its `status` and `detail`.
 * @example
 * try {
 *   await store.products.get('no-such-handle')
 * } catch (error) {
 *   if (isKassaApiError(error) && error.code === 'product.not_found') showNotFound()
 *   else throw error
 * }
 */
export class KassaApiError extends Error {
  readonly status: number
  readonly code: KassaErrorCode
  readonly detail: string
  readonly errors?: FieldError[]
  readonly requestId: string
  /** The whole problem body, including any fields a code adds (for example `missing` or `variants`). */
  readonly body: Record<string, unknown>

  constructor(status: number, body: Record<string, unknown>, requestId: string) {
    const code = typeof body.code === 'string' ? body.code : `http.${status}`
    const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${status}`
    super(`${code}: ${detail}`)
    this.name = 'KassaApiError'
    this.status = status
    this.code = code
    this.detail = detail
    if (Array.isArray(body.errors)) this.errors = body.errors as FieldError[]
    this.requestId = requestId
    this.body = body
  }
}

/** Whether a caught value is a {@link KassaApiError}. */
export function isKassaApiError(error: unknown): error is KassaApiError {
  return error instanceof KassaApiError
}

/** Builds the error for a non-2xx response from its (already parsed) body. */
export function toKassaApiError(response: Response, body: unknown): KassaApiError {
  const problem: Record<string, unknown> =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : { detail: typeof body === 'string' && body ? body.slice(0, 500) : response.statusText || `HTTP ${response.status}` }
  const requestId = typeof problem.request_id === 'string' ? problem.request_id : (response.headers.get('x-request-id') ?? '')
  return new KassaApiError(response.status, problem, requestId)
}
