import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('Admin API auth', () => {
  it('answers the same for a wrong password and an unknown email', async () => {
    const post = (json: unknown) => api.request('/admin/auth/login', { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json' } })
    const wrong = await post({ email: ADMIN.email, password: 'nope' })
    const unknown = await post({ email: 'nobody@example.com', password: 'nope' })
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect((await wrong.json()).code).toBe('auth.invalid_credentials')
    expect((await unknown.json()).code).toBe('auth.invalid_credentials')
    const ok = await post(ADMIN)
    expect(ok.status).toBe(200)
    expect((await ok.json()).token).toMatch(/^kas_/)
  })

  it('refuses admin routes without or with a bad token', async () => {
    const none = await api.request('/admin/products')
    expect(none.status).toBe(401)
    expect((await none.json()).code).toBe('auth.unauthenticated')
    const bad = await api.request('/admin/products', { headers: { authorization: 'Bearer kas_forged' } })
    expect((await bad.json()).code).toBe('auth.token_invalid')
  })
})

describe('Admin API catalog', () => {
  it('creates, reads, updates, publishes, archives and deletes a product', async () => {
    const created = await api.admin('/admin/products', { method: 'POST', json: { title: 'Mug', options: [{ title: 'Color', values: ['Red'] }] } })
    expect(created.status).toBe(201)
    const { product } = await created.json()
    expect(product).toMatchObject({ handle: 'mug', status: 'draft' })

    const variant = await api.admin(`/admin/products/${product.id}/variants`, {
      method: 'POST',
      json: { sku: 'MUG-R', options: { Color: 'Red' }, prices: [{ currency_code: 'EUR', amount: 1200 }] },
    })
    expect(variant.status).toBe(201)
    const variantId = (await variant.json()).variant.id

    const updated = await api.admin(`/admin/products/${product.id}`, { method: 'PATCH', json: { status: 'published', tags: ['kitchen'] } })
    expect((await updated.json()).product).toMatchObject({ status: 'published', tags: ['kitchen'] })

    const priced = await api.admin(`/admin/products/${product.id}/variants/${variantId}`, {
      method: 'PATCH',
      json: { prices: [{ currency_code: 'usd', amount: 1500 }] },
    })
    expect((await priced.json()).variant.prices).toEqual([{ currency_code: 'USD', amount: 1500 }])

    const archived = await api.admin(`/admin/products/${product.id}`, { method: 'PATCH', json: { status: 'archived' } })
    expect((await archived.json()).product.status).toBe('archived')

    expect((await api.admin(`/admin/products/${product.id}`, { method: 'DELETE' })).status).toBe(204)
    const gone = await api.admin(`/admin/products/${product.id}`)
    expect(gone.status).toBe(404)
    expect((await gone.json()).code).toBe('product.not_found')
  })

  it('pages through products with an opaque cursor', async () => {
    for (let i = 0; i < 5; i++) await api.admin('/admin/products', { method: 'POST', json: { title: `Page item ${i}` } })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: { id: string }[]; next_cursor: string | null } = await (
        await api.admin(`/admin/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()
      seen.push(...page.data.map((p) => p.id))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen.length).toBe(await api.count('product'))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('answers 409 with a code for a taken handle', async () => {
    await api.admin('/admin/products', { method: 'POST', json: { title: 'Unique', handle: 'unique-thing' } })
    const again = await api.admin('/admin/products', { method: 'POST', json: { title: 'Unique', handle: 'unique-thing' } })
    expect(again.status).toBe(409)
    expect((await again.json()).code).toBe('product.handle_taken')
  })

  it('manages category trees and refuses cycles', async () => {
    const parent = (await (await api.admin('/admin/categories', { method: 'POST', json: { title: 'Home' } })).json()).category
    const child = (await (await api.admin('/admin/categories', { method: 'POST', json: { title: 'Kitchen', parent_id: parent.id } })).json()).category
    const cycle = await api.admin(`/admin/categories/${parent.id}`, { method: 'PATCH', json: { parent_id: child.id } })
    expect(cycle.status).toBe(409)
    expect((await cycle.json()).code).toBe('category.cycle')
    const blocked = await api.admin(`/admin/categories/${parent.id}`, { method: 'DELETE' })
    expect((await blocked.json()).code).toBe('category.has_children')
  })
})
