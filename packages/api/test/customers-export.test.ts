import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

// GET /admin/exports/customers through the real app: one row per account, spend per currency, erased ones anonymized.
let api: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

type Json = Record<string, any>

async function call(method: string, path: string, options: { token?: string; json?: unknown } = {}) {
  const res = await api.store(path, {
    method,
    headers: {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.json !== undefined && { 'content-type': 'application/json' }),
    },
    ...(options.json !== undefined && { body: JSON.stringify(options.json) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json }
}

async function signUp(email: string, extra: Json = {}) {
  const password = 'a long enough secret'
  const reg = await call('POST', '/store/customers', { json: { email, password, first_name: 'Ann', last_name: 'Lee', ...extra } })
  expect(reg.status, JSON.stringify(reg.body)).toBe(201)
  const login = await call('POST', '/store/auth/login', { json: { email, password } })
  return { id: reg.body.customer.id as string, token: login.body.token as string }
}

async function placeOrder(token: string, email: string, region: 'nl' | 'us', quantity = 1) {
  const cart = await call('POST', '/store/carts', { token, json: { region_id: shop.regions[region], email } })
  const id = cart.body.cart.id as string
  await call('POST', `/store/carts/${id}/line-items`, { token, json: { variant_id: shop.variants.shirt, quantity } })
  await call('PATCH', `/store/carts/${id}`, { token, json: { shipping_address: ADDRESSES[region] } })
  await call('POST', `/store/carts/${id}/shipping-method`, { token, json: { shipping_option_id: shop.shipping[region] } })
  await call('POST', `/store/carts/${id}/payment`, { token, json: { provider_id: 'test', data: { token: 'tok_ok' } } })
  const done = await call('POST', `/store/carts/${id}/complete`, { token })
  expect(done.status, JSON.stringify(done.body)).toBe(200)
  return done.body.order as Json
}

/** The export as objects by column (the test data holds no commas or quotes). */
async function exported(): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const res = await api.admin('/admin/exports/customers')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
  expect(res.headers.get('content-disposition')).toContain('customers.csv')
  const [head, ...lines] = (await res.text()).replace(/^\ufeff/, '').trim().split('\n')
  const header = head!.split(',')
  return { header, rows: lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i]!, v]))) }
}

describe('customers export', () => {
  it('answers only the header when there are no customers', async () => {
    const { header, rows } = await exported()
    expect(header).toEqual([
      'id', 'email', 'first_name', 'last_name', 'phone', 'email_verified', 'erased', 'created_at', 'orders_count',
      'address_first_name', 'address_last_name', 'address_company', 'address_1', 'address_2', 'address_city', 'address_postal_code',
      'address_province', 'address_country_code', 'address_phone',
    ])
    expect(rows).toEqual([])
  })

  it('one row per customer: orders, spend per currency (canceled orders left out), default address; erased ones anonymized', async () => {
    const buyer = await signUp('export-buyer@example.com', { phone: '+31 20 123 4567' })
    const address = await call('POST', '/store/customers/me/addresses', { token: buyer.token, json: { ...ADDRESSES.nl, is_default_shipping: true } })
    expect(address.status, JSON.stringify(address.body)).toBe(201)
    const kept = await placeOrder(buyer.token, 'export-buyer@example.com', 'nl', 2)
    const canceled = await placeOrder(buyer.token, 'export-buyer@example.com', 'nl', 1)
    const dollars = await placeOrder(buyer.token, 'export-buyer@example.com', 'us', 1)
    expect((await api.admin(`/admin/orders/${canceled.id}/cancel`, { method: 'POST', json: {} })).status).toBe(200)

    const idle = await signUp('export-idle@example.com')
    const gone = await signUp('export-gone@example.com')
    await placeOrder(gone.token, 'export-gone@example.com', 'nl', 1)
    expect((await api.admin(`/admin/customers/${gone.id}`, { method: 'DELETE' })).status).toBe(204)

    const { header, rows } = await exported()
    expect(header.slice(9, 11)).toEqual(['total_spent_EUR', 'total_spent_USD'])
    expect(rows.map((r) => r.id)).toEqual([buyer.id, idle.id, gone.id].sort())
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]))

    expect(byId[buyer.id]).toMatchObject({
      email: 'export-buyer@example.com',
      first_name: 'Ann',
      last_name: 'Lee',
      phone: '+31 20 123 4567',
      email_verified: 'false',
      erased: 'false',
      orders_count: '3',
      total_spent_EUR: (kept.total / 100).toFixed(2),
      total_spent_USD: (dollars.total / 100).toFixed(2),
      address_first_name: 'Anna',
      address_last_name: 'de Vries',
      address_1: 'Keizersgracht 1',
      address_city: 'Amsterdam',
      address_postal_code: '1015 CJ',
      address_country_code: 'nl',
    })
    expect(byId[buyer.id]!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(byId[idle.id]).toMatchObject({ orders_count: '0', total_spent_EUR: '', total_spent_USD: '', address_1: '' })
    expect(byId[gone.id]).toMatchObject({
      email: `erased+${gone.id}@invalid.example`,
      first_name: '',
      last_name: '',
      phone: '',
      erased: 'true',
      orders_count: '1',
      address_1: '',
    })
    expect(JSON.stringify(byId[gone.id])).not.toContain('export-gone')
  })
})
