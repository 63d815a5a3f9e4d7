import { describe, expect, it } from 'vitest'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { authenticateAdmin, createAdminUser, loginAdmin } from './admin-auth.service.js'
import { updateAdminUser } from './admin-user.service.js'
import { createApiKey, revokeApiKey } from './api-key.service.js'

const password = 'long enough password'

describe('admin users and keys', () => {
  it('refuses a role stronger than the caller holds, and the system actor grants any', async () => {
    const ctx = await createTestCtx()
    try {
      const owner = await createAdminUser(ctx, { email: 'owner@example.com', password, role: 'owner' })
      const support = await createAdminUser(ctx, { email: 'support@example.com', password, role: 'support' })
      const asSupport = { ...ctx, actor: { type: 'admin' as const, id: support.id, role: 'support' } }
      await expect(createApiKey(asSupport, { title: 'k', role: 'manager' })).rejects.toMatchObject({ code: 'auth.role_escalation' })
      await expect(updateAdminUser(asSupport, support.id, { role: 'owner' })).rejects.toMatchObject({ code: 'auth.role_escalation' })
      await expect(createApiKey(asSupport, { title: 'k', role: 'read_only' })).resolves.toMatchObject({ api_key: { role: 'read_only' } })
      await expect(createApiKey(ctx, { title: 'k', role: 'owner' })).resolves.toMatchObject({ api_key: { created_by: null } })
      expect(owner.active).toBe(true)
    } finally {
      await ctx.close()
    }
  })

  it('authenticates a key as an admin actor via api_key until it is revoked', async () => {
    const ctx = await createTestCtx()
    try {
      const { api_key, secret } = await createApiKey(ctx, { title: 'ERP', role: 'manager' })
      await expect(authenticateAdmin(ctx, secret)).resolves.toEqual({ type: 'admin', id: api_key.id, role: 'manager', via: 'api_key' })
      await revokeApiKey(ctx, api_key.id)
      await expect(authenticateAdmin(ctx, secret)).rejects.toMatchObject({ code: 'auth.api_key_invalid' })
    } finally {
      await ctx.close()
    }
  })

  it('ends the sessions of a deactivated user', async () => {
    const ctx = await createTestCtx()
    try {
      await createAdminUser(ctx, { email: 'owner@example.com', password, role: 'owner' })
      const user = await createAdminUser(ctx, { email: 'm@example.com', password, role: 'manager' })
      const { token } = await loginAdmin(ctx, { email: 'm@example.com', password })
      await expect(authenticateAdmin(ctx, token)).resolves.toMatchObject({ id: user.id, via: 'session' })
      await updateAdminUser(ctx, user.id, { active: false })
      await expect(authenticateAdmin(ctx, token)).rejects.toMatchObject({ code: 'auth.session_expired' })
      await expect(loginAdmin(ctx, { email: 'm@example.com', password })).rejects.toMatchObject({ code: 'auth.invalid_credentials' })
    } finally {
      await ctx.close()
    }
  })
})
