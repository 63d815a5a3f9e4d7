import { convertReservations, ensureChannelStockLocation, ensureDefaultChannel, reserveStock } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'

let api: TestApi
let channelId: string
let locationId: string
let variants: Record<string, string>
let handle: string

const json = async (res: Response) => ({ status: res.status, body: await res.json() })

beforeAll(async () => {
  api = await createTestApi()
  channelId = (await ensureDefaultChannel(api.commerce.ctx())).channel.id
  locationId = (await ensureChannelStockLocation(api.commerce.ctx(), channelId)).id
  const res = await api.admin('/admin/products', {
    method: 'POST',
    json: {
      title: 'Wool socks',
      status: 'published',
      options: [{ title: 'Size', values: ['S', 'M', 'L', 'XL', 'XXL'] }],
      variants: [
        { sku: 'SOCK-S', options: { Size: 'S' }, prices: [{ currency_code: 'EUR', amount: 900 }] },
        { sku: 'SOCK-M', options: { Size: 'M' }, prices: [{ currency_code: 'EUR', amount: 900 }] },
        { sku: 'SOCK-L', options: { Size: 'L' }, prices: [{ currency_code: 'EUR', amount: 900 }] },
        { sku: 'SOCK-XL', options: { Size: 'XL' }, allow_backorder: true, prices: [{ currency_code: 'EUR', amount: 900 }] },
        { sku: 'SOCK-XXL', options: { Size: 'XXL' }, manage_inventory: false, prices: [{ currency_code: 'EUR', amount: 900 }] },
      ],
    },
  })
  expect(res.status).toBe(201)
  const { product } = await res.json()
  handle = product.handle
  variants = Object.fromEntries(product.variants.map((v: { sku: string; id: string }) => [v.sku, v.id]))
  expect(
    product.variants.map((v: { manage_inventory: boolean; allow_backorder: boolean }) => [v.manage_inventory, v.allow_backorder]),
  ).toEqual([
    [true, false],
    [true, false],
    [true, false],
    [true, true],
    [false, false],
  ])
})
afterAll(() => api.close())

const put = (variantId: string, location: string, stocked_quantity: unknown) =>
  api.admin(`/admin/variants/${variantId}/stock/${location}`, { method: 'PUT', json: { stocked_quantity } })

describe('Admin API: stock locations and levels', () => {
  it('lists the default location with its channel, and creates another for a channel', async () => {
    const list = await json(await api.admin('/admin/stock-locations'))
    expect(list.status).toBe(200)
    expect(list.body).toEqual({
      data: [expect.objectContaining({ id: locationId, name: 'Default location', sales_channel_ids: [channelId] })],
      next_cursor: null,
    })

    const created = await json(await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'Warehouse Utrecht' } }))
    expect(created.status).toBe(201)
    expect(created.body.stock_location).toMatchObject({
      id: expect.stringMatching(/^sloc_/),
      name: 'Warehouse Utrecht',
      sales_channel_ids: [],
    })

    const unknown = await json(
      await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'X', sales_channel_ids: ['sc_nope'] } }),
    )
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('sales_channel.not_found')
  })

  it('sets and reads stock per location', async () => {
    const other = (await json(await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'Backroom' } }))).body
      .stock_location.id
    const set = await json(await put(variants['SOCK-S']!, locationId, 12))
    expect(set.status).toBe(200)
    expect(set.body.inventory_level).toMatchObject({
      variant_id: variants['SOCK-S'],
      location_id: locationId,
      stocked_quantity: 12,
      reserved_quantity: 0,
      available_quantity: 12,
    })
    await put(variants['SOCK-S']!, other, 3)
    await put(variants['SOCK-S']!, locationId, 10)

    const read = await json(await api.admin(`/admin/variants/${variants['SOCK-S']}/stock`))
    expect(read.status).toBe(200)
    expect(read.body.stock).toMatchObject({ variant_id: variants['SOCK-S'], sku: 'SOCK-S', manage_inventory: true, allow_backorder: false })
    expect(
      read.body.stock.levels.map((l: { location_id: string; stocked_quantity: number }) => [l.location_id, l.stocked_quantity]).sort(),
    ).toEqual(
      [
        [locationId, 10],
        [other, 3],
      ].sort(),
    )
  })

  it('answers 404 for an unknown variant or location', async () => {
    expect((await json(await put('var_nope', locationId, 1))).body.code).toBe('variant.not_found')
    expect((await json(await put(variants['SOCK-S']!, 'sloc_nope', 1))).body.code).toBe('stock_location.not_found')
    const res = await api.admin('/admin/variants/var_nope/stock')
    expect(res.status).toBe(404)
    expect((await res.json()).code).toBe('variant.not_found')
  })

  it('refuses to set stock below what is reserved, with 409 inventory.below_reserved', async () => {
    await put(variants['SOCK-M']!, locationId, 4)
    await reserveStock(api.commerce.ctx(), {
      cart_id: 'cart_hold',
      channel_id: channelId,
      items: [{ variant_id: variants['SOCK-M']!, quantity: 3 }],
      expires_at: '2099-01-01T00:00:00Z',
    })
    const res = await json(await put(variants['SOCK-M']!, locationId, 2))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('inventory.below_reserved')
    expect((await json(await put(variants['SOCK-M']!, locationId, 3))).status).toBe(200)
    const read = await json(await api.admin(`/admin/variants/${variants['SOCK-M']}/stock`))
    expect(read.body.stock.levels[0]).toMatchObject({ stocked_quantity: 3, reserved_quantity: 3, available_quantity: 0 })
    await convertReservations(api.commerce.ctx(), 'cart_hold', 'ord_1')
  })

  it('needs an admin', async () => {
    expect((await api.request('/admin/stock-locations')).status).toBe(401)
  })
})

