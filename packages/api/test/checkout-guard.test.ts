import { createStoreClient, KassaApiError } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { authorizeCalls } from './payment-fixtures.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

async function json(res: Response | Promise<Response>) {
  const r = await res
  return { status: r.status, body: (await r.json()) as any }
}
const post = (path: string, body?: unknown) =>
  api.store(path, { method: 'POST', ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) })

/** A NL cart (2 shirts at 24.95, shipping 4.95) with a code taking 10.00 off; answers its id and the total shown. */
async function cartWithCode(code: string, token = 'tok_ok') {
  const promo = await json(api.admin('/admin/promotions', { method: 'POST', json: { name: code, codes: [code], rule: { type: 'order_fixed', amount: 1000, currency_code: 'EUR' } } }))
  expect(promo.status).toBe(201)
  const { body } = await json(post('/store/carts', { region_id: shop.regions.nl, email: 'buyer@example.com' }))
  const id = body.cart.id as string
  await post(`/store/carts/${id}/line-items`, { variant_id: shop.variants.shirt, quantity: 2 })
  await api.store(`/store/carts/${id}`, { method: 'PATCH', body: JSON.stringify({ shipping_address: ADDRESSES.nl }), headers: { 'content-type': 'application/json' } })
  await post(`/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl })
  await post(`/store/carts/${id}/payment`, { provider_id: 'test', data: { token } })
  const shown = await json(post(`/store/carts/${id}/promotions`, { code }))
  expect(shown.body.cart.total).toBe(4990 + 495 - 1000)
  return { id, promotionId: promo.body.promotion.id as string, shown: shown.body.cart.total as number }
}

async function traces(cartId: string) {
  const db = api.commerce.db
  const reservations = await db.selectFrom('reservation').select('id').where('cart_id', '=', cartId).execute()
  const uses = await db.selectFrom('promotion_usage').select('id').where('cart_id', '=', cartId).execute()
  return { reservations: reservations.length, uses: uses.length }
}

describe('completion with expected_total', () => {
  it('a promotion deactivated after the buyer looked: 409 cart.total_changed, nothing charged or held; then completes at the new total', async () => {
    const { id, promotionId, shown } = await cartWithCode('GONE-SOON')
    expect((await json(api.admin(`/admin/promotions/${promotionId}/deactivate`, { method: 'POST' }))).status).toBe(200)
    const calls = authorizeCalls(api.commerce)
    const refused = await json(post(`/store/carts/${id}/complete`, { expected_total: shown }))
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'cart.total_changed', expected_total: shown, total: 4990 + 495 })
    expect(authorizeCalls(api.commerce)).toBe(calls)
    expect(await traces(id)).toEqual({ reservations: 0, uses: 0 })
    const detail = await json(api.admin(`/admin/promotions/${promotionId}`))
    expect(detail.body.promotion).toMatchObject({ usage_count: 0, usage: { claimed: 0, used: 0 } })
    const { body } = await json(api.store(`/store/carts/${id}`))
    expect(body.cart).toMatchObject({ status: 'open', total: 4990 + 495, order_id: null })
    expect(body.cart.promotions).toEqual([{ code: 'GONE-SOON', applied: false, reason: 'inactive' }])
    const done = await json(post(`/store/carts/${id}/complete`, { expected_total: body.cart.total }))
    expect(done.status).toBe(200)
    expect(done.body.order.total).toBe(4990 + 495)
    expect(authorizeCalls(api.commerce)).toBe(calls + 1)
  })

  it('without expected_total the cart completes at the current total; a matching one completes as usual', async () => {
    const first = await cartWithCode('STAYS-ON')
    const done = await json(post(`/store/carts/${first.id}/complete`, { expected_total: first.shown }))
    expect(done.status).toBe(200)
    expect(done.body.order.total).toBe(first.shown)
    const second = await cartWithCode('TURNED-OFF')
    await api.admin(`/admin/promotions/${second.promotionId}/deactivate`, { method: 'POST' })
    const plain = await json(post(`/store/carts/${second.id}/complete`))
    expect(plain.status).toBe(200)
    expect(plain.body.order.total).toBe(4990 + 495)
  })

  it('refuses a total that is not a non-negative integer', async () => {
    const { id } = await cartWithCode('BAD-TOTAL')
    for (const expected_total of [-1, 12.5, '5485']) {
      const res = await json(post(`/store/carts/${id}/complete`, { expected_total }))
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('validation_failed')
    }
  })

  it('the SDK sends it and rejects with the problem', async () => {
    const { id, promotionId, shown } = await cartWithCode('SDK-GONE')
    await api.admin(`/admin/promotions/${promotionId}/deactivate`, { method: 'POST' })
    const store = createStoreClient({ baseUrl: 'http://kassa.test', publishableKey: api.publishableKey, fetch: (r) => api.app.fetch(r) })
    const error = await store.carts.complete(id, { expected_total: shown }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KassaApiError)
    expect((error as KassaApiError).code).toBe('cart.total_changed')
    expect((error as KassaApiError).body).toMatchObject({ expected_total: shown, total: 4990 + 495 })
    const order = await store.carts.complete(id, { expected_total: 4990 + 495 })
    expect(order.total).toBe(4990 + 495)
  })

  it('payment/confirm takes it too: the total authorized before 3-D Secure is the one compared', async () => {
    const { id, shown } = await cartWithCode('THREE-DS', 'tok_3ds')
    const pending = await json(post(`/store/carts/${id}/complete`, { expected_total: shown }))
    expect(pending.body.code).toBe('payment.requires_action')
    const wrong = await json(post(`/store/carts/${id}/payment/confirm`, { data: { three_d_secure: 'passed' }, expected_total: shown + 1 }))
    expect(wrong.status).toBe(409)
    expect(wrong.body).toMatchObject({ code: 'cart.total_changed', expected_total: shown + 1, total: shown })
    expect((await json(api.store(`/store/carts/${id}`))).body.cart.status).toBe('requires_action')
    const done = await json(post(`/store/carts/${id}/payment/confirm`, { data: { three_d_secure: 'passed' }, expected_total: shown }))
    expect(done.status).toBe(200)
    expect(done.body.order.total).toBe(shown)
  })
})
