import { constraintViolation, toIso } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import { defineError, KassaError } from '../kernel/errors.js'

/** How one kind of key is throttled: `free` attempts, then delays doubling from `baseDelayMs` up to `maxDelayMs`. */
export interface ThrottlePolicy {
  free: number
  baseDelayMs: number
  maxDelayMs: number
  /** A key untouched this long starts over. */
  resetAfterMs: number
}

export const ACCOUNT_THROTTLE: ThrottlePolicy = { free: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, resetAfterMs: 60 * 60_000 }
export const IP_THROTTLE: ThrottlePolicy = { free: 10, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, resetAfterMs: 60 * 60_000 }

const tooManyAttempts = defineError('auth.too_many_attempts', 'rate_limited', () => 'Too many failed attempts; retry after the delay in Retry-After')

export const ThrottleErrors = {
  tooManyAttempts: Object.assign(
    (retryAfterSeconds: number) =>
      new KassaError(tooManyAttempts.code, tooManyAttempts.kind, tooManyAttempts().message, { extra: { retry_after: retryAfterSeconds } }),
    { code: tooManyAttempts.code, kind: tooManyAttempts.kind },
  ),
}

/** The wait the policy imposes after the `attempts`-th attempt. */
export function delayAfter(attempts: number, policy: ThrottlePolicy): number {
  if (attempts < policy.free) return 0
  return Math.min(policy.baseDelayMs * 2 ** Math.min(attempts - policy.free, 30), policy.maxDelayMs)
}

/**
 * Takes one attempt on each key, in order, before the caller verifies a secret, or answers
 * `auth.too_many_attempts` without touching the secret. An attempt counts as a failure until
 * {@link clearThrottle} says it succeeded. Each take is a compare-and-set on the key's row, so
 * concurrent requests in any number of processes cannot all slip through on one stale read.
 */
export async function takeAttempts(ctx: Ctx, keys: { key: string; policy: ThrottlePolicy }[]): Promise<void> {
  for (const { key, policy } of keys) await takeAttempt(ctx, key, policy)
}

async function takeAttempt(ctx: Ctx, key: string, policy: ThrottlePolicy): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const now = ctx.now()
    const row = await ctx.db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst()
    if (!row) {
      try {
        await ctx.db
          .insertInto('auth_throttle')
          .values({ key, attempts: 1, next_allowed_at: at(now, delayAfter(1, policy)), updated_at: now.toISOString() })
          .execute()
        return
      } catch (error) {
        if (constraintViolation(error)?.kind === 'unique') continue
        throw error
      }
    }
    const attempts = Number(row.attempts)
    const nextAllowed = new Date(toIso(row.next_allowed_at)).getTime()
    const idle = now.getTime() - new Date(toIso(row.updated_at)).getTime()
    if (idle > policy.resetAfterMs && nextAllowed <= now.getTime()) {
      await ctx.db.deleteFrom('auth_throttle').where('key', '=', key).where('attempts', '=', attempts).execute()
      continue
    }
    if (nextAllowed > now.getTime()) throw ThrottleErrors.tooManyAttempts(Math.ceil((nextAllowed - now.getTime()) / 1000))
    const taken = await ctx.db
      .updateTable('auth_throttle')
      .set({ attempts: attempts + 1, next_allowed_at: at(now, delayAfter(attempts + 1, policy)), updated_at: now.toISOString() })
      .where('key', '=', key)
      .where('attempts', '=', attempts)
      .executeTakeFirst()
    if (Number(taken.numUpdatedRows) === 1) return
  }
  // Lost every race: others are attempting on this key right now.
  throw ThrottleErrors.tooManyAttempts(1)
}

/** Forgets the failures of a key after a success (the account's key; never the address's). */
export async function clearThrottle(ctx: Ctx, key: string): Promise<void> {
  await ctx.db.deleteFrom('auth_throttle').where('key', '=', key).execute()
}

function at(now: Date, delayMs: number): string {
  return new Date(now.getTime() + delayMs).toISOString()
}
