import { createApp } from '../src/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

// The Store API reads products from their store documents (`product_view`), kept by the indexer.
let api: TestApi
let uncached: ReturnType<typeof createApp>
let product: { id: string; handle: string; variants: { id: string }[] }

const get = async (path: string) => {
  const res = await uncached.request(path, { headers: { 'x-publishable-api-key': api.publishableKey } })
  return { status: res.status, etag: res.headers.get('etag'), body: await res.json() }
}

beforeAll(async () => {
  api = await createTestApi()
  uncached = createApp(api.commerce, { cache: false })
  const res = await api.admin('/admin/products', {
    method: 'POST',
    json: {
      title: 'Wool Scarf',
      status: 'published',
      options: [{ title: 'Colour', values: ['Red', 'Blue'] }],
      variants: [
        { sku: 'WS-R', options: { Colour: 'Red' }, prices: [{ currency_code: 'EUR', amount: 2500 }] },
        { sku: 'WS-B', options: { Colour: 'Blue' }, prices: [{ currency_code: 'EUR', amount: 2700 }] },
      ],
      translations: [{ locale: 'nl', title: 'Wollen sjaal' }],
    },
  })
  expect(res.status).toBe(201)
  product = (await res.json()).product
})
afterAll(() => api.close())

describe('store documents', () => {
  it('are written with the product and follow its edits', async () => {
    expect(await api.count('product_view')).toBe(1)
    const before = await get(`/store/products/${product.handle}`)
    expect(before.body.product.price_range).toEqual({ min: 2500, max: 2700 })
    const patch = await api.admin(`/admin/products/${product.id}/variants/${product.variants[0]!.id}`, {
      method: 'PATCH',
      json: { prices: [{ currency_code: 'EUR', amount: 1900 }] },
    })
    expect(patch.status).toBe(200)
    const after = await get(`/store/products/${product.handle}`)
    expect(after.body.product.price_range).toEqual({ min: 1900, max: 2700 })
    expect(after.etag).not.toBe(before.etag)
    const nl = await get(`/store/products/${product.handle}?locale=nl`)
    expect(nl.body.product.title).toBe('Wollen sjaal')
  })

  it('answers the same from the product rows when a document is missing or of another format', async () => {
    const fromDocument = await get(`/store/products/${product.handle}`)
    const list = await get('/store/products?limit=5')
    await api.commerce.db.updateTable('product_view').set({ format: 0 }).execute()
    expect(await get(`/store/products/${product.handle}`)).toEqual(fromDocument)
    await api.commerce.db.deleteFrom('product_view').execute()
    expect(await get(`/store/products/${product.handle}`)).toEqual(fromDocument)
    expect(await get('/store/products?limit=5')).toEqual(list)
  })

  it('go with the product, and a draft or unknown handle is not found', async () => {
    const draft = await api.admin(`/admin/products/${product.id}`, { method: 'PATCH', json: { status: 'draft' } })
    expect(draft.status).toBe(200)
    expect((await get(`/store/products/${product.handle}`)).status).toBe(404)
    expect((await get('/store/products/no-such-handle')).status).toBe(404)
    expect((await api.admin(`/admin/products/${product.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await api.count('product_view')).toBe(0)
  })
})