describe('Store API: availability', () => {
  it('shows in_stock, low_stock or out_of_stock per variant without counts', async () => {
    await put(variants['SOCK-S']!, locationId, 40)
    await put(variants['SOCK-L']!, locationId, 0)
    await put(variants['SOCK-XL']!, locationId, 0)
    // SOCK-M: 3 stocked, 3 reserved (above); SOCK-XXL does not manage inventory.
    const { product } = await (await api.store(`/store/products/${handle}`)).json()
    const seen = Object.fromEntries(product.variants.map((v: { sku: string; availability: string }) => [v.sku, v.availability]))
    expect(seen).toEqual({
      'SOCK-S': 'in_stock',
      'SOCK-M': 'out_of_stock',
      'SOCK-L': 'out_of_stock',
      'SOCK-XL': 'in_stock',
      'SOCK-XXL': 'in_stock',
    })
    expect(JSON.stringify(product)).not.toContain('stocked_quantity')

    await put(variants['SOCK-L']!, locationId, 5)
    await put(variants['SOCK-M']!, locationId, 9)
    const list = await (await api.store('/store/products?currency=EUR')).json()
    const listed = list.data.find((p: { handle: string }) => p.handle === handle)
    expect(Object.fromEntries(listed.variants.map((v: { sku: string; availability: string }) => [v.sku, v.availability]))).toMatchObject({
      'SOCK-L': 'low_stock',
      'SOCK-M': 'in_stock',
    })
  })
})

describe('API server', () => {
  it('releases expired reservations while it runs, and stops when closed', async () => {
    const { startServer } = await import('../src/server.js')
    await put(variants['SOCK-S']!, locationId, 10)
    // The test clock starts on 2026-01-01: this reservation expired long ago (a checkout that crashed).
    await reserveStock(api.commerce.ctx(), {
      cart_id: 'cart_crashed',
      channel_id: channelId,
      items: [{ variant_id: variants['SOCK-S']!, quantity: 4 }],
      expires_at: '2025-01-01T00:00:00Z',
    })
    const reserved = async () =>
      (await json(await api.admin(`/admin/variants/${variants['SOCK-S']}/stock`))).body.stock.levels.find(
        (l: { location_id: string }) => l.location_id === locationId,
      ).reserved_quantity
    expect(await reserved()).toBe(4)
    const server = await startServer(api.commerce, { port: 0, host: '127.0.0.1', reservationSweepMs: 20 })
    try {
      for (let i = 0; i < 100 && (await reserved()) !== 0; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(await reserved()).toBe(0)
    } finally {
      await server.close()
    }
  })
})
