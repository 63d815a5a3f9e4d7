import { createProduct, newToken } from '@kassa/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await api.store(path, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/** A second sales channel with its own publishable key. */
async function otherChannelKey(): Promise<string> {
  const now = new Date().toISOString()
  const token = newToken('pk')
  await api.commerce.db
    .insertInto('sales_channel')
    .values({ id: 'sc_other', name: 'Other', description: null, is_default: false, created_at: now, updated_at: now })
    .execute()
  await api.commerce.db
    .insertInto('publishable_key')
    .values({ id: 'apk_other', token, title: 'Other', sales_channel_id: 'sc_other', created_at: now })
    .execute()
  return token
}

async function newCart(region: keyof Shop['regions'] = 'nl') {
  return (await call('POST', '/store/carts', { region_id: shop.regions[region] })).body.cart as { id: string }
}

describe('cart rules', () => {
  it('refuses a region that does not exist', async () => {
    expect(await call('POST', '/store/carts', { region_id: 'reg_missing' })).toMatchObject({
      status: 404,
      body: { code: 'region.not_found' },
    })
  })

  it('sells only published variants priced in the region currency', async () => {
    const ctx = api.commerce.ctx()
    const draft = await createProduct(ctx, { title: 'Draft thing', variants: [{ prices: [{ currency_code: 'EUR', amount: 100 }] }] })
    const euroOnly = await createProduct(ctx, {
      title: 'Euro only',
      status: 'published',
      variants: [{ prices: [{ currency_code: 'EUR', amount: 100 }] }],
    })
    const cart = await newCart('jp')
    expect(await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: draft.variants[0]!.id, quantity: 1 })).toMatchObject({
      status: 404,
      body: { code: 'variant.not_found' },
    })
    expect(await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: euroOnly.variants[0]!.id, quantity: 1 })).toMatchObject({
      status: 400,
      body: { code: 'cart.variant_not_priced' },
    })
    expect(await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: 'var_missing', quantity: 1 })).toMatchObject({
      status: 404,
    })
  })

  it('merges the same variant into one line and keeps a line at 1000 units at most', async () => {
    const cart = await newCart()
    await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: shop.variants.shirt, quantity: 600 })
    const merged = await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: shop.variants.shirt, quantity: 400 })
    expect(merged.body.cart.items).toEqual([expect.objectContaining({ quantity: 1000, subtotal: 2495 * 1000 })])
    const over = await call('POST', `/store/carts/${cart.id}/line-items`, { variant_id: shop.variants.shirt, quantity: 1 })
    expect(over).toMatchObject({ status: 400, body: { code: 'validation_failed', errors: [{ path: 'quantity', code: 'too_big' }] } })
    const lineId = merged.body.cart.items[0].id
    expect((await call('PATCH', `/store/carts/${cart.id}/line-items/${lineId}`, { quantity: 3 })).body.cart.items[0].quantity).toBe(3)
    expect((await call('DELETE', `/store/carts/${cart.id}/line-items/${lineId}`)).body.cart.items).toEqual([])
    expect(await call('DELETE', `/store/carts/${cart.id}/line-items/${lineId}`)).toMatchObject({
      status: 404,
      body: { code: 'cart.line_not_found' },
    })
  })

  it("refuses an address outside the cart's region, and keeps the cart unchanged", async () => {
    const cart = await newCart()
    const res = await call('PATCH', `/store/carts/${cart.id}`, { shipping_address: ADDRESSES.us })
    expect(res).toMatchObject({ status: 400, body: { code: 'region.country_not_in_region' } })
    expect((await call('GET', `/store/carts/${cart.id}`)).body.cart.shipping_address).toBeNull()
    const ok = await call('PATCH', `/store/carts/${cart.id}`, {
      shipping_address: { ...ADDRESSES.nl, country_code: 'BE' },
      billing_address: ADDRESSES.nl,
    })
    expect(ok.body.cart).toMatchObject({ shipping_address: { country_code: 'be' }, billing_address: { country_code: 'nl' } })
  })

  it("hides a cart from another sales channel's key", async () => {
    const cart = await newCart()
    const otherKey = await otherChannelKey()
    const res = await api.request(`/store/carts/${cart.id}`, { headers: { 'x-publishable-api-key': otherKey } })
    expect(res.status).toBe(404)
    expect((await res.json()).code).toBe('cart.not_found')
  })
})
