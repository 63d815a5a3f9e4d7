import { describe, expect, it } from 'vitest'
import { fixedClock } from '../kernel/clock.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { ACCOUNT_THROTTLE, clearThrottle, delayAfter, takeAttempts, type ThrottlePolicy } from './throttle.js'

const policy: ThrottlePolicy = { free: 3, baseDelayMs: 1000, maxDelayMs: 8000, resetAfterMs: 60_000 }

describe('delayAfter', () => {
  it('is free for the first attempts, then doubles up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, policy))).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000])
    expect(delayAfter(1000, ACCOUNT_THROTTLE)).toBe(ACCOUNT_THROTTLE.maxDelayMs)
  })
})

describe('takeAttempts', () => {
  it('refuses attempts inside the growing delay, with the seconds left, and allows them after it (fixed clock)', async () => {
    const base = await createTestCtx()
    try {
      const clock = fixedClock('2026-03-01T10:00:00.000Z')
      const ctx = { ...base, now: clock }
      const key = [{ key: 'test:a', policy }]
      for (let i = 0; i < 3; i++) await takeAttempts(ctx, key)
      await expect(takeAttempts(ctx, key)).rejects.toMatchObject({ code: 'auth.too_many_attempts', extra: { retry_after: 1 } })
      clock.advance(1000)
      await takeAttempts(ctx, key)
      await expect(takeAttempts(ctx, key)).rejects.toMatchObject({ extra: { retry_after: 2 } })
      clock.advance(2000)
      await takeAttempts(ctx, key)
      await expect(takeAttempts(ctx, key)).rejects.toMatchObject({ extra: { retry_after: 4 } })
      // A success forgets the key.
      await clearThrottle(ctx, 'test:a')
      await takeAttempts(ctx, key)
      // An address key locked is refused before the account key is touched.
      const ip = { key: 'test:ip', policy: { ...policy, free: 1 } }
      await takeAttempts(ctx, [ip])
      await expect(takeAttempts(ctx, [ip, { key: 'test:b', policy }])).rejects.toMatchObject({ code: 'auth.too_many_attempts' })
      expect(await ctx.db.selectFrom('auth_throttle').select('key').where('key', '=', 'test:b').execute()).toEqual([])
    } finally {
      await base.close()
    }
  })

  it('starts a key over once it has been idle longer than resetAfterMs', async () => {
    const base = await createTestCtx()
    try {
      const clock = fixedClock('2026-03-01T10:00:00.000Z')
      const ctx = { ...base, now: clock }
      const key = [{ key: 'test:idle', policy }]
      for (let i = 0; i < 3; i++) await takeAttempts(ctx, key)
      clock.advance(61_000)
      await takeAttempts(ctx, key)
      const row = await ctx.db.selectFrom('auth_throttle').select('attempts').where('key', '=', 'test:idle').executeTakeFirstOrThrow()
      expect(Number(row.attempts)).toBe(1)
    } finally {
      await base.close()
    }
  })
})
