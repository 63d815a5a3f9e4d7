import { authenticateAdmin, inviteAdminUser, loginAdmin } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const as = (token: string, path: string, init: RequestInit & { json?: unknown } = {}) => {
  const { json, ...rest } = init
  return api.request(path, {
    ...rest,
    headers: { ...bearer(token), ...(json !== undefined && { 'content-type': 'application/json' }), ...rest.headers },
    ...(json !== undefined && { body: JSON.stringify(json) }),
  })
}
async function signIn(email: string, role: 'owner' | 'manager' | 'support' | 'read_only'): Promise<string> {
  const ctx = api.commerce.ctx()
  await inviteAdminUser(ctx, { email, password: 'long enough password', role })
  return (await loginAdmin(ctx, { email, password: 'long enough password' })).token
}
const codeOf = async (res: Response) => ((await res.json()) as { code: string }).code

describe('admin sessions', () => {
  it('tells who is calling, with the permissions of the role', async () => {
    const res = await api.admin('/admin/auth/me')
    expect(res.status).toBe(200)
    const { me } = await res.json()
    expect(me).toMatchObject({ actor_type: 'admin_user', email: ADMIN.email, role: 'owner' })
    expect(me.permissions).toContain('settings:write')
    const support = await signIn('me-support@example.com', 'support')
    const other = (await (await as(support, '/admin/auth/me')).json()).me
    expect(other.permissions).toContain('orders:write')
    expect(other.permissions).not.toContain('catalog:write')
  })

  it('refuses expired, tampered, revoked and unknown tokens with 401 and a code', async () => {
    const longAgo = { ...api.commerce.ctx(), now: () => new Date('2025-06-01T00:00:00Z') }
    await inviteAdminUser(api.commerce.ctx(), { email: 'tokens@example.com', password: 'long enough password', role: 'manager' })
    const expired = (await loginAdmin(longAgo, { email: 'tokens@example.com', password: 'long enough password' })).token
    const expiredRes = await as(expired, '/admin/products')
    expect([expiredRes.status, await codeOf(expiredRes)]).toEqual([401, 'auth.session_expired'])

    const live = (await loginAdmin(api.commerce.ctx(), { email: 'tokens@example.com', password: 'long enough password' })).token
    expect((await as(live, '/admin/products')).status).toBe(200)
    const tampered = live.slice(0, -1) + (live.endsWith('A') ? 'B' : 'A')
    const tamperedRes = await as(tampered, '/admin/products')
    expect([tamperedRes.status, await codeOf(tamperedRes)]).toEqual([401, 'auth.token_invalid'])

    expect((await as(live, '/admin/auth/logout', { method: 'POST' })).status).toBe(204)
    const revoked = await as(live, '/admin/products')
    expect([revoked.status, await codeOf(revoked)]).toEqual([401, 'auth.session_expired'])

    const unknownKey = await as('sk_not-a-key-this-server-made', '/admin/products')
    expect([unknownKey.status, await codeOf(unknownKey)]).toEqual([401, 'auth.api_key_invalid'])
    const noBearer = await api.request('/admin/products', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })
    expect([noBearer.status, await codeOf(noBearer)]).toEqual([401, 'auth.unauthenticated'])
  })

  it('deactivating a user ends its sessions and refuses its next sign-in; reactivating lets it back', async () => {
    const token = await signIn('leaving@example.com', 'support')
    const { data } = await (await api.admin('/admin/users')).json()
    const user = data.find((u: { email: string }) => u.email === 'leaving@example.com')
    const res = await api.admin(`/admin/users/${user.id}`, { method: 'DELETE' })
    expect(res.status).toBe(200)
    expect((await res.json()).user).toMatchObject({ active: false })
    const after = await as(token, '/admin/orders-or-anything')
    expect([after.status, await codeOf(after)]).toEqual([401, 'auth.session_expired'])
    const login = await api.request('/admin/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leaving@example.com', password: 'long enough password' }),
    })
    expect([login.status, await codeOf(login)]).toEqual([401, 'auth.invalid_credentials'])
    expect((await api.admin(`/admin/users/${user.id}`, { method: 'PATCH', json: { active: true } })).status).toBe(200)
    await expect(loginAdmin(api.commerce.ctx(), { email: 'leaving@example.com', password: 'long enough password' })).resolves.toMatchObject({
      user: { active: true },
    })
  })

  it('keeps at least one active owner', async () => {
    const me = (await (await api.admin('/admin/auth/me')).json()).me
    const res = await api.admin(`/admin/users/${me.id}`, { method: 'PATCH', json: { role: 'manager' } })
    expect([res.status, await codeOf(res)]).toEqual([409, 'admin_user.last_owner'])
    const gone = await api.admin(`/admin/users/${me.id}`, { method: 'DELETE' })
    expect([gone.status, await codeOf(gone)]).toEqual([409, 'admin_user.last_owner'])
  })
})

