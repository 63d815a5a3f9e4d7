import { type Commerce, listEvents } from '@kassa/core'
import { createStoreClient, KassaApiError, type Order, type StoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'
import { authorizeCalls } from './payment-fixtures.js'

// The whole buying flow through the SDK, its fetch being the real app's: no socket, no stub of Kassa.
const baseUrl = 'http://kassa.test'

let api: TestApi
let store: StoreClient
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  store = createStoreClient({ baseUrl, publishableKey: api.publishableKey, fetch: (r) => api.app.fetch(r) })
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

async function rejection(promise: Promise<unknown>): Promise<KassaApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(KassaApiError)
  return error as KassaApiError
}

/** A cart ready to complete: one line, email, address, shipping, payment. */
async function readyCart(
  options: { region?: keyof Shop['regions']; token?: string; provider?: string; quantity?: number; variant?: string } = {},
) {
  const region = options.region ?? 'nl'
  let cart = await store.carts.create({ region_id: shop.regions[region], email: 'buyer@example.com' })
  cart = await store.carts.addLine(cart.id, { variant_id: options.variant ?? shop.variants.shirt, quantity: options.quantity ?? 2 })
  cart = await store.carts.update(cart.id, { shipping_address: ADDRESSES[region] })
  cart = await store.carts.setShippingMethod(cart.id, shop.shipping[region])
  cart = await store.carts.setPayment(cart.id, {
    provider_id: options.provider ?? 'test',
    ...(options.provider === 'manual' ? {} : { data: { token: options.token ?? 'tok_ok' } }),
  })
  return cart
}

async function reserved(commerce: Commerce, variantId: string): Promise<number> {
  const row = await commerce.db
    .selectFrom('inventory_level')
    .select('reserved_quantity')
    .where('variant_id', '=', variantId)
    .executeTakeFirstOrThrow()
  return Number(row.reserved_quantity)
}

/** The order.placed events written for one cart. */
async function placedEvents(cartId: string) {
  const events = await listEvents(api.commerce.ctx(), { type: 'order.placed', limit: 10_000 })
  return events.filter((e) => e.data.cart_id === cartId)
}

