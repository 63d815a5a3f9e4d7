import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

// Orders show the promotions they got, from the snapshot taken at purchase.
let api: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

type Json = Record<string, any>

async function call(method: string, path: string, options: { token?: string; json?: unknown; headers?: Record<string, string> } = {}) {
  const res = await api.store(path, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.json !== undefined && { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.json !== undefined && { body: JSON.stringify(options.json) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json }
}

async function admin(method: string, path: string, json?: unknown) {
  const res = await api.admin(path, { method, ...(json !== undefined && { json }) })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json }
}

describe('order promotions', () => {
  it('store, customer history and admin detail show the promotions used; editing or deleting them later changes nothing', async () => {
    const code = await admin('POST', '/admin/promotions', { name: 'Ten off', codes: ['TENOFF'], rule: { type: 'order_fixed', amount: 1000, currency_code: 'EUR' } })
    const ship = await admin('POST', '/admin/promotions', { name: 'Ship free', automatic: true, rule: { type: 'free_shipping' } })
    expect([code.status, ship.status]).toEqual([201, 201])

    const email = 'promo-buyer@example.com'
    const password = 'a long enough secret'
    expect((await call('POST', '/store/customers', { json: { email, password, first_name: 'Ann', last_name: 'Lee' } })).status).toBe(201)
    const token = (await call('POST', '/store/auth/login', { json: { email, password } })).body.token as string

    const cart = await call('POST', '/store/carts', { token, json: { region_id: shop.regions.nl, email } })
    const id = cart.body.cart.id as string
    await call('POST', `/store/carts/${id}/line-items`, { token, json: { variant_id: shop.variants.shirt, quantity: 2 } })
    await call('PATCH', `/store/carts/${id}`, { token, json: { shipping_address: ADDRESSES.nl } })
    await call('POST', `/store/carts/${id}/shipping-method`, { token, json: { shipping_option_id: shop.shipping.nl } })
    await call('POST', `/store/carts/${id}/payment`, { token, json: { provider_id: 'test', data: { token: 'tok_ok' } } })
    const priced = await call('POST', `/store/carts/${id}/promotions`, { token, json: { code: 'tenoff' } })
    const adjustments = priced.body.cart.adjustments as Json[]
    expect(adjustments).toHaveLength(2)
    const done = await call('POST', `/store/carts/${id}/complete`, { token })
    expect(done.status).toBe(200)
    const order = done.body.order as Json

    const expected = [
      { promotion_id: code.body.promotion.id, code: 'TENOFF', name: 'Ten off', type: 'order_fixed', amount: 1000, shipping_amount: 0 },
      { promotion_id: ship.body.promotion.id, code: null, name: 'Ship free', type: 'free_shipping', amount: 495, shipping_amount: 495 },
    ]
    const sorted = (list: Json[]) => [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)))
    expect(sorted(order.promotions)).toEqual(sorted(expected))
    expect(sorted(order.promotions)).toEqual(sorted(adjustments))

    const views = async () => [
      (await call('GET', `/store/orders/${order.id}`, { headers: { 'x-order-token': order.order_token } })).body.order.promotions,
      (await call('GET', `/store/customers/me/orders/${order.id}`, { token })).body.order.promotions,
      (await call('GET', '/store/customers/me/orders', { token })).body.data.find((o: Json) => o.id === order.id).promotions,
      (await admin('GET', `/admin/orders/${order.id}`)).body.order.promotions,
    ]
    for (const view of await views()) expect(sorted(view)).toEqual(sorted(expected))

    // Later changes to the promotions: the orders keep what they got.
    expect((await admin('PATCH', `/admin/promotions/${code.body.promotion.id}`, { name: 'Renamed', rule: { type: 'order_percentage', percentage: 50 } })).status).toBe(200)
    expect((await admin('DELETE', `/admin/promotions/${ship.body.promotion.id}`)).status).toBe(204)
    for (const view of await views()) expect(sorted(view)).toEqual(sorted(expected))
  })

  it('an order without promotions answers an empty list', async () => {
    const cart = await call('POST', '/store/carts', { json: { region_id: shop.regions.us, email: 'plain@example.com' } })
    expect(cart.status).toBe(201)
    const id = cart.body.cart.id as string
    await call('POST', `/store/carts/${id}/line-items`, { json: { variant_id: shop.variants.shirt, quantity: 1 } })
    await call('PATCH', `/store/carts/${id}`, { json: { shipping_address: ADDRESSES.us } })
    await call('POST', `/store/carts/${id}/shipping-method`, { json: { shipping_option_id: shop.shipping.us } })
    await call('POST', `/store/carts/${id}/payment`, { json: { provider_id: 'test', data: { token: 'tok_ok' } } })
    const done = await call('POST', `/store/carts/${id}/complete`)
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.order.promotions).toEqual([])
    const read = await call('GET', `/store/orders/${done.body.order.id}`, { headers: { 'x-order-token': done.body.order.order_token } })
    expect(read.body.order.promotions).toEqual([])
  })
})