describe('mass assignment and escalation', () => {
  it('without settings:write nobody creates keys or users, or changes a role (their own included)', async () => {
    const manager = await signIn('escalate@example.com', 'manager')
    const me = (await (await as(manager, '/admin/auth/me')).json()).me
    const attempts = [
      await as(manager, '/admin/api-keys', { method: 'POST', json: { title: 'mine', role: 'owner' } }),
      await as(manager, '/admin/users', { method: 'POST', json: { email: 'friend@example.com', password: 'long enough password', role: 'owner' } }),
      await as(manager, `/admin/users/${me.id}`, { method: 'PATCH', json: { role: 'owner' } }),
      await as(manager, '/admin/users'),
    ]
    for (const res of attempts) expect([res.status, (await res.json()).permission]).toEqual([403, 'settings:write'])
    const keys = await api.admin('/admin/api-keys')
    expect((await keys.json()).data).toEqual([])
    const ctx = { ...api.commerce.ctx({ type: 'admin', id: me.id, role: 'manager' }) }
    await expect(inviteAdminUser(ctx, { email: 'friend@example.com', password: 'long enough password', role: 'owner' })).rejects.toMatchObject({
      code: 'auth.role_escalation',
    })
  })

  it('refuses fields a client may not set', async () => {
    const cases = [
      await api.admin('/admin/users', { method: 'POST', json: { email: 'x@example.com', password: 'long enough password', role: 'support', id: 'admin_mine' } }),
      await api.admin('/admin/users', { method: 'POST', json: { email: 'y@example.com', password: 'long enough password', role: 'support', active: false } }),
      await api.admin('/admin/api-keys', { method: 'POST', json: { title: 't', role: 'support', token_hash: 'abc' } }),
      await api.admin('/admin/users', { method: 'POST', json: { email: 'z@example.com', password: 'long enough password', role: 'superuser' } }),
    ]
    for (const res of cases) expect([res.status, await codeOf(res)]).toEqual([400, 'validation_failed'])
  })
})

describe('secret API keys', () => {
  it('are shown once, stored hashed, act with their role, and stop at once when revoked', async () => {
    const created = await api.admin('/admin/api-keys', { method: 'POST', json: { title: 'ERP', role: 'manager' } })
    expect(created.status).toBe(201)
    const { api_key, secret } = await created.json()
    expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{32}$/)
    expect(api_key.redacted).toBe(`sk_…${secret.slice(-4)}`)
    const row = await api.commerce.db.selectFrom('api_key').selectAll().where('id', '=', api_key.id).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(secret.slice(3))
    const listed = JSON.stringify(await (await api.admin('/admin/api-keys')).json())
    expect(listed).not.toContain(secret.slice(3))

    const me = (await (await as(secret, '/admin/auth/me')).json()).me
    expect(me).toMatchObject({ actor_type: 'api_key', id: api_key.id, role: 'manager', email: null })
    const product = await as(secret, '/admin/products', { method: 'POST', json: { title: 'Made by a key' } })
    expect(product.status).toBe(201)
    const forbidden = await as(secret, '/admin/api-keys', { method: 'POST', json: { title: 'child', role: 'owner' } })
    expect(forbidden.status).toBe(403)

    expect((await api.admin(`/admin/api-keys/${api_key.id}/revoke`, { method: 'POST' })).status).toBe(200)
    const after = await as(secret, '/admin/products')
    expect([after.status, await codeOf(after)]).toEqual([401, 'auth.api_key_invalid'])
  })

  it('records the last use at most once a minute', async () => {
    const { api_key, secret } = await (await api.admin('/admin/api-keys', { method: 'POST', json: { title: 'Clocked', role: 'read_only' } })).json()
    const at = (iso: string) => ({ ...api.commerce.ctx(), now: () => new Date(iso) })
    const lastUsed = async () => {
      const row = await api.commerce.db.selectFrom('api_key').select('last_used_at').where('id', '=', api_key.id).executeTakeFirstOrThrow()
      return row.last_used_at === null ? null : new Date(row.last_used_at as string).toISOString()
    }
    expect(await lastUsed()).toBeNull()
    await authenticateAdmin(at('2026-03-01T10:00:00.000Z'), secret)
    expect(await lastUsed()).toBe('2026-03-01T10:00:00.000Z')
    await authenticateAdmin(at('2026-03-01T10:00:59.000Z'), secret)
    expect(await lastUsed()).toBe('2026-03-01T10:00:00.000Z')
    await authenticateAdmin(at('2026-03-01T10:01:01.000Z'), secret)
    expect(await lastUsed()).toBe('2026-03-01T10:01:01.000Z')
  })
})

