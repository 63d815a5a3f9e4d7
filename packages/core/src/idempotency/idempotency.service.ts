import type { Ctx } from '../kernel/ctx.js'
import { IDEMPOTENCY_LOCK_MS, IdempotencyErrors, type IdempotencyRef, type IdempotencyStart } from './idempotency.js'
import * as repo from './idempotency.repository.js'

/**
 * Claims an idempotency key for a request. `run`: the caller executes the request and then calls
 * {@link finishIdempotentRequest}. `replay`: the stored response of the first request. Throws
 * `idempotency.key_reused` when the key came with another body, `idempotency.in_progress` while
 * the first request runs.
 */
export async function beginIdempotentRequest(ctx: Ctx, ref: IdempotencyRef, requestHash: string): Promise<IdempotencyStart> {
  const now = ctx.now()
  if (await repo.insertInFlight(ctx.db, ref, requestHash, now.toISOString())) return { kind: 'run' }
  const row = await repo.findKey(ctx.db, ref)
  // Deleted between the insert and the read (the first request gave up): the key is free again.
  if (!row) {
    if (await repo.insertInFlight(ctx.db, ref, requestHash, now.toISOString())) return { kind: 'run' }
    throw IdempotencyErrors.inProgress(ref.key)
  }
  if (row.request_hash !== requestHash) throw IdempotencyErrors.keyReused(ref.key)
  if (row.status === 'done') return { kind: 'replay', status: row.response_status ?? 200, body: row.response_body ?? '' }
  const staleBefore = new Date(now.getTime() - IDEMPOTENCY_LOCK_MS).toISOString()
  if (await repo.relockStale(ctx.db, ref, staleBefore, now.toISOString())) return { kind: 'run' }
  throw IdempotencyErrors.inProgress(ref.key)
}

/** Stores the response so later requests with the key replay it. */
export async function finishIdempotentRequest(ctx: Ctx, ref: IdempotencyRef, response: { status: number; body: string }): Promise<void> {
  await repo.storeResponse(ctx.db, ref, response.status, response.body)
}

/** Frees the key without storing a response (the outcome was transient: a retry should run again). */
export async function releaseIdempotencyKey(ctx: Ctx, ref: IdempotencyRef): Promise<void> {
  await repo.deleteKey(ctx.db, ref)
}
