import { describe, expect, it } from 'vitest'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import { fixedClock } from '../kernel/clock.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { SESSION_DAYS } from './customer.js'
import { authenticateCustomer, loginCustomer, logoutCustomer } from './customer-auth.service.js'
import { registerCustomer } from './customer.service.js'

describe('customer sessions', () => {
  it('work until they expire (fixed clock), then answer customer_session.expired', async () => {
    const base = await createTestCtx()
    try {
      const clock = fixedClock('2026-03-01T10:00:00.000Z')
      const { channel } = await ensureDefaultChannel(base)
      const ctx = { ...base, now: clock, channel }
      const customer = await registerCustomer(ctx, { email: 'clock@example.com', password: 'a long enough secret' })
      const session = await loginCustomer(ctx, { email: 'clock@example.com', password: 'a long enough secret' })
      expect(session.expires_at).toBe(new Date(Date.parse('2026-03-01T10:00:00.000Z') + SESSION_DAYS * 86_400_000).toISOString())
      clock.advance(SESSION_DAYS * 86_400_000 - 1)
      expect(await authenticateCustomer(ctx, session.token)).toEqual({ type: 'customer', id: customer.id })
      clock.advance(1)
      await expect(authenticateCustomer(ctx, session.token)).rejects.toMatchObject({ code: 'customer_session.expired' })
    } finally {
      await base.close()
    }
  })

  it('are bound to their channel and die at logout', async () => {
    const base = await createTestCtx()
    try {
      const { channel } = await ensureDefaultChannel(base)
      const ctx = { ...base, channel }
      await registerCustomer(ctx, { email: 'bound@example.com', password: 'a long enough secret' })
      const { token, customer } = await loginCustomer(ctx, { email: 'bound@example.com', password: 'a long enough secret' })
      await expect(authenticateCustomer({ ...ctx, channel: { id: 'sc_other', name: 'Other' } }, token)).rejects.toMatchObject({
        code: 'customer_session.wrong_audience',
      })
      await logoutCustomer({ ...ctx, actor: { type: 'customer', id: customer.id } }, token)
      await expect(authenticateCustomer(ctx, token)).rejects.toMatchObject({ code: 'customer_session.revoked' })
    } finally {
      await base.close()
    }
  })
})