describe('audit log', () => {
  it('records every successful admin write with who, what, the entity and the status; not reads or failures', async () => {
    const { api_key, secret } = await (await api.admin('/admin/api-keys', { method: 'POST', json: { title: 'Auditor', role: 'owner' } })).json()
    const created = await (await as(secret, '/admin/collections', { method: 'POST', json: { title: 'Audited' } })).json()
    await as(secret, `/admin/collections/${created.collection.id}`, { method: 'PATCH', json: { title: 'Audited again' } })
    await as(secret, `/admin/collections/${created.collection.id}`)
    await as(secret, '/admin/collections', { method: 'POST', json: { title: '' } })
    const res = await api.admin(`/admin/audit-log?actor_id=${api_key.id}`)
    expect(res.status).toBe(200)
    const { data } = await res.json()
    expect(data.map((e: Record<string, unknown>) => [e.operation_id, e.method, e.entity_id, e.status, e.actor_type])).toEqual([
      ['adminUpdateCollection', 'PATCH', created.collection.id, 200, 'api_key'],
      ['adminCreateCollection', 'POST', created.collection.id, 201, 'api_key'],
    ])
    const own = (await (await api.admin('/admin/audit-log?operation_id=adminCreateApiKey')).json()).data
    expect(own[0]).toMatchObject({ actor_type: 'admin_user', entity_id: api_key.id, path: '/admin/api-keys' })
    expect(JSON.stringify(own)).not.toContain(secret)
  })

  it('pages with a cursor and filters by entity and time', async () => {
    for (const title of ['A', 'B', 'C']) await api.admin('/admin/collections', { method: 'POST', json: { title: `Paged ${title}` } })
    const first = await (await api.admin('/admin/audit-log?operation_id=adminCreateCollection&limit=2')).json()
    expect(first.data).toHaveLength(2)
    const second = await (await api.admin(`/admin/audit-log?operation_id=adminCreateCollection&limit=2&cursor=${first.next_cursor}`)).json()
    const ids = [...first.data, ...second.data].map((e: { id: string }) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(4)
    const future = await (await api.admin('/admin/audit-log?created_after=2100-01-01T00:00:00Z')).json()
    expect(future.data).toEqual([])
    const bad = await api.admin('/admin/audit-log?created_after=yesterday')
    expect([bad.status, (await bad.json()).errors[0].path]).toEqual([400, 'query.created_after'])
  })
})

describe('custom roles', () => {
  it('grant exactly their permissions, change for their holders at once, and stay while held', async () => {
    const created = await api.admin('/admin/roles', { method: 'POST', json: { name: 'merchandiser', permissions: ['catalog:read', 'catalog:write'] } })
    expect(created.status).toBe(201)
    expect((await created.json()).role).toEqual({ name: 'merchandiser', description: null, built_in: false, permissions: ['catalog:read', 'catalog:write'] })
    const user = await api.admin('/admin/users', { method: 'POST', json: { email: 'merch@example.com', password: 'long enough password', role: 'merchandiser' } })
    expect(user.status).toBe(201)
    const token = (await loginAdmin(api.commerce.ctx(), { email: 'merch@example.com', password: 'long enough password' })).token
    expect((await as(token, '/admin/products', { method: 'POST', json: { title: 'Merch tee' } })).status).toBe(201)
    const regions = await as(token, '/admin/regions')
    expect([regions.status, (await regions.json()).permission]).toEqual([403, 'settings:read'])
    expect((await (await as(token, '/admin/auth/me')).json()).me.permissions).toEqual(['catalog:read', 'catalog:write'])

    await api.admin('/admin/roles/merchandiser', { method: 'PATCH', json: { permissions: ['catalog:read'] } })
    expect((await as(token, '/admin/products', { method: 'POST', json: { title: 'Another tee' } })).status).toBe(403)
    expect((await as(token, '/admin/products')).status).toBe(200)

    const held = await api.admin('/admin/roles/merchandiser', { method: 'DELETE' })
    expect([held.status, await codeOf(held)]).toEqual([409, 'role.in_use'])
    const builtIn = await api.admin('/admin/roles/owner', { method: 'PATCH', json: { permissions: [] } })
    expect([builtIn.status, await codeOf(builtIn)]).toEqual([409, 'role.built_in'])
    const taken = await api.admin('/admin/roles', { method: 'POST', json: { name: 'support', permissions: [] } })
    expect([taken.status, await codeOf(taken)]).toEqual([409, 'role.name_taken'])
  })
})
