import { createAdminClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, createTestApi, type TestApi } from './helpers.js'
import { placeTestOrder } from './order-fixtures.js'
import { createShop, type Shop } from './shop-fixtures.js'

// The SDK calls the admin app makes, on both databases (the browser test runs on SQLite only).
let api: TestApi
let shop: Shop
const admin = () => createAdminClient({ baseUrl: 'http://kassa.test', fetch: (request) => api.app.fetch(request), token: api.adminToken })
beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

describe('the admin app’s SDK calls', () => {
  it('lists, captures, fulfills and ships an order, and the overview counts it', async () => {
    const order = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 2 }], { email: 'mugs@example.com' })
    const client = admin()
    const page = await client.orders.list({ q: 'mugs@example.com', payment_status: 'authorized' })
    expect(page.data.map((o) => o.id)).toEqual([order.id])
    await client.orders.capture(order.id)
    const { fulfillment } = await client.orders.fulfill(order.id)
    const shipped = await client.orders.ship(order.id, fulfillment.id, { carrier: 'DHL', tracking_number: 'JD0001' })
    expect(shipped.order.fulfillment_status).toBe('shipped')
    expect(shipped.fulfillment).toMatchObject({ status: 'shipped', carrier: 'DHL', tracking_number: 'JD0001' })
    const overview = await client.reports.overview({ days: 7 })
    expect(overview.currencies).toEqual([
      expect.objectContaining({ currency_code: 'EUR', today: { revenue: order.total, orders: 1, average_order_value: order.total } }),
    ])
    expect(overview.top_products).toEqual([expect.objectContaining({ title: 'Checkout Mug', quantity: 2 })])
  })

  it('updates a variant’s prices and stock, lists regions, locations, promotions and webhooks', async () => {
    const client = admin()
    const updated = await client.products.updateVariant((await client.products.list({ q: 'CO-SHIRT' })).data[0]!.id, shop.variants.shirt, {
      prices: [{ currency_code: 'EUR', amount: 2795 }],
    })
    expect(updated.prices.map((p) => [p.currency_code, p.amount])).toEqual([['EUR', 2795]])
    expect((await client.regions.list()).map((r) => r.currency_code).sort()).toEqual(['EUR', 'JPY', 'USD'])
    const [location] = await client.inventory.locations()
    expect(location!.id).toBe(shop.locationId)
    expect((await client.inventory.setStock(shop.variants.shirt, shop.locationId, 40)).stocked_quantity).toBe(40)
    expect((await client.inventory.variantStock(shop.variants.shirt)).levels[0]).toMatchObject({ stocked_quantity: 40 })
    expect((await client.promotions.list()).data).toEqual([])
    const endpoint = await client.webhooks.create({ url: 'https://hooks.example.com/kassa', events: ['order.placed'] })
    expect(endpoint.secret).toMatch(/^whsec_/)
    expect((await client.webhooks.list()).map((w) => w.id)).toEqual([endpoint.id])
    expect((await client.webhooks.deliveries(endpoint.id)).data).toEqual([])
  })

  it('signs in and reads its permissions the way the admin app does', async () => {
    const client = createAdminClient({ baseUrl: 'http://kassa.test', fetch: (request) => api.app.fetch(request) })
    await client.login(ADMIN.email, ADMIN.password)
    expect((await client.me()).permissions).toContain('settings:write')
    await client.logout()
    await expect(client.me()).rejects.toMatchObject({ status: 401 })
  })
})
