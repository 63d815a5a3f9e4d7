import { createAdminClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let shirt: { id: string; handle: string; variants: { id: string; sku: string }[] }
let mug: { id: string; handle: string; variants: { id: string }[] }

const batch = (items: unknown[], headers: Record<string, string> = {}) =>
  api.admin('/admin/prices/batch', { method: 'POST', json: { items }, headers })
const pricesOf = async (id: string) => {
  const { product } = await (await api.admin(`/admin/products/${id}`)).json()
  return product.variants.map((v: { prices: { currency_code: string; amount: number }[] }) =>
    Object.fromEntries(v.prices.map((p) => [p.currency_code, p.amount])),
  )
}
const productEvents = async () =>
  (await api.commerce.db.selectFrom('event_outbox').select(['type', 'data']).where('type', '=', 'product.updated').execute()).map((e) => ({
    type: e.type,
    data: typeof e.data === 'string' ? JSON.parse(e.data) : e.data,
  }))

beforeAll(async () => {
  api = await createTestApi()
  const create = async (json: unknown) => (await (await api.admin('/admin/products', { method: 'POST', json })).json()).product
  shirt = await create({
    title: 'Batch shirt',
    status: 'published',
    options: [{ title: 'Size', values: ['S', 'M'] }],
    variants: [
      { sku: 'BP-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 2500 }] },
      {
        sku: 'BP-M',
        options: { Size: 'M' },
        prices: [
          { currency_code: 'EUR', amount: 2500 },
          { currency_code: 'USD', amount: 3000 },
        ],
      },
    ],
  })
  mug = await create({ title: 'Batch mug', status: 'published', variants: [{ prices: [{ currency_code: 'EUR', amount: 900 }] }] })
})
afterAll(() => api.close())

describe('POST /admin/prices/batch', () => {
  it('sets prices of several products in one request; other currencies stay; raises product.updated per product', async () => {
    const before = (await productEvents()).length
    const res = await batch([
      { variant_id: shirt.variants[0]!.id, currency_code: 'eur', amount: 2700 },
      { variant_id: shirt.variants[0]!.id, currency_code: 'JPY', amount: 4200 },
      { variant_id: shirt.variants[1]!.id, currency_code: 'EUR', amount: 2900 },
      { variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1100 },
    ])
    expect(res.status, await res.clone().text()).toBe(200)
    expect((await res.json()).batch).toEqual({ prices: 4, products: 2 })
    expect(await pricesOf(shirt.id)).toEqual([
      { EUR: 2700, JPY: 4200 },
      { EUR: 2900, USD: 3000 },
    ])
    expect(await pricesOf(mug.id)).toEqual([{ EUR: 1100 }])
    const events = (await productEvents()).slice(before)
    expect(events.map((e) => e.data.id).sort()).toEqual([mug.id, shirt.id].sort())
    expect(events.every((e) => JSON.stringify(e.data.changes) === '["prices"]')).toBe(true)

    // The Store API shows the new price (its cache is purged by the catalog version).
    const store = await (await api.store(`/store/products/${mug.handle}?currency=eur`)).json()
    expect(store.product.variants[0].price).toBe(1100)
  })

  it('refuses the whole batch with 422 naming every unknown variant by index, writing nothing', async () => {
    const res = await batch([
      { variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1 },
      { variant_id: 'var_nope', currency_code: 'EUR', amount: 1 },
      { variant_id: 'var_gone', currency_code: 'USD', amount: 1 },
    ])
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = await res.json()
    expect(body.code).toBe('price.variants_unknown')
    expect(body.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'items.1.variant_id:not_found',
      'items.2.variant_id:not_found',
    ])
    expect(await pricesOf(mug.id)).toEqual([{ EUR: 1100 }])
  })

  it('refuses the same variant and currency twice, and more than 500 rows', async () => {
    const twice = await batch([
      { variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1 },
      { variant_id: mug.variants[0]!.id, currency_code: 'eur', amount: 2 },
    ])
    expect(twice.status).toBe(400)
    expect((await twice.json()).errors[0]).toMatchObject({ path: 'items.1.currency_code', code: 'duplicate' })
    const many = await batch(Array.from({ length: 501 }, () => ({ variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1 })))
    expect(many.status).toBe(400)
    expect(await pricesOf(mug.id)).toEqual([{ EUR: 1100 }])
  })

  it('replays the first answer to the same Idempotency-Key and refuses the key with another body', async () => {
    const items = [{ variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1200 }]
    const first = await batch(items, { 'idempotency-key': 'prices-1' })
    expect(first.status).toBe(200)
    const again = await batch(items, { 'idempotency-key': 'prices-1' })
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const other = await batch([{ ...items[0], amount: 1300 }], { 'idempotency-key': 'prices-1' })
    expect(other.status).toBe(422)
    expect((await other.json()).code).toBe('idempotency.key_reused')
    expect(await pricesOf(mug.id)).toEqual([{ EUR: 1200 }])
  })
})

describe('PATCH /admin/products/{id}/options/{option_id}', () => {
  it('renames an option and adds a value; the new variant can then be added; a used value cannot be removed', async () => {
    const { product } = await (await api.admin(`/admin/products/${shirt.id}`)).json()
    const optionId = product.options[0].id
    const patch = (json: unknown) => api.admin(`/admin/products/${shirt.id}/options/${optionId}`, { method: 'PATCH', json })
    const renamed = await patch({ title: 'Maat', values: ['S', 'M', 'L'] })
    expect(renamed.status, await renamed.clone().text()).toBe(200)
    const after = (await renamed.json()).product
    expect(after.options[0]).toMatchObject({ title: 'Maat', values: ['S', 'M', 'L'] })
    expect(after.variants.map((v: { options: Record<string, string> }) => v.options)).toEqual([{ Maat: 'S' }, { Maat: 'M' }])

    const added = await api.admin(`/admin/products/${shirt.id}/variants`, { method: 'POST', json: { options: { Maat: 'L' } } })
    expect(added.status).toBe(201)

    const inUse = await patch({ values: ['S', 'M'] })
    expect(inUse.status).toBe(409)
    expect((await inUse.json()).code).toBe('option.value_in_use')
    const taken = await api.admin(`/admin/products/${shirt.id}/options`, { method: 'POST', json: { title: 'Color', values: ['Red'] } })
    expect(taken.status).toBe(201)
    const clash = await patch({ title: 'color' })
    expect(clash.status).toBe(409)
    expect((await clash.json()).code).toBe('option.title_taken')
  })
})

describe('the SDK calls of the catalog editors', () => {
  const client = () =>
    createAdminClient({ baseUrl: 'http://kassa.test', fetch: (request) => api.app.fetch(request), token: api.adminToken })

  it('batches prices, and rejects unknown variants with their field errors', async () => {
    const admin = client()
    expect(
      await admin.prices.batch([{ variant_id: mug.variants[0]!.id, currency_code: 'EUR', amount: 1500 }], { idempotencyKey: 'sdk-1' }),
    ).toEqual({
      prices: 1,
      products: 1,
    })
    await expect(admin.prices.batch([{ variant_id: 'var_nope', currency_code: 'EUR', amount: 1 }])).rejects.toMatchObject({
      status: 422,
      code: 'price.variants_unknown',
      errors: [expect.objectContaining({ path: 'items.0.variant_id' })],
    })
  })

  it('adds, updates and deletes an option and adds a variant', async () => {
    const admin = client()
    const { id } = await admin.products.create({ title: 'SDK cap' })
    const withOption = await admin.products.addOption(id, { title: 'Color', values: ['Red'] })
    const optionId = withOption.options[0]!.id
    expect((await admin.products.updateOption(id, optionId, { values: ['Red', 'Blue'] })).options[0]!.values).toEqual(['Red', 'Blue'])
    expect((await admin.products.addVariant(id, { options: { Color: 'Blue' } })).options).toEqual({ Color: 'Blue' })
    expect((await admin.products.deleteOption(id, optionId)).options).toEqual([])
  })
})
