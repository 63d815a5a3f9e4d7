import { BUILT_IN_ROLES, PERMISSIONS, permissionsOf } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../helpers.js'

/** Admin operations that need no credential at all; everything else under /admin declares a permission. */
const PUBLIC_ADMIN_OPERATIONS = new Set(['adminLogin'])

let api: TestApi
let ops: { id: string; path: string; permission: unknown; security: unknown }[]
beforeAll(async () => {
  api = await createTestApi()
  const doc = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> }
  ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.values(item).map((op) => ({ id: String(op.operationId), path, permission: op['x-kassa-permission'], security: op.security })),
  )
})
afterAll(() => api.close())

describe('permissions', () => {
  it('every /admin operation declares x-kassa-permission from the list, login excepted', () => {
    const admin = ops.filter((op) => op.path.startsWith('/admin/'))
    expect(admin.length).toBeGreaterThan(50)
    const valid = new Set<unknown>([...PERMISSIONS, 'authenticated'])
    expect(admin.filter((op) => !PUBLIC_ADMIN_OPERATIONS.has(op.id) && !valid.has(op.permission)).map((op) => op.id)).toEqual([])
    expect(admin.filter((op) => PUBLIC_ADMIN_OPERATIONS.has(op.id) && op.permission !== undefined).map((op) => op.id)).toEqual([])
    expect(admin.filter((op) => !PUBLIC_ADMIN_OPERATIONS.has(op.id) && JSON.stringify(op.security) !== '[{"adminBearer":[]}]').map((op) => op.id)).toEqual([])
  })

  it('no operation outside /admin claims an admin permission', () => {
    expect(ops.filter((op) => !op.path.startsWith('/admin/') && op.permission !== undefined).map((op) => op.id)).toEqual([])
  })

  it('gives the built-in roles what the documentation says', () => {
    const reads = PERMISSIONS.filter((p) => p.endsWith(':read'))
    expect(BUILT_IN_ROLES).toEqual(['owner', 'manager', 'support', 'read_only'])
    expect(permissionsOf('owner')).toEqual(PERMISSIONS)
    expect(permissionsOf('manager')).toEqual(PERMISSIONS.filter((p) => p !== 'settings:write'))
    expect([...permissionsOf('support')].sort()).toEqual([...reads, 'orders:write'].sort())
    expect(permissionsOf('read_only')).toEqual(reads)
    expect(permissionsOf('admin')).toEqual([])
  })

  it('answers 403 auth.forbidden naming the missing permission', async () => {
    const { inviteAdminUser, loginAdmin } = await import('@kassa/core')
    const ctx = api.commerce.ctx()
    await inviteAdminUser(ctx, { email: 'reader@example.com', password: 'reader password', role: 'read_only' })
    const { token } = await loginAdmin(ctx, { email: 'reader@example.com', password: 'reader password' })
    const res = await api.request('/admin/products', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Nope' }),
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await res.json()).toMatchObject({ status: 403, code: 'auth.forbidden', permission: 'catalog:write' })
    expect(await api.count('product')).toBe(0)
  })
})
