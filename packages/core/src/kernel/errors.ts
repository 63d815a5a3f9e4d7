/** How an error is meant: the API maps each kind to one HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'payment_required'
  | 'unprocessable'
  | 'rate_limited'

/** One field that failed validation. */
export interface FieldError {
  path: string
  code: string
  message: string
}

/** An expected failure with a stable `code` (`cart.not_found`), safe to show to a client. */
export class KassaError extends Error {
  readonly code: string
  readonly kind: ErrorKind
  readonly errors?: FieldError[]
  readonly extra?: Record<string, unknown>

  constructor(code: string, kind: ErrorKind, message: string, options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message)
    this.name = 'KassaError'
    this.code = code
    this.kind = kind
    if (options.errors) this.errors = options.errors
    if (options.extra) this.extra = options.extra
  }
}

export interface ErrorDefinition<A extends unknown[]> {
  code: string
  kind: ErrorKind
  (...args: A): KassaError
}

const registry = new Map<string, { code: string; kind: ErrorKind }>()

/**
 * Declares an error code once; calling the result builds the error.
 * @example const notFound = defineError('product.not_found', 'not_found', (id: string) => `Product ${id} not found`)
 */
export function defineError<A extends unknown[]>(code: string, kind: ErrorKind, message: (...args: A) => string): ErrorDefinition<A> {
  if (registry.has(code)) throw new Error(`error code ${code} defined twice`)
  registry.set(code, { code, kind })
  const make = (...args: A) => new KassaError(code, kind, message(...args))
  return Object.assign(make, { code, kind })
}

/** Every error code the engine and the API can answer with. */
export function listErrorCodes(): { code: string; kind: ErrorKind }[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code))
}

export const CommonErrors = {
  validation: Object.assign(
    (errors: FieldError[]) => new KassaError('validation_failed', 'invalid', 'The request is not valid', { errors }),
    { code: 'validation_failed', kind: 'invalid' as const },
  ),
  conflict: defineError('resource.conflict', 'conflict', (what: string) => `${what} conflicts with an existing record`),
}
registry.set('validation_failed', { code: 'validation_failed', kind: 'invalid' })

export function isKassaError(e: unknown): e is KassaError {
  return e instanceof KassaError
}
