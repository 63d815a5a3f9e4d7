import { describe, expect, it } from 'vitest'
import { createTestCtx } from '../testing/create-test-ctx.js'
import * as m0011 from './0011_admin_access.js'

describe('0011_admin_access', () => {
  it('renames the old roles, keeps users active, and puts existing products in the default channel', async () => {
    const ctx = await createTestCtx()
    try {
      await m0011.down(ctx.db)
      const now = new Date().toISOString()
      const user = (id: string, role: string) => ({ id, email: `${id}@example.com`, password_hash: 'x', role, created_at: now, updated_at: now })
      await ctx.db.insertInto('admin_user').values([user('a1', 'owner'), user('a2', 'admin'), user('a3', 'staff')]).execute()
      await ctx.db.insertInto('sales_channel').values({ id: 'sc_1', name: 'Default', description: null, is_default: true, created_at: now, updated_at: now }).execute()
      await ctx.db
        .insertInto('product')
        .values({ id: 'prod_1', handle: 'p', title: 'P', subtitle: null, description: '', status: 'published', metadata: '{}', published_at: now, created_at: now, updated_at: now })
        .execute()

      await m0011.up(ctx.db)
      const users = await ctx.db.selectFrom('admin_user').select(['id', 'role', 'active']).orderBy('id').execute()
      expect(users.map((u) => [u.id, u.role, Boolean(u.active)])).toEqual([
        ['a1', 'owner', true],
        ['a2', 'manager', true],
        ['a3', 'support', true],
      ])
      expect(await ctx.db.selectFrom('product_sales_channel').selectAll().execute()).toEqual([{ sales_channel_id: 'sc_1', product_id: 'prod_1' }])
    } finally {
      await ctx.close()
    }
  })
})
