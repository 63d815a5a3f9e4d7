import { listEvents } from '@kassa/core'
import { createAdminClient, createStoreClient, KassaApiError } from '@kassa/sdk'
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

async function createPromotion(input: Record<string, unknown>) {
  const res = await json(api.admin('/admin/promotions', { method: 'POST', json: input }))
  expect(res.status).toBe(201)
  return res.body.promotion as { id: string; codes: string[] }
}

/** A NL cart (shirt 24.95 incl. 21% VAT) with address, shipping and a payment session. */
async function readyCart(options: { quantity?: number; token?: string; email?: string } = {}) {
  const { body } = await json(post('/store/carts', { region_id: shop.regions.nl, email: options.email ?? 'buyer@example.com' }))
  const id = body.cart.id as string
  await post(`/store/carts/${id}/line-items`, { variant_id: shop.variants.shirt, quantity: options.quantity ?? 2 })
  await api.store(`/store/carts/${id}`, { method: 'PATCH', body: JSON.stringify({ shipping_address: ADDRESSES.nl }), headers: { 'content-type': 'application/json' } })
  await post(`/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl })
  await post(`/store/carts/${id}/payment`, { provider_id: 'test', data: { token: options.token ?? 'tok_ok' } })
  return id
}

describe('promotion codes on a cart', () => {
  it('applies a code case-insensitively; line discounts and tax are recomputed and add up', async () => {
    await createPromotion({ name: 'Ten off', codes: ['Save10'], rule: { type: 'order_percentage', percentage: 10 } })
    const id = await readyCart({ quantity: 3 })
    const { status, body } = await json(post(`/store/carts/${id}/promotions`, { code: 'save10' }))
    expect(status).toBe(200)
    const cart = body.cart
    expect(cart.promotions).toEqual([{ code: 'SAVE10', applied: true }])
    // 3 x 24.95 = 74.85; 10% = 7.49 (7.485 rounded half-up)
    expect(cart.subtotal).toBe(7485)
    expect(cart.discount_total).toBe(749)
    expect(cart.items[0].discount_total).toBe(749)
    // Tax-inclusive: the VAT is taken from the discounted 67.36: 67.36 * 21/121 = 11.69
    expect(cart.items[0].tax_total).toBe(1169)
    expect(cart.total).toBe(7485 - 749 + 495)
    expect(cart.adjustments).toEqual([expect.objectContaining({ code: 'SAVE10', amount: 749, shipping_amount: 0, type: 'order_percentage' })])
  })

  it('unknown code: 404 promotion.not_found; a code that does not apply is data on the cart', async () => {
    await createPromotion({ name: 'Big spender', codes: ['BIG50'], rule: { type: 'order_fixed', amount: 5000, currency_code: 'EUR' }, conditions: { min_subtotal: 100_000, currency_code: 'EUR' } })
    const id = await readyCart()
    const missing = await json(post(`/store/carts/${id}/promotions`, { code: 'NOPE-NOPE' }))
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe('promotion.not_found')
    const { status, body } = await json(post(`/store/carts/${id}/promotions`, { code: 'big50' }))
    expect(status).toBe(200)
    expect(body.cart.promotions).toEqual([{ code: 'BIG50', applied: false, reason: 'min_subtotal_not_met' }])
    expect(body.cart.discount_total).toBe(0)
    const removed = await json(api.store(`/store/carts/${id}/promotions/big50`, { method: 'DELETE' }))
    expect(removed.status).toBe(200)
    expect(removed.body.cart.promotions).toEqual([])
    const again = await json(api.store(`/store/carts/${id}/promotions/big50`, { method: 'DELETE' }))
    expect(again.body.code).toBe('promotion.code_not_found')
  })

  it('free shipping takes the shipping off; the order keeps the adjustments after the promotion changes', async () => {
    const promo = await createPromotion({ name: 'Ship free', codes: ['SHIPFREE'], rule: { type: 'free_shipping' } })
    const id = await readyCart()
    const { body } = await json(post(`/store/carts/${id}/promotions`, { code: 'SHIPFREE' }))
    expect(body.cart.shipping_total).toBe(0)
    expect(body.cart.total).toBe(4990)
    const done = await json(post(`/store/carts/${id}/complete`))
    expect(done.status).toBe(200)
    expect(done.body.order.total).toBe(4990)
    await json(api.admin(`/admin/promotions/${promo.id}`, { method: 'PATCH', json: { rule: { type: 'order_percentage', percentage: 50 } } }))
    const orders = await json(api.admin(`/admin/promotions/${promo.id}/orders`))
    expect(orders.body.data).toEqual([expect.objectContaining({ order_id: done.body.order.id, code: 'SHIPFREE', amount: 495, shipping_amount: 495 })])
    const detail = await json(api.admin(`/admin/promotions/${promo.id}`))
    expect(detail.body.promotion).toMatchObject({ usage_count: 1, usage: { claimed: 0, used: 1 } })
    const order = await api.commerce.db.selectFrom('order').select(['total', 'shipping_total']).where('id', '=', done.body.order.id).executeTakeFirstOrThrow()
    expect(Number(order.total)).toBe(4990)
  })

  it('a declined payment gives the use back', async () => {
    const promo = await createPromotion({ name: 'Once', codes: ['ONCE-A'], rule: { type: 'order_percentage', percentage: 5 }, usage_limit: 1 })
    const id = await readyCart({ token: 'tok_declined' })
    await post(`/store/carts/${id}/promotions`, { code: 'ONCE-A' })
    const declined = await json(post(`/store/carts/${id}/complete`))
    expect(declined.body.code).toBe('payment.declined')
    const detail = await json(api.admin(`/admin/promotions/${promo.id}`))
    expect(detail.body.promotion).toMatchObject({ usage_count: 0, usage: { claimed: 0, used: 0 } })
  })

  it('the last use taken by another buyer: 409, nothing charged, then the cart completes at its new total', async () => {
    const promo = await createPromotion({ name: 'Last one', codes: ['LAST-ONE'], rule: { type: 'order_fixed', amount: 1000, currency_code: 'EUR' }, usage_limit: 1 })
    const first = await readyCart({ email: 'first@example.com' })
    const second = await readyCart({ email: 'second@example.com' })
    for (const id of [first, second]) {
      const { body } = await json(post(`/store/carts/${id}/promotions`, { code: 'LAST-ONE' }))
      expect(body.cart.total).toBe(4990 + 495 - 1000)
    }
    expect((await json(post(`/store/carts/${first}/complete`))).status).toBe(200)
    const calls = authorizeCalls(api.commerce)
    const refused = await json(post(`/store/carts/${second}/complete`))
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('promotion.usage_limit_reached')
    expect(authorizeCalls(api.commerce)).toBe(calls)
    const { body } = await json(api.store(`/store/carts/${second}`))
    expect(body.cart.status).toBe('open')
    expect(body.cart.promotions).toEqual([{ code: 'LAST-ONE', applied: false, reason: 'usage_limit_reached' }])
    expect(body.cart.total).toBe(4990 + 495)
    const done = await json(post(`/store/carts/${second}/complete`))
    expect(done.status).toBe(200)
    expect(done.body.order.total).toBe(4990 + 495)
    expect((await json(api.admin(`/admin/promotions/${promo.id}`))).body.promotion.usage_count).toBe(1)
  })

  it('a 3-D Secure payment holds the use until confirmed; giving the payment up gives it back', async () => {
    const promo = await createPromotion({ name: 'Held', codes: ['HELD-3DS'], rule: { type: 'order_percentage', percentage: 20 }, usage_limit: 5 })
    const usage = async () => (await json(api.admin(`/admin/promotions/${promo.id}`))).body.promotion.usage_count
    const confirmed = await readyCart({ token: 'tok_3ds' })
    await post(`/store/carts/${confirmed}/promotions`, { code: 'HELD-3DS' })
    expect((await json(post(`/store/carts/${confirmed}/complete`))).body.code).toBe('payment.requires_action')
    expect(await usage()).toBe(1)
    const done = await json(post(`/store/carts/${confirmed}/payment/confirm`, { data: { three_d_secure: 'passed' } }))
    expect(done.status).toBe(200)
    expect(done.body.order.discount_total).toBe(998)
    expect(await usage()).toBe(1)

    const abandoned = await readyCart({ token: 'tok_3ds' })
    await post(`/store/carts/${abandoned}/promotions`, { code: 'HELD-3DS' })
    expect((await json(post(`/store/carts/${abandoned}/complete`))).body.code).toBe('payment.requires_action')
    expect(await usage()).toBe(2)
    // Changing the cart gives the pending payment up, with its stock and its promotion use.
    await post(`/store/carts/${abandoned}/line-items`, { variant_id: shop.variants.shirt, quantity: 1 })
    expect(await usage()).toBe(1)
  })

  it('first order only: counts the orders placed with the email; logged-in only refuses a guest', async () => {
    await createPromotion({ name: 'First', codes: ['FIRST-TIME'], rule: { type: 'order_percentage', percentage: 10 }, conditions: { customer: 'first_order' } })
    await createPromotion({ name: 'Members', codes: ['MEMBERS'], rule: { type: 'order_percentage', percentage: 10 }, conditions: { customer: 'logged_in' } })
    const first = await readyCart({ email: 'Newcomer@example.com' })
    const applied = await json(post(`/store/carts/${first}/promotions`, { code: 'first-time' }))
    expect(applied.body.cart.promotions).toEqual([{ code: 'FIRST-TIME', applied: true }])
    expect((await json(post(`/store/carts/${first}/complete`))).status).toBe(200)
    const second = await readyCart({ email: 'newcomer@example.com' })
    await post(`/store/carts/${second}/promotions`, { code: 'FIRST-TIME' })
    const { body } = await json(post(`/store/carts/${second}/promotions`, { code: 'MEMBERS' }))
    expect(body.cart.promotions).toEqual([
      { code: 'FIRST-TIME', applied: false, reason: 'not_eligible_customer' },
      { code: 'MEMBERS', applied: false, reason: 'not_eligible_customer' },
    ])
  })

  it('an automatic promotion applies without a code and shows in adjustments', async () => {
    const promo = await createPromotion({ name: 'Bulk', automatic: true, rule: { type: 'tiered', currency_code: 'EUR', tiers: [{ min_subtotal: 20_000, amount: 2000 }] } })
    const id = await readyCart({ quantity: 9 })
    const { body } = await json(api.store(`/store/carts/${id}`))
    expect(body.cart.adjustments).toEqual([expect.objectContaining({ promotion_id: promo.id, code: null, amount: 2000 })])
    expect(body.cart.discount_total).toBe(2000)
    await json(api.admin(`/admin/promotions/${promo.id}/deactivate`, { method: 'POST' }))
    expect((await json(api.store(`/store/carts/${id}`))).body.cart.discount_total).toBe(0)
  })
})

describe('admin promotions', () => {
  it('codes are unique case-insensitively; bulk generation makes unique single-use codes; events are written', async () => {
    const promo = await createPromotion({ name: 'News', codes: ['NEWS-1'], rule: { type: 'order_percentage', percentage: 15 } })
    const taken = await json(api.admin('/admin/promotions', { method: 'POST', json: { name: 'Dup', codes: ['news-1'], rule: { type: 'free_shipping' } } }))
    expect(taken.status).toBe(409)
    expect(taken.body.code).toBe('promotion.code_taken')
    const generated = await json(api.admin(`/admin/promotions/${promo.id}/codes/generate`, { method: 'POST', json: { count: 250, prefix: 'nl' } }))
    expect(generated.status).toBe(201)
    const codes = generated.body.data.map((c: { code: string }) => c.code)
    expect(new Set(codes).size).toBe(250)
    expect(codes.every((c: string) => /^NL[A-Z0-9]{10}$/.test(c))).toBe(true)
    expect(generated.body.data.every((c: { usage_limit: number }) => c.usage_limit === 1)).toBe(true)
    const page1 = await json(api.admin(`/admin/promotions/${promo.id}/codes?limit=100`))
    const page2 = await json(api.admin(`/admin/promotions/${promo.id}/codes?limit=100&cursor=${page1.body.next_cursor}`))
    expect(page1.body.data).toHaveLength(100)
    expect(page2.body.data[0].code > page1.body.data[99].code).toBe(true)
    const deleted = await api.admin(`/admin/promotions/${promo.id}`, { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect((await json(api.admin(`/admin/promotions/${promo.id}`))).body.code).toBe('promotion.not_found')
    const types = (await listEvents(api.commerce.ctx(), { limit: 10_000 })).filter((e) => e.data.id === promo.id).map((e) => e.type)
    expect(types).toEqual(['promotion.created', 'promotion.deleted'])
  })

  it('rejects a rule that does not fit its kind', async () => {
    const res = await json(api.admin('/admin/promotions', { method: 'POST', json: { name: 'Bad', codes: ['BAD-1'], rule: { type: 'order_percentage', percentage: 150 } } }))
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('validation_failed')
  })
})

describe('the SDK', () => {
  it('creates a promotion, puts its code on a cart and takes it off', async () => {
    const fetch = (r: Request) => api.app.fetch(r)
    const admin = createAdminClient({ baseUrl: 'http://kassa.test', token: api.adminToken, fetch })
    const store = createStoreClient({ baseUrl: 'http://kassa.test', publishableKey: api.publishableKey, fetch })
    const promo = await admin.promotions.create({ name: 'SDK', codes: ['SDK-FIVE'], rule: { type: 'order_fixed', amount: 500, currency_code: 'EUR' } })
    expect(promo.codes).toEqual(['SDK-FIVE'])
    const id = await readyCart()
    const cart = await store.carts.addPromotion(id, 'sdk-five')
    expect(cart.discount_total).toBe(500)
    expect((await store.carts.removePromotion(id, 'SDK-FIVE')).discount_total).toBe(0)
    const missing = await store.carts.addPromotion(id, 'NOT-THERE').catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(KassaApiError)
    expect((missing as KassaApiError).code).toBe('promotion.not_found')
    expect((await admin.promotions.deactivate(promo.id)).status).toBe('inactive')
  })
})
