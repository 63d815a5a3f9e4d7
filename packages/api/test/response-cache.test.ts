import { type Commerce, createProduct, updateCollection, updateProduct } from '@kassa/core'
import { openSameDatabase } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let other: Commerce
let product: { id: string; handle: string }
let collectionId: string

beforeAll(async () => {
  api = await createTestApi()
  other = await openSameDatabase(api.commerce)
  const collection = await (await api.admin('/admin/collections', { method: 'POST', json: { title: 'Summer' } })).json()
  collectionId = collection.collection.id
  product = await createProduct(api.commerce.ctx(), {
    title: 'Linen Shirt',
    status: 'published',
    collection_ids: [collectionId],
    variants: [{ sku: 'LS-1', prices: [{ currency_code: 'EUR', amount: 4995 }] }],
  })
})
afterAll(async () => {
  await other.close()
  await api.close()
})

describe('Store API response cache', () => {
  it('serves a repeated catalog read from memory and answers If-None-Match with 304', async () => {
    const first = await api.store(`/store/products/${product.handle}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-kassa-cache')).toBe('miss')
    const body = await first.text()
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^".+"$/)

    const second = await api.store(`/store/products/${product.handle}`)
    expect(second.headers.get('x-kassa-cache')).toBe('hit')
    expect(await second.text()).toBe(body)
    expect(second.headers.get('etag')).toBe(tag)
    expect(second.headers.get('content-type')).toMatch(/^application\/json/)
    expect(second.headers.get('content-language')).toBe('en')
    expect(second.headers.get('x-content-type-options')).toBe('nosniff')
    expect(second.headers.get('cache-control')).toContain('public')
    expect(second.headers.get('vary')).toBe('x-publishable-api-key, accept-language, Origin')
    expect(second.headers.get('surrogate-key')).toBe(`catalog product:${product.id}`)
    expect(second.headers.get('cache-tag')).toBe(`catalog,product:${product.id}`)

    const revalidated = await api.store(`/store/products/${product.handle}`, { headers: { 'if-none-match': tag } })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('x-kassa-cache')).toBe('hit')
    expect(revalidated.headers.get('etag')).toBe(tag)
    expect(revalidated.headers.get('vary')).toBe('x-publishable-api-key, accept-language, Origin')
  })

  it('keys entries by normalized query and language', async () => {
    await api.store('/store/products?limit=5&currency=eur')
    const reordered = await api.store('/store/products?currency=eur&limit=5')
    expect(reordered.headers.get('x-kassa-cache')).toBe('hit')
    expect(reordered.headers.get('surrogate-key')).toBe(`catalog products product:${product.id}`)
    const dutch = await api.store('/store/products?limit=5&currency=eur', { headers: { 'accept-language': 'nl' } })
    expect(dutch.headers.get('x-kassa-cache')).toBe('miss')
    expect(dutch.headers.get('content-language')).toBe('nl')
  })

  it('is fresh on the next request after an edit made through another engine on the same database', async () => {
    const warm = await api.store(`/store/products/${product.handle}`)
    await warm.arrayBuffer()
    expect((await api.store(`/store/products/${product.handle}`)).headers.get('x-kassa-cache')).toBe('hit')
    expect((await api.store('/store/collections')).status).toBe(200)

    await updateProduct(other.ctx(), product.id, { title: 'Linen Shirt, washed' })
    const after = await api.store(`/store/products/${product.handle}`, { headers: { 'if-none-match': warm.headers.get('etag')! } })
    expect(after.status).toBe(200)
    expect(after.headers.get('x-kassa-cache')).toBe('miss')
    expect((await after.json()).product.title).toBe('Linen Shirt, washed')

    await updateCollection(other.ctx(), collectionId, { title: 'Late summer' })
    const collections = await (await api.store('/store/collections')).json()
    expect(collections.data.map((c: { title: string }) => c.title)).toEqual(['Late summer'])
  })

  it('keeps buyer-specific and failed answers out of it', async () => {
    const missing = await api.store('/store/products/nope')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-kassa-cache')).toBeNull()
    expect((await api.store('/store/products/nope')).headers.get('x-kassa-cache')).toBeNull()
    const cart = await api.store('/store/carts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(cart.headers.get('x-kassa-cache')).toBeNull()
  })

  it('can be turned off (KASSA_CACHE=off): ETags still answer 304', async () => {
    const app = createApp(api.commerce, { cache: false })
    const get = (init: RequestInit = {}) =>
      app.request(`/store/products/${product.handle}`, { ...init, headers: { 'x-publishable-api-key': api.publishableKey, ...init.headers } })
    const first = await get()
    expect(first.headers.get('x-kassa-cache')).toBeNull()
    const again = await get({ headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })
})

describe('Store API response cache under concurrency', () => {
  it('renders an entry once for concurrent requests at the same catalog version', async () => {
    const { withQueryCounter } = await import('@kassa/core/testing')
    const counted = withQueryCounter(api.commerce)
    const app = createApp(counted.commerce, { cache: { maxBytes: 1024 * 1024, ttlMs: 60_000 } })
    const get = () => app.request(`/store/products/${product.handle}?currency=usd`, { headers: { 'x-publishable-api-key': api.publishableKey } })
    await (await get()).arrayBuffer() // the key lookup is cached from here on
    await updateProduct(api.commerce.ctx(), product.id, { subtitle: 'new' })
    counted.counter.reset()
    const answers = await Promise.all([get(), get(), get(), get(), get()])
    const bodies = await Promise.all(answers.map((r) => r.text()))
    expect(new Set(bodies).size).toBe(1)
    expect(answers.map((r) => r.headers.get('x-kassa-cache')).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'miss'])
    // One render: the product, its sales-channel membership and its variants, read once for five requests.
    expect(counted.counter.statements.filter((s) => s.includes('product_variant'))).toHaveLength(1)
    expect(counted.counter.statements.filter((s) => !s.includes('catalog_version')).length).toBeLessThanOrEqual(4)
  })
})
