import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let published: { id: string; handle: string }

beforeAll(async () => {
  api = await createTestApi()
  const collection = await (await api.admin('/admin/collections', { method: 'POST', json: { title: 'Summer', translations: [{ locale: 'nl', title: 'Zomer' }] } })).json()
  const res = await api.admin('/admin/products', {
    method: 'POST',
    json: {
      title: 'Linen Shirt',
      description: 'Light and airy',
      status: 'published',
      collection_ids: [collection.collection.id],
      media: [{ url: '/media/demo/linen-shirt.svg', alt: 'A linen shirt' }],
      options: [{ title: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'LS-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 4995 }, { currency_code: 'JPY', amount: 7800 }] },
        { sku: 'LS-M', options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 5495 }] },
      ],
      translations: [{ locale: 'nl', title: 'Linnen overhemd', description: 'Licht en luchtig' }],
    },
  })
  expect(res.status).toBe(201)
  published = (await res.json()).product
  await api.admin('/admin/products', { method: 'POST', json: { title: 'Secret Draft', handle: 'secret-draft' } })
})
afterAll(() => api.close())

describe('Store API catalog', () => {
  it('needs a valid publishable key', async () => {
    const missing = await api.request('/store/products')
    expect(missing.status).toBe(401)
    expect((await missing.json()).code).toBe('auth.publishable_key_missing')
    const wrong = await api.request('/store/products', { headers: { 'x-publishable-api-key': 'pk_nope' } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('content-type')).toBe('application/problem+json')
    expect((await wrong.json()).code).toBe('auth.publishable_key_invalid')
  })

  it('returns a published product by handle, priced in the asked currency', async () => {
    const res = await api.store(`/store/products/${published.handle}?currency=jpy`)
    expect(res.status).toBe(200)
    const { product } = await res.json()
    expect(product).toMatchObject({ handle: 'linen-shirt', title: 'Linen Shirt', currency_code: 'JPY', locale: 'en' })
    expect(product.variants.map((v: { price: number | null }) => v.price)).toEqual([7800, null])
    expect(product.price_range).toEqual({ min: 7800, max: 7800 })
    expect(product.thumbnail).toMatch(/^http:\/\/localhost:\d+\/media\/demo\/linen-shirt\.svg$/)
  })

  it('localizes by ?locale= and by Accept-Language, with fallback', async () => {
    const byQuery = await (await api.store(`/store/products/${published.handle}?locale=nl`)).json()
    expect(byQuery.product).toMatchObject({ title: 'Linnen overhemd', description: 'Licht en luchtig', locale: 'nl' })
    const byHeader = await api.store(`/store/products/${published.handle}`, { headers: { 'accept-language': 'fr;q=0.9, nl-NL;q=0.8' } })
    expect(byHeader.headers.get('content-language')).toBe('nl')
    const unsupported = await (await api.store(`/store/products/${published.handle}?locale=fr`)).json()
    expect(unsupported.product.title).toBe('Linen Shirt')
    const collections = await (await api.store('/store/collections?locale=nl')).json()
    expect(collections.data.map((c: { title: string }) => c.title)).toEqual(['Zomer'])
  })

  it('hides drafts and answers 404 with a code', async () => {
    const res = await api.store('/store/products/secret-draft')
    expect(res.status).toBe(404)
    expect((await res.json()).code).toBe('product.not_found')
    const list = await (await api.store('/store/products')).json()
    expect(list.data.map((p: { handle: string }) => p.handle)).toEqual(['linen-shirt'])
  })

  it('serves cacheable catalog reads with ETag and 304', async () => {
    const first = await api.store(`/store/products/${published.handle}`)
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    expect(first.headers.get('cache-control')).toContain('stale-while-revalidate')
    expect(first.headers.get('vary')).toContain('accept-language')
    const second = await api.store(`/store/products/${published.handle}`, { headers: { 'if-none-match': tag! } })
    expect(second.status).toBe(304)
  })

  it('lists categories and collections with handles', async () => {
    await api.admin('/admin/categories', { method: 'POST', json: { title: 'Clothing', handle: 'clothing' } })
    const categories = await (await api.store('/store/categories')).json()
    expect(categories.data).toEqual([expect.objectContaining({ handle: 'clothing', parent_id: null })])
    const one = await api.store('/store/categories/clothing')
    expect(one.status).toBe(200)
    expect((await api.store('/store/collections/nope')).status).toBe(404)
  })
})