async function orderCount(cartId: string): Promise<number> {
  const row = await api.commerce.db
    .selectFrom('order')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cart_id', '=', cartId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('buying through the SDK', () => {
  it('creates a cart, adds a line, sets address, shipping and payment, and completes it into an order with the right totals', async () => {
    let cart = await store.carts.create({ region_id: shop.regions.nl })
    expect(cart).toMatchObject({ currency_code: 'EUR', tax_inclusive: true, items: [], total: 0, promotions: [] })
    cart = await store.carts.addLine(cart.id, { variant_id: shop.variants.shirt, quantity: 1 })
    cart = await store.carts.addLine(cart.id, { variant_id: shop.variants.shirt, quantity: 1 })
    expect(cart.items).toHaveLength(1)
    expect(cart.items[0]).toMatchObject({ variant_id: shop.variants.shirt, quantity: 2, unit_price: 2495, subtotal: 4990, total: 4990 })
    // 21% VAT inside 49.90: 49.90 * 21 / 121 = 8.66
    expect(cart.items[0]!.tax_lines).toEqual([expect.objectContaining({ name: 'BTW', rate_bps: 2100, amount: 866 })])

    cart = await store.carts.update(cart.id, { email: 'anna@example.com', shipping_address: ADDRESSES.nl })
    expect(cart.shipping_address).toMatchObject({ country_code: 'nl', company: null })
    const options = await store.carts.shippingOptions(cart.id)
    expect(options).toEqual([expect.objectContaining({ id: shop.shipping.nl, amount: 495 })])
    cart = await store.carts.setShippingMethod(cart.id, options[0]!.id)
    expect(cart).toMatchObject({ subtotal: 4990, shipping_total: 495, total: 5485 })
    // 4.95 shipping carries 0.86 VAT.
    expect(cart.tax_total).toBe(866 + 86)

    const calls = authorizeCalls(api.commerce)
    cart = await store.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    expect(cart.payment_session).toMatchObject({ provider_id: 'test', status: 'pending' })
    const order = await store.carts.complete(cart.id)
    expect(authorizeCalls(api.commerce)).toBe(calls + 1)
    expect(order).toMatchObject({
      cart_id: cart.id,
      email: 'anna@example.com',
      currency_code: 'EUR',
      subtotal: 4990,
      shipping_total: 495,
      tax_total: 952,
      total: 5485,
      payment: { provider_id: 'test', status: 'authorized' },
    })
    expect(order.number).toBeGreaterThanOrEqual(1001)
    expect(order.items).toEqual([expect.objectContaining({ variant_id: shop.variants.shirt, quantity: 2, unit_price: 2495, total: 4990 })])
    expect(order.order_token).toMatch(/^ordtok_/)

    expect(await store.orders.get(order.id, order.order_token)).toEqual(order)
    expect(await rejection(store.orders.get(order.id, 'ordtok_wrong'))).toMatchObject({ status: 404, code: 'order.not_found' })
    // Completing again answers the same order and authorizes nothing more.
    expect(await store.carts.complete(cart.id)).toEqual(order)
    expect(authorizeCalls(api.commerce)).toBe(calls + 1)
    expect(await reserved(api.commerce, shop.variants.shirt)).toBeGreaterThanOrEqual(2)
  })

  it('numbers orders sequentially', async () => {
    const first = await store.carts.complete((await readyCart()).id)
    const second = await store.carts.complete((await readyCart()).id)
    expect(second.number).toBe(first.number + 1)
  })

  it('keeps a completed cart read-only', async () => {
    const cart = await readyCart()
    await store.carts.complete(cart.id)
    expect(await rejection(store.carts.addLine(cart.id, { variant_id: shop.variants.mug, quantity: 1 }))).toMatchObject({
      status: 409,
      code: 'cart.already_completed',
    })
    expect(await rejection(store.carts.update(cart.id, { email: 'x@example.com' }))).toMatchObject({ code: 'cart.already_completed' })
    expect(await rejection(store.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } }))).toMatchObject({
      code: 'cart.already_completed',
    })
    expect((await store.carts.get(cart.id)).status).toBe('completed')
    // A completed cart shows what was bought, at the prices of the order, whatever prices do later.
    await api.commerce.db
      .updateTable('price')
      .set({ amount: 9999 })
      .where('variant_id', '=', shop.variants.shirt)
      .where('currency_code', '=', 'EUR')
      .execute()
    expect(await store.carts.get(cart.id)).toMatchObject({
      total: cart.total,
      items: [{ unit_price: 2495 }],
      payment_session: { status: 'authorized' },
    })
    await api.commerce.db
      .updateTable('price')
      .set({ amount: 2495 })
      .where('variant_id', '=', shop.variants.shirt)
      .where('currency_code', '=', 'EUR')
      .execute()
  })

  it('answers a decline with 402 payment.declined: no order, the stock back, and a new payment is needed', async () => {
    const cart = await readyCart({ token: 'tok_declined', variant: shop.variants.mug, quantity: 3 })
    const before = await reserved(api.commerce, shop.variants.mug)
    const error = await rejection(store.carts.complete(cart.id))
    expect(error).toMatchObject({ status: 402, code: 'payment.declined' })
    expect(await orderCount(cart.id)).toBe(0)
    expect(await placedEvents(cart.id)).toEqual([])
    expect(await reserved(api.commerce, shop.variants.mug)).toBe(before)
    expect((await store.carts.get(cart.id)).status).toBe('open')
    expect((await rejection(store.carts.complete(cart.id))).body).toMatchObject({ code: 'cart.incomplete', missing: ['payment'] })
    await store.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    expect(await store.carts.complete(cart.id)).toMatchObject({ cart_id: cart.id, total: 3 * 1299 + 495 })
  })

  it('holds the stock through a 3-D Secure step and places the order on confirm', async () => {
    const cart = await readyCart({ token: 'tok_3ds', variant: shop.variants.mug, quantity: 1 })
    const before = await reserved(api.commerce, shop.variants.mug)
    expect(await rejection(store.carts.complete(cart.id))).toMatchObject({ status: 402, code: 'payment.requires_action' })
    expect(await reserved(api.commerce, shop.variants.mug)).toBe(before + 1)
    expect(await orderCount(cart.id)).toBe(0)
    expect(await rejection(store.carts.complete(cart.id))).toMatchObject({ status: 402, code: 'payment.requires_action' })
    const order = await store.carts.confirmPayment(cart.id, {})
    expect(order).toMatchObject({ cart_id: cart.id, payment: { status: 'authorized' } })
    expect(await store.carts.complete(cart.id)).toEqual(order)
    expect(await reserved(api.commerce, shop.variants.mug)).toBe(before + 1)
  })

  it('gives a pending 3-D Secure completion up when the buyer changes the cart', async () => {
    const cart = await readyCart({ token: 'tok_3ds', variant: shop.variants.mug, quantity: 1 })
    const before = await reserved(api.commerce, shop.variants.mug)
    await rejection(store.carts.complete(cart.id))
    const changed = await store.carts.addLine(cart.id, { variant_id: shop.variants.mug, quantity: 1 })
    expect(changed).toMatchObject({ status: 'open', payment_session: { status: 'canceled' } })
    expect(await reserved(api.commerce, shop.variants.mug)).toBe(before)
    expect(await rejection(store.carts.confirmPayment(cart.id))).toMatchObject({ status: 409, code: 'payment.nothing_to_confirm' })
  })

  it('places an order with the manual provider, its payment awaiting', async () => {
    const cart = await readyCart({ provider: 'manual' })
    const order = await store.carts.complete(cart.id)
    expect(order.payment).toEqual({ provider_id: 'manual', status: 'awaiting', authorized_amount: 0, captured_amount: 0, refunded_amount: 0, outstanding_amount: 0 })
  })

  it('says what an incomplete cart misses', async () => {
    const cart = await store.carts.create({ region_id: shop.regions.nl })
    const error = await rejection(store.carts.complete(cart.id))
    expect(error).toMatchObject({ status: 400, code: 'cart.incomplete' })
    expect(error.body.missing).toEqual(['items', 'email', 'shipping_address', 'shipping_method', 'payment'])
  })

  it('completes one cart asked 20 times at once into 1 order with 1 authorization; every answer is that order or a clean 409', async () => {
    const cart = await readyCart({ variant: shop.variants.mug, quantity: 1 })
    const calls = authorizeCalls(api.commerce)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api
          .store(`/store/carts/${cart.id}/complete`, { method: 'POST' })
          .then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    )
    expect(authorizeCalls(api.commerce)).toBe(calls + 1)
    expect(await orderCount(cart.id)).toBe(1)
    const statuses = answers.map((a) => a.status)
    expect(
      statuses.filter((s) => s !== 200 && s !== 409),
      JSON.stringify(statuses),
    ).toEqual([])
    const orders = answers.filter((a) => a.status === 200).map((a) => (a.body as { order: Order }).order.id)
    expect(orders.length).toBeGreaterThan(0)
    expect(new Set(orders).size).toBe(1)
    for (const a of answers.filter((a) => a.status === 409)) expect(a.body.code).toBe('cart.completion_in_progress')
    const events = await placedEvents(cart.id)
    expect(events).toHaveLength(1)
    expect(events[0]!.data).toMatchObject({ id: orders[0], cart_id: cart.id, currency_code: 'EUR' })
  })

  it('replays the first answer to an Idempotency-Key, refuses the key with another body (422) and runs again after a transient answer', async () => {
    const cart = await readyCart()
    const key = `key-${cart.id}`
    const post = (path: string, body?: unknown, k = key) =>
      api.store(`/store/carts/${cart.id}${path}`, {
        method: 'POST',
        headers: { 'idempotency-key': k, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    const first = await post('/complete')
    expect(first.status).toBe(200)
    const firstBody = await first.json()
    const again = await post('/complete')
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(firstBody)

    const payment = { provider_id: 'test', data: { token: 'tok_ok' } }
    const other = await readyCart()
    const pay = (body: unknown) =>
      api.store(`/store/carts/${other.id}/payment`, {
        method: 'POST',
        headers: { 'idempotency-key': 'pay-1', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await pay(payment)).status).toBe(200)
    // The same body in another key order is the same request.
    expect((await pay({ data: { token: 'tok_ok' }, provider_id: 'test' })).headers.get('idempotent-replayed')).toBe('true')
    const reused = await pay({ provider_id: 'test', data: { token: 'tok_declined' } })
    expect(reused.status).toBe(422)
    expect((await reused.json()).code).toBe('idempotency.key_reused')
    // The key is per route: the same key on another route is a new request.
    expect((await post('/complete', undefined, 'pay-1')).status).toBe(200)
  })

  it('answers carts and orders private, no-store', async () => {
    const cart = await readyCart()
    const res = await api.store(`/store/carts/${cart.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const { order } = (await (await api.store(`/store/carts/${cart.id}/complete`, { method: 'POST' })).json()) as { order: Order }
    const read = await api.store(`/store/orders/${order.id}`, { headers: { 'x-order-token': order.order_token } })
    expect(read.status).toBe(200)
    expect(read.headers.get('cache-control')).toBe('private, no-store')
  })
})
