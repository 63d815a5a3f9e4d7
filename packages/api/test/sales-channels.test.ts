import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let defaultChannelId: string
let app: { id: string; key: string }
let shirt: { id: string; handle: string; variantId: string }

beforeAll(async () => {
  api = await createTestApi()
  const channels = (await (await api.admin('/admin/sales-channels')).json()).data
  defaultChannelId = channels.find((c: { is_default: boolean }) => c.is_default).id
  const created = await api.admin('/admin/sales-channels', {
    method: 'POST',
    json: { name: 'Mobile app', allowed_origins: ['https://App.Example.com'] },
  })
  expect(created.status).toBe(201)
  const channel = (await created.json()).sales_channel
  const key = (await (await api.admin(`/admin/sales-channels/${channel.id}/publishable-keys`, { method: 'POST', json: { title: 'iOS' } })).json())
    .publishable_key
  app = { id: channel.id, key: key.token }
  const product = (
    await (
      await api.admin('/admin/products', {
        method: 'POST',
        json: {
          title: 'Channel shirt',
          handle: 'channel-shirt',
          status: 'published',
          variants: [{ sku: 'CH-1', prices: [{ currency_code: 'EUR', amount: 1000 }] }],
        },
      })
    ).json()
  ).product
  shirt = { id: product.id, handle: product.handle, variantId: product.variants[0].id }
})
afterAll(() => api.close())

const inApp = (path: string, init: RequestInit = {}) => api.request(path, { ...init, headers: { 'x-publishable-api-key': app.key, ...init.headers } })

describe('sales channels', () => {
  it('puts a new product in the default channel only', async () => {
    const res = await api.admin(`/admin/products/${shirt.id}/sales-channels`)
    expect(await res.json()).toEqual({ product_id: shirt.id, sales_channel_ids: [defaultChannelId] })
  })

  it("hides a product from another channel's key: 404 by handle, absent from lists, not addable to a cart", async () => {
    expect((await api.store(`/store/products/${shirt.handle}`)).status).toBe(200)
    const hidden = await inApp(`/store/products/${shirt.handle}`)
    expect([hidden.status, (await hidden.json()).code]).toEqual([404, 'product.not_found'])
    const list = await (await inApp('/store/products?q=shirt')).json()
    expect(list.data).toEqual([])
    expect((await (await api.store('/store/products?q=shirt')).json()).data.map((p: { id: string }) => p.id)).toEqual([shirt.id])

    const region = (await (await api.admin('/admin/regions', { method: 'POST', json: { name: 'EU', currency_code: 'EUR', tax_inclusive: true, countries: ['nl'] } })).json()).region
    const cart = (await (await inApp('/store/carts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ region_id: region.id }) })).json()).cart
    const add = await inApp(`/store/carts/${cart.id}/line-items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variant_id: shirt.variantId, quantity: 1 }),
    })
    expect([add.status, (await add.json()).code]).toEqual([404, 'variant.not_found'])
    expect(await api.count('cart_line')).toBe(0)
  })

  it('sells a product in the channels an admin assigns', async () => {
    const set = await api.admin(`/admin/products/${shirt.id}/sales-channels`, { method: 'PUT', json: { sales_channel_ids: [app.id] } })
    expect((await set.json()).sales_channel_ids).toEqual([app.id])
    expect((await inApp(`/store/products/${shirt.handle}`)).status).toBe(200)
    expect((await api.store(`/store/products/${shirt.handle}`)).status).toBe(404)
    const unknown = await api.admin(`/admin/products/${shirt.id}/sales-channels`, { method: 'PUT', json: { sales_channel_ids: ['sc_nope'] } })
    expect([unknown.status, (await unknown.json()).code]).toEqual([404, 'sales_channel.not_found'])
    await api.admin(`/admin/products/${shirt.id}/sales-channels`, { method: 'PUT', json: { sales_channel_ids: [defaultChannelId, app.id] } })
  })

  it('refuses a revoked publishable key and keeps the default channel', async () => {
    const key = (await (await api.admin(`/admin/sales-channels/${app.id}/publishable-keys`, { method: 'POST', json: { title: 'Short-lived' } })).json())
      .publishable_key
    const revoked = await api.admin(`/admin/sales-channels/${app.id}/publishable-keys/${key.id}/revoke`, { method: 'POST' })
    expect((await revoked.json()).publishable_key.revoked_at).not.toBeNull()
    const res = await api.request('/store/regions', { headers: { 'x-publishable-api-key': key.token } })
    expect([res.status, (await res.json()).code]).toEqual([401, 'auth.publishable_key_invalid'])
    const del = await api.admin(`/admin/sales-channels/${defaultChannelId}`, { method: 'DELETE' })
    expect([del.status, (await del.json()).code]).toEqual([409, 'sales_channel.is_default'])
  })
})

describe('Store API CORS', () => {
  const preflight = (origin: string) =>
    api.request('/store/products', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-publishable-api-key' },
    })

  it('answers a preflight for an origin a channel allows, and nothing CORS for others', async () => {
    const ok = await preflight('https://app.example.com')
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(ok.headers.get('access-control-allow-headers')).toContain('x-publishable-api-key')
    const evil = await preflight('https://evil.example.net')
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    expect(evil.headers.get('access-control-allow-methods')).toBeNull()
  })

  it("answers a request with CORS headers only when the key's channel lists the origin", async () => {
    const allowed = await inApp('/store/regions', { headers: { origin: 'https://app.example.com' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(allowed.headers.get('vary')).toContain('Origin')
    const otherChannel = await api.store('/store/regions', { headers: { origin: 'https://app.example.com' } })
    expect(otherChannel.status).toBe(200)
    expect(otherChannel.headers.get('access-control-allow-origin')).toBeNull()
    const unlisted = await inApp('/store/regions', { headers: { origin: 'https://evil.example.net' } })
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull()
  })
})
