import { addToDefaultChannel, ensureChannelStockLocation, ensureDefaultChannel } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let locationId: string

const batch = (items: unknown[]) => api.admin('/admin/stock/batch', { method: 'POST', json: { items } })

/** `count` variants with SKUs BULK-00000..., 250 per product, inserted straight into the tables. */
async function insertVariants(count: number): Promise<void> {
  const now = new Date().toISOString()
  for (let p = 0; p * 250 < count; p++) {
    const productId = `prod_bulk${p}`
    await api.commerce.db
      .insertInto('product')
      .values({
        id: productId,
        handle: `bulk-${p}`,
        title: `Bulk ${p}`,
        subtitle: null,
        description: '',
        status: 'published',
        metadata: '{}',
        published_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await addToDefaultChannel(api.commerce.ctx(), [productId])
    const rows = Array.from({ length: Math.min(250, count - p * 250) }, (_, i) => {
      const n = p * 250 + i
      return {
        id: `var_bulk${n}`,
        product_id: productId,
        title: `V${n}`,
        sku: sku(n),
        barcode: null,
        weight_grams: null,
        position: i,
        metadata: '{}',
        created_at: now,
        updated_at: now,
      }
    })
    for (let i = 0; i < rows.length; i += 100)
      await api.commerce.db
        .insertInto('product_variant')
        .values(rows.slice(i, i + 100))
        .execute()
  }
}
const sku = (n: number) => `BULK-${String(n).padStart(5, '0')}`

beforeAll(async () => {
  api = await createTestApi()
  const { channel } = await ensureDefaultChannel(api.commerce.ctx())
  locationId = (await ensureChannelStockLocation(api.commerce.ctx(), channel.id)).id
  await insertVariants(5000)
}, 120_000)
afterAll(() => api.close())

async function stockOf(variantId: string) {
  const { stock } = await (await api.admin(`/admin/variants/${variantId}/stock`)).json()
  return stock.levels.map((l: { location_id: string; stocked_quantity: number }) => [l.location_id, l.stocked_quantity])
}

describe('POST /admin/stock/batch', () => {
  it('sets stock at the default location and prices by SKU, and the store shows the new price', async () => {
    const res = await batch([
      {
        sku: sku(0),
        stocked_quantity: 7,
        prices: [
          { currency_code: 'eur', amount: 1299 },
          { currency_code: 'USD', amount: 1399 },
        ],
      },
      { sku: sku(1), stocked_quantity: 0 },
      { sku: sku(2), prices: [{ currency_code: 'EUR', amount: 500 }] },
    ])
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ batch: { items: 3, stock_levels: 2, prices: 3 } })
    expect(await stockOf('var_bulk0')).toEqual([[locationId, 7]])
    expect(await stockOf('var_bulk2')).toEqual([])
    const { product } = await (await api.store('/store/products/bulk-0?currency=EUR')).json()
    expect(product.variants.slice(0, 3).map((v: { price: number | null }) => v.price)).toEqual([1299, null, 500])
    expect(product.variants.slice(0, 3).map((v: { availability: string }) => v.availability)).toEqual([
      'in_stock',
      'out_of_stock',
      'out_of_stock',
    ])

    // A second push updates in place: one level per variant and location, one price per currency.
    expect((await batch([{ sku: sku(0), stocked_quantity: 3, prices: [{ currency_code: 'EUR', amount: 1199 }] }])).status).toBe(200)
    expect(await stockOf('var_bulk0')).toEqual([[locationId, 3]])
    const prices = await api.commerce.db
      .selectFrom('price')
      .select(['currency_code', 'amount'])
      .where('variant_id', '=', 'var_bulk0')
      .orderBy('currency_code')
      .execute()
    expect(prices.map((p) => [p.currency_code, Number(p.amount)])).toEqual([
      ['EUR', 1199],
      ['USD', 1399],
    ])
  })

  it('sets stock at a named location', async () => {
    const { stock_location } = await (await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'Overflow' } })).json()
    expect((await batch([{ sku: sku(10), stocked_quantity: 4, location_id: stock_location.id }])).status).toBe(200)
    expect(await stockOf('var_bulk10')).toEqual([[stock_location.id, 4]])
  })

  it('is all or nothing: bad rows fail the batch with one error per row naming it, and nothing is written', async () => {
    const before = { levels: await api.count('inventory_level'), prices: await api.count('price') }
    const res = await batch([
      { sku: sku(20), stocked_quantity: 1 },
      { sku: sku(21), stocked_quantity: 2, prices: [{ currency_code: 'EUR', amount: 100 }] },
      { sku: sku(22), stocked_quantity: 3 },
      { sku: 'NO-SUCH-SKU', stocked_quantity: 4 },
      { sku: sku(24), stocked_quantity: 5, location_id: 'sloc_nope' },
      { sku: sku(20), stocked_quantity: 6 },
      {
        sku: sku(26),
        prices: [
          { currency_code: 'EUR', amount: 1 },
          { currency_code: 'eur', amount: 2 },
        ],
      },
    ])
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.code).toBe('validation_failed')
    expect(body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['items.3.sku', 'unknown_sku'],
      ['items.4.location_id', 'not_found'],
      ['items.5.sku', 'duplicate'],
      ['items.6.prices.1.currency_code', 'duplicate'],
    ])
    expect(body.errors[0].message).toContain('NO-SUCH-SKU')
    expect({ levels: await api.count('inventory_level'), prices: await api.count('price') }).toEqual(before)
  })

  it('names schema errors by row too, and refuses a row that sets nothing', async () => {
    const res = await batch([{ sku: sku(30), stocked_quantity: 1 }, { sku: sku(31), stocked_quantity: -1 }, { sku: sku(32) }])
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['items.1.stocked_quantity', 'items.2'])
  })

  it('refuses stock below the reserved units as a row error', async () => {
    await batch([{ sku: sku(40), stocked_quantity: 5 }])
    const { channel } = await ensureDefaultChannel(api.commerce.ctx())
    const { reserveStock } = await import('@kassa/core')
    await reserveStock(api.commerce.ctx(), {
      cart_id: 'cart_b',
      channel_id: channel.id,
      items: [{ variant_id: 'var_bulk40', quantity: 4 }],
      expires_at: '2099-01-01T00:00:00Z',
    })
    const res = await batch([
      { sku: sku(41), stocked_quantity: 1 },
      { sku: sku(40), stocked_quantity: 3 },
    ])
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([expect.objectContaining({ path: 'items.1.stocked_quantity', code: 'below_reserved' })])
    expect(await stockOf('var_bulk40')).toEqual([[locationId, 5]])
  })

  it('takes 5,000 rows with stock and prices in one call', async () => {
    const items = Array.from({ length: 5000 }, (_, n) => ({
      sku: sku(n),
      stocked_quantity: (n * 7) % 101,
      prices: [{ currency_code: 'EUR', amount: 1000 + n }],
    }))
    const body = JSON.stringify({ items })
    expect(body.length).toBeLessThan(1024 * 1024)
    const started = performance.now()
    const res = await batch(items)
    const ms = performance.now() - started
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await res.json()).toEqual({ batch: { items: 5000, stock_levels: 5000, prices: 5000 } })
    console.info(`stock batch: 5000 rows (stock + 1 price each) in ${Math.round(ms)} ms on ${api.commerce.dialect}`)

    const stockOnly = items.map(({ sku, stocked_quantity }) => ({ sku, stocked_quantity: stocked_quantity + 1 }))
    const t2 = performance.now()
    expect((await batch(stockOnly)).status).toBe(200)
    console.info(`stock batch: 5000 rows (stock only) in ${Math.round(performance.now() - t2)} ms on ${api.commerce.dialect}`)

    expect(await stockOf('var_bulk4999')).toEqual([[locationId, ((4999 * 7) % 101) + 1]])
    const price = await api.commerce.db
      .selectFrom('price')
      .select('amount')
      .where('variant_id', '=', 'var_bulk4999')
      .where('currency_code', '=', 'EUR')
      .executeTakeFirstOrThrow()
    expect(Number(price.amount)).toBe(5999)
  }, 120_000)
})
