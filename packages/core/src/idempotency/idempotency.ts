import { defineError } from '../kernel/errors.js'

/** Identifies one idempotent request: the route it was sent to (scope) and the client's key. */
export interface IdempotencyRef {
  scope: string
  key: string
}

/** What to do with a request that carries a key: run it, or answer with the stored response. */
export type IdempotencyStart = { kind: 'run' } | { kind: 'replay'; status: number; body: string }

/** A request still marked in flight after this long is taken to have died with its process. */
export const IDEMPOTENCY_LOCK_MS = 5 * 60_000

export const IdempotencyErrors = {
  keyReused: defineError(
    'idempotency.key_reused',
    'unprocessable',
    (key: string) => `Idempotency-Key ${key} was used with a different request body`,
  ),
  inProgress: defineError(
    'idempotency.in_progress',
    'conflict',
    (key: string) => `A request with Idempotency-Key ${key} is still being processed; retry shortly`,
  ),
}
