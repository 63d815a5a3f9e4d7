import { createCollection, createProduct, ensureDefaultChannel } from '@kassa/core'
import { createTestCommerce, withQueryCounter } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'

const counted = withQueryCounter(await createTestCommerce())
const { counter } = counted
const app = createApp(counted.commerce, { cache: false })
let key: string

beforeAll(async () => {
  const ctx = counted.commerce.ctx()
  key = (await ensureDefaultChannel(ctx)).publishableKey
  const summer = await createCollection(ctx, { title: 'Summer' })
  for (let i = 0; i < 25; i++) {
    await createProduct(ctx, {
      title: `Shirt ${i}`,
      status: 'published',
      tags: ['summer'],
      collection_ids: [summer.id],
      media: [
        { url: `/media/shirt-${i}.jpg`, alt: 'front' },
        { url: `/media/shirt-${i}-back.jpg`, alt: 'back' },
      ],
      options: [{ title: 'Size', values: ['S', 'M', 'L'] }],
      variants: ['S', 'M', 'L'].map((size) => ({
        sku: `SH-${i}-${size}`,
        options: { Size: size },
        prices: [
          { currency_code: 'EUR', amount: 1000 + i },
          { currency_code: 'USD', amount: 1100 + i },
        ],
      })),
    })
  }
})
afterAll(() => counted.commerce.close())

async function queriesOf(path: string): Promise<{ count: number; body: { data?: unknown[] } }> {
  await app.request(path, { headers: { 'x-publishable-api-key': key } }) // the key lookup and the facets are cached from here on
  counter.reset()
  const res = await app.request(path, { headers: { 'x-publishable-api-key': key } })
  expect(res.status).toBe(200)
  return { count: counter.count, body: await res.json() }
}

describe('the Store API runs a constant number of statements per page (no N+1)', () => {
  it('lists 5 or 20 products with variants, prices, images and availability in the same number of statements', async () => {
    const five = await queriesOf('/store/products?limit=5')
    const twenty = await queriesOf('/store/products?limit=20')
    expect(five.body.data).toHaveLength(5)
    expect(twenty.body.data).toHaveLength(20)
    expect(twenty.count).toBe(five.count)
    expect(twenty.count).toBeLessThanOrEqual(5)
  })

  it('reads a product by handle in a fixed, small number of statements', async () => {
    // The product's store document (with its status and sales channel checked), then its availability.
    const { count } = await queriesOf('/store/products/shirt-7')
    expect(count).toBe(2)
  })

  it('counts facets without a statement of their own, and sees a new product after the catalog changes', async () => {
    const path = '/store/products?limit=20&tag=summer'
    counter.reset()
    await app.request(path, { headers: { 'x-publishable-api-key': key } })
    const computed = counter.count
    counter.reset()
    await app.request(path, { headers: { 'x-publishable-api-key': key } })
    expect(counter.count).toBe(computed) // a new filter set's facets come from the facet index: no statement

    await createProduct(counted.commerce.ctx(), { title: 'Late shirt', status: 'published', tags: ['summer'], variants: [{ sku: 'LATE' }] })
    const res = await app.request(path, { headers: { 'x-publishable-api-key': key } })
    const { facets } = await res.json()
    expect(facets.tag).toEqual([{ value: 'summer', label: 'summer', count: 26 }])
  })
})
