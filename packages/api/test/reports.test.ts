import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { placeTestOrder } from './order-fixtures.js'
import { createShop, type Shop } from './shop-fixtures.js'

// Real orders placed through checkout, then dated back: the overview's figures are sums of them.
let api: TestApi
let shop: Shop
const DAY = 86_400_000
let midnight: number // of the engine's clock (a test clock)
const at = (daysAgo: number) => new Date(midnight - daysAgo * DAY + 3_600_000).toISOString()

async function dateOrder(id: string, daysAgo: number) {
  await api.commerce.db
    .updateTable('order')
    .set({ created_at: at(daysAgo) })
    .where('id', '=', id)
    .execute()
}

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce, 6)
  midnight = new Date(api.commerce.ctx().now().toISOString().slice(0, 10) + 'T00:00:00.000Z').getTime()
  // NL prices include tax: shirt 24.95, mug 12.99, shipping 4.95 (EUR).
  const a = await placeTestOrder(api, shop, [{ variant: 'shirt', quantity: 3 }]) // 74.85 + 4.95 = 79.80, today
  const b = await placeTestOrder(api, shop, [
    { variant: 'shirt', quantity: 1 },
    { variant: 'mug', quantity: 1 },
  ]) // 24.95 + 12.99 + 4.95 = 42.89, 3 days ago
  const c = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 1 }]) // 12.99 + 4.95 = 17.94, 10 days ago
  const d = await placeTestOrder(api, shop, [{ variant: 'shirt', quantity: 2 }]) // canceled today: left out
  expect((await api.admin(`/admin/orders/${d.id}/cancel`, { method: 'POST', json: {} })).status).toBe(200)
  const e = await placeTestOrder(api, shop, [{ variant: 'shirt', quantity: 1 }]) // 40 days ago: outside every window
  expect([a.total, b.total, c.total]).toEqual([7980, 4289, 1794])
  await dateOrder(a.id, 0)
  await dateOrder(b.id, 3)
  await dateOrder(c.id, 10)
  await dateOrder(d.id, 0)
  await dateOrder(e.id, 40)
})
afterAll(() => api.close())

async function overview(query = '') {
  const res = await api.admin(`/admin/reports/overview${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { overview: any }).overview
}

describe('GET /admin/reports/overview', () => {
  it('sums revenue, orders and average order value today, over 7 and over 30 days, canceled orders left out', async () => {
    const o = await overview()
    expect(o.days).toBe(30)
    expect(o.currencies).toHaveLength(1)
    const eur = o.currencies[0]
    expect(eur.currency_code).toBe('EUR')
    expect(eur.today).toEqual({ revenue: 7980, orders: 1, average_order_value: 7980 })
    expect(eur.last_7_days).toEqual({ revenue: 12269, orders: 2, average_order_value: 6135 })
    expect(eur.last_30_days).toEqual({ revenue: 14063, orders: 3, average_order_value: 4688 })
    expect(eur.refunded_30_days).toBe(0)
  })

  it('gives one point per UTC day, days without orders at zero', async () => {
    const o = await overview('?days=14')
    const series = o.currencies[0].series as { date: string; revenue: number; orders: number }[]
    expect(series).toHaveLength(14)
    expect(series.at(-1)).toEqual({ date: at(0).slice(0, 10), revenue: 7980, orders: 1 })
    expect(series.at(-4)).toEqual({ date: at(3).slice(0, 10), revenue: 4289, orders: 1 })
    expect(series.at(-11)).toEqual({ date: at(10).slice(0, 10), revenue: 1794, orders: 1 })
    expect(series.reduce((sum, p) => sum + p.revenue, 0)).toBe(14063)
    expect(series.filter((p) => p.orders > 0)).toHaveLength(3)
  })

  it('ranks top products by units sold in the window', async () => {
    expect((await overview()).top_products).toEqual([
      expect.objectContaining({ title: 'Checkout Shirt', currency_code: 'EUR', quantity: 4, revenue: 9980 }),
      expect.objectContaining({ title: 'Checkout Mug', currency_code: 'EUR', quantity: 2, revenue: 2598 }),
    ])
    expect((await overview('?days=7')).top_products.map((p: any) => [p.title, p.quantity])).toEqual([
      ['Checkout Shirt', 4],
      ['Checkout Mug', 1],
    ])
  })

  it('lists variants with few units free (stocked minus reserved), fewest first', async () => {
    // Stock 6 each; reserved: shirt 3 + 1 + 1 (the canceled order gave its 2 back), mug 1 + 1.
    const low = (await overview()).low_stock
    expect(low.map((l: any) => [l.product_title, l.sku, l.available])).toEqual([
      ['Checkout Shirt', 'CO-SHIRT', 1],
      ['Checkout Mug', 'CO-MUG', 4],
    ])
    expect((await overview('?low_stock=3')).low_stock).toHaveLength(1)
  })

  it('refuses a window past 90 days with a field error', async () => {
    const res = await api.admin('/admin/reports/overview?days=365')
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { path: string }[] }
    expect(body.errors[0]!.path).toBe('query.days')
  })
})
